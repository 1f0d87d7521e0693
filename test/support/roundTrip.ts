/**
 * The round-trip acceptance of conversion to front-matter, as one check used by the unit and property tests:
 * the outline of the converted text equals the original's, converting again changes nothing, and every body
 * paragraph of the original is in the output verbatim (whitespace aside), in order.
 */
import { computeConvertedText } from '../../server/src/core/convert';
import { computeDocumentModel } from '../../server/src/core/documentModel';
import { DocumentModel } from '../../server/src/core/model';
import { summarizeDocument } from '../../server/src/core/summary';

const HEADER_ROLES = new Set(['kicker', 'kickerSubtitle', 'headline', 'subheadline', 'byline', 'agency', 'frontMatter']);

/** The outline without what conversion is meant to change: positions, line numbers and the format label. */
export function comparableOutline(model: DocumentModel): unknown[] {
  return summarizeDocument(model).items.map((item) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { range, ...rest } = item;
    if (rest.kind !== 'article') return rest;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { format, title, ...article } = rest;
    return { ...article, sections: article.sections.map((s) => s.title) };
  });
}

/** Every paragraph that is not a header line or a block, the lede without its opener; whitespace removed. */
export function bodyParagraphs(model: DocumentModel): string[] {
  const out: string[] = [];
  const openers = new Set(model.articles.filter((a) => a.openerSpan && a.lede).map((a) => a.lede!));
  for (const block of model.blocks) {
    if (HEADER_ROLES.has(block.role)) continue;
    const p = block.paragraph;
    const start = openers.has(block) ? block.content.start : p.span.start;
    out.push(model.text.slice(start, p.span.end).replace(/\s+/g, ''));
  }
  return out;
}

export interface RoundTrip {
  converted: string;
  original: DocumentModel;
  result: DocumentModel;
  /** Paragraphs of the original body compared with the output. */
  paragraphs: number;
}

export function roundTrip(text: string): RoundTrip {
  const original = computeDocumentModel(text);
  const converted = computeConvertedText(original);
  const result = computeDocumentModel(converted);
  return { converted, original, result, paragraphs: bodyParagraphs(original).length };
}
