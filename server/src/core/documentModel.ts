/**
 * Entry point of the structure core: text in, document model out. Pure and deterministic, so the server can
 * cache the result per document version and the CLI can call it directly.
 */
import { computeItems } from './articles';
import { Article, DocumentModel } from './model';
import { computeParagraphs } from './paragraphs';
import { LineIndex } from './text';

/** `lines` may be given when the caller already indexed this very text (the server's document store has). */
export function computeDocumentModel(text: string, lines: LineIndex = new LineIndex(text)): DocumentModel {
  const paragraphs = computeParagraphs(lines);
  const { blocks, items } = computeItems(text, paragraphs);
  const articles = items.filter((item): item is Article => item.kind === 'article');
  return { text, lines, paragraphs, blocks, items, articles };
}
