/**
 * Where prose stops mid-sentence. Print extraction cuts a paragraph wherever a column or page ended, so a
 * sentence may stop at the foot of one paragraph and go on in the next (a broken wrap), or stop for good at
 * an article's end (a truncated article). Both rules, and the pair checker that must read a broken paragraph
 * as one, share this reading. Only prose (lede and body) counts: headlines, subheadlines, bylines, credits and
 * section heads never end with a full stop and are never broken wraps.
 */
import { endsClauseAt, isRegExpSpaceCode } from './chars';
import { Memo } from './memo';
import { Article, Block, DocumentModel } from './model';
import { BlockRange, ownBlockRange } from './ruleScope';
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

// The readings below walk the page's text in place with charCodeAt, from the end of a paragraph backwards: they
// run on every prose paragraph of a 10 MB archive, where slicing and trimming each paragraph was most of the work.

/** `。！？!?；;…`, and `.` when a space follows: where a sentence stops. */
function isSentenceMark(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1b || c === 0x3b || c === 0x2026) return true;
  return c === 0x2e && i + 1 < end && isRegExpSpaceCode(text.charCodeAt(i + 1));
}

/** The unfinished sentence at the end of a span: from after its last sentence mark to the end. */
export function trailingFragment(text: string, span: Span): Span {
  let start = span.end;
  while (start > span.start && !isSentenceMark(text, start - 1, span.end)) start--;
  while (start < span.end && isRegExpSpaceCode(text.charCodeAt(start))) start++;
  return { start, end: span.end };
}

/** A block whose prose has text and does not end a clause (a blank one stops nothing). */
function stopsMidSentence(model: DocumentModel, block: Block): boolean {
  const { start, end } = block.content;
  let i = end;
  while (i > start && isRegExpSpaceCode(model.text.charCodeAt(i - 1))) i--;
  return i > start && !endsClauseAt(model.text, start, i);
}

/** Both the broken-wrap and unbalanced-pair rules read the wraps of the same view in one run: read them once. */
const wrapsOf = new Memo<DocumentModel, BrokenWrap[]>('brokenWraps');

/**
 * Broken wraps among the blocks of `range` (the view's own blocks by default). A wrap joins two blocks of one item,
 * so a unit's wraps lie in its own blocks.
 */
export function getBrokenWraps(model: DocumentModel, range: BlockRange = ownBlockRange(model)): BrokenWrap[] {
  const own = ownBlockRange(model);
  const whole = range.start === own.start && range.end === own.end;
  const cached = whole ? wrapsOf.get(model) : undefined;
  if (cached) return cached;
  const out: BrokenWrap[] = [];
  const { blocks } = model;
  for (let i = range.start; i < range.end && i + 1 < blocks.length; i++) {
    const block = blocks[i];
    const next = blocks[i + 1];
    if (!isProse(block) || next.role !== 'body' || block.item !== next.item || block.item < 0) continue;
    if (!endsWithProse(block) || !stopsMidSentence(model, block)) continue;
    out.push({ block: i, next: i + 1, fragment: trailingFragment(model.text, block.content), gap: { start: block.paragraph.span.end, end: next.paragraph.span.start } });
  }
  if (whole) wrapsOf.set(model, out);
  return out;
}

/** Articles of the model or view whose last prose paragraph stops mid-sentence: the rest was lost in extraction. */
export function getTruncatedEndings(model: DocumentModel): TruncatedEnding[] {
  const out: TruncatedEnding[] = [];
  for (const article of model.articles) {
    const last = article.body[article.body.length - 1];
    if (!last || !stopsMidSentence(model, last)) continue;
    let index = article.lastBlock;
    while (index >= article.firstBlock && model.blocks[index] !== last) index--;
    out.push({ article, block: index >= article.firstBlock ? index : -1, fragment: trailingFragment(model.text, last.content) });
  }
  return out;
}
