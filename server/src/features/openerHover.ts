/** Hover on a byline (role and name) or a dateline (place, date, agency), in the display language. */
import { getOpenerHover } from '../core/openerHover';
import type { HoverProvider } from './hover';

export const openerHover: HoverProvider = (model, offset, locale) => getOpenerHover(model, offset, locale ?? 'en');
