/** Hover providers, first answer wins. Add a provider here. */
import { figureHover } from './figureHover';
import { frontMatterHover } from './frontMatterHover';
import type { HoverProvider } from './hover';
import { openerHover } from './openerHover';

export const HOVER_PROVIDERS: HoverProvider[] = [frontMatterHover, figureHover, openerHover];
