/** Hover providers, first answer wins. Add a provider here. */
import { figureHover } from './figureHover';
import { frontMatterHover } from './frontMatterHover';
import type { HoverProvider } from './hover';

export const HOVER_PROVIDERS: HoverProvider[] = [frontMatterHover, figureHover];
