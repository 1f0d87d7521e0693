/** Hover providers, first answer wins. Add a provider here. */
import type { HoverProvider } from './hover';
import { openerHover } from './openerHover';

export const HOVER_PROVIDERS: HoverProvider[] = [openerHover];
