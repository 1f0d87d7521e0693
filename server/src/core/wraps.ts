/**
 * Where prose stops mid-sentence. Print extraction cuts a paragraph wherever a column or page ended, so a
 * sentence may stop at the foot of one paragraph and go on in the next (a broken wrap), or stop for good at
 * an article's end (a truncated article). Both rules, and the pair checker that must read a broken paragraph
 * as one, share this reading. Only prose (lede and body) counts: headlines, subheadlines, bylines, credits and
 * section heads never end with a full stop and are never broken wraps.
 */
import { endsClause } from './chars';
import { Article, Block, DocumentModel } from './model';
import { Span } from './text';

export interface BrokenWrap {
  /** Index into `model.blocks` of the paragraph that stops mid-sentence; the continuation is the next block. */
  block: number;
  next: number;
  /** The unfinished sentence at the end of the paragraph. */
  fragment: Span;
  /** The line breaks and blank lines between the two paragraphs. */
  gap: Span;
}

export interface TruncatedEnding {
  article: Article;
  block: number;
  fragment: Span;
}

function isProse(block: Block): boolean {
  return block.role === 'lede' || block.role === 'body';
}

/** Does the block's prose run to the end of its paragraph (no trailing credit after it)? */
function endsWithProse(block: Block): boolean {
  return block.content.end === block.paragraph.span.end;
}

const SENTENCE_MARK = /[。！？!?；;…]|\.(?=\s)/g;

/** The unfinished sentence at the end of a span: from after its last sentence mark to the end. */
export function trailingFragment(text: string, span: Span): Span {
  const body = text.slice(span.start, span.end);
  let start = 0;
  for (const m of body.matchAll(SENTENCE_MARK)) start = (m.index ?? 0) + m[0].length;
  while (start < body.length && /\s/.test(body[start])) start++;
  return { start: span.start + start, end: span.end };
}

function stopsMidSentence(model: DocumentModel, block: Block): boolean {
  const text = model.text.slice(block.content.start, block.content.end);
  return text.trim().length > 0 && !endsClause(text);
}

export function getBrokenWraps(model: DocumentModel): BrokenWrap[] {
  const out: BrokenWrap[] = [];
  for (let i = 0; i + 1 < model.blocks.length; i++) {
    const block = model.blocks[i];
    const next = model.blocks[i + 1];
    if (!isProse(block) || next.role !== 'body' || block.item !== next.item || block.item < 0) continue;
    if (!endsWithProse(block) || !stopsMidSentence(model, block)) continue;
    out.push({ block: i, next: i + 1, fragment: trailingFragment(model.text, block.content), gap: { start: block.paragraph.span.end, end: next.paragraph.span.start } });
  }
  return out;
}

/** Articles whose last prose paragraph stops mid-sentence: the rest was lost in extraction. */
export function getTruncatedEndings(model: DocumentModel): TruncatedEnding[] {
  const out: TruncatedEnding[] = [];
  const indexOf = new Map(model.blocks.map((b, i) => [b, i]));
  for (const article of model.articles) {
    const last = article.body[article.body.length - 1];
    if (!last || !stopsMidSentence(model, last)) continue;
    const index = indexOf.get(last) ?? -1;
    out.push({ article, block: index, fragment: trailingFragment(model.text, last.content) });
  }
  return out;
}
