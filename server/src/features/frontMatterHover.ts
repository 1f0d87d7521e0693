/** Hover on a front-matter key: what it holds, in English and Chinese, and where the exports put it. */
import { getFrontMatterKeyAt } from '../core/frontMatterCompletion';
import { HoverProvider } from './hover';

export const frontMatterHover: HoverProvider = (model, offset) => {
  const found = getFrontMatterKeyAt(model, offset);
  if (!found) return null;
  const { entry, field } = found;
  const markdown = [`**${entry.path.filter((k) => !/^\d+$/.test(k)).join('.')}** — ${field.summary.en}`, '', field.summary.zh, '', `*Standards:* ${field.standard}`].join('\n');
  return { markdown, span: entry.keySpan };
};
