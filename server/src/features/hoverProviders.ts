/** Hover providers, first answer wins. Add a provider here. */
import { figureHover } from './figureHover';
import type { HoverProvider } from './hover';

export const HOVER_PROVIDERS: HoverProvider[] = [figureHover];
