/**
 * unbalanced-pair: a quotation mark, title mark or bracket that is not closed within its paragraph (“ ” ‘ ’
 * 《 》 ( ) （ ） 【 】 「 」 『 』 and the ASCII "). Extraction drops marks at line and page breaks, and a quote that
 * never closes leaves the reader guessing where the speaker stops. A paragraph split by a broken wrap is read
 * as one. Hit: `他说：“要坚持精准治污。` with no closing ”. Near miss: `“四个自信”`, the apostrophe in `don’t`,
 * and a quotation that runs over paragraphs, left open at a paragraph's end and reopened at the next start.
 */
import { isAsciiDigitCode, isAsciiLetterCode, isCJKCode } from '../chars';
import { IntList } from '../intList';
import { DocumentModel } from '../model';
import { Span } from '../text';
import { BlockRange, ownBlockRange, unitBlockRange, unitCount } from '../ruleScope';
import { getBrokenWraps } from '../wraps';
import { Rule, RuleContext } from './types';

const OPENERS: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '(': ')', '（': '）', '【': '】', '「': '」', '『': '』' };

// The scanner reads UTF-16 units in place and compares them as numbers: a one-character string of a Chinese mark is
// a new string each time, and looking it up in a table of strings cost more than reading the paragraph.
const QUOTE = 0x22;
const LEFT_SINGLE = 0x2018;
const RIGHT_SINGLE = 0x2019;
const OPEN = 1;
const CLOSE = 2;
/** What each unit is: an opening mark, a closing mark, the ASCII " (both), or 0 for no mark. */
const MARK_KIND = new Uint8Array(0x10000);
/** The closing mark of each opening mark. */
const CLOSER_OF = new Map<number, number>();
for (const [o, c] of Object.entries(OPENERS)) {
  MARK_KIND[o.charCodeAt(0)] = OPEN;
  MARK_KIND[c.charCodeAt(0)] = CLOSE;
  CLOSER_OF.set(o.charCodeAt(0), c.charCodeAt(0));
}
MARK_KIND[QUOTE] = OPEN | CLOSE;

/** ASCII and full-width parentheses close each other: extraction mixes them, and the width is another rule's business. */
function closes(opener: number, closer: number): boolean {
  if (CLOSER_OF.get(opener) === closer) return true;
  return (opener === 0x28 && closer === 0xff09) || (opener === 0xff08 && closer === 0x29);
}

export interface UnbalancedMark {
  mark: string;
  offset: number;
  kind: 'unclosed' | 'unopened';
}

/** `[A-Za-z0-9]` or CJK, on one unit (NaN past the end is neither). */
function isLetterCode(c: number): boolean {
  return isAsciiLetterCode(c) || isAsciiDigitCode(c) || isCJKCode(c);
}

/** A paragraph whose marks all pair up: one list for all of them (most paragraphs), never added to. */
const BALANCED: readonly UnbalancedMark[] = Object.freeze([]);

/** Offsets of the marks still open, reused from paragraph to paragraph (a page has thousands). */
const stack = new IntList(64);

/** Scans a logical paragraph, `spans[from]` to `spans[to - 1]` (in document order), for marks that do not pair up. */
export function findUnbalanced(text: string, spans: readonly Span[], from = 0, to = spans.length): readonly UnbalancedMark[] {
  let out: UnbalancedMark[] | null = null;
  stack.length = 0;
  for (let s = from; s < to; s++) {
    const span = spans[s];
    // Reading the paragraph in place: a regular expression over a slice of each paragraph (searching the whole text
    // from here would run on to the next mark anywhere below, quadratic on a page with few marks) cost a slice and a
    // search per paragraph, more than the reading itself.
    for (let i = nextMark(text, span.start, span.end); i < span.end; i = nextMark(text, i + 1, span.end)) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        if (stack.length > 0 && text.charCodeAt(stack.get(stack.length - 1)) === QUOTE) stack.length--;
        else stack.push(i);
      } else if (MARK_KIND[c] === OPEN) {
        stack.push(i);
      } else {
        if (c === RIGHT_SINGLE && isAsciiLetterCode(text.charCodeAt(i - 1)) && isLetterCode(text.charCodeAt(i + 1))) continue;
        if (c === RIGHT_SINGLE && !isOpen(text, LEFT_SINGLE)) continue;
        let match = stack.length - 1;
        while (match >= 0 && !closes(text.charCodeAt(stack.get(match)), c)) match--;
        if (match < 0) {
          (out ??= []).push({ mark: text[i], offset: i, kind: 'unopened' });
          continue;
        }
        // Marks opened after the one this closes were never closed themselves.
        for (let k = match + 1; k < stack.length; k++) (out ??= []).push(unclosed(text, stack.get(k)));
        stack.length = match;
      }
    }
  }
  for (let k = 0; k < stack.length; k++) (out ??= []).push(unclosed(text, stack.get(k)));
  if (out === null) return BALANCED;
  return out.length > 1 ? out.sort((a, b) => a.offset - b.offset) : out;
}

function unclosed(text: string, offset: number): UnbalancedMark {
  return { mark: text[offset], offset, kind: 'unclosed' };
}

/** Is a `mark` among the marks still open? */
function isOpen(text: string, mark: number): boolean {
  for (let k = 0; k < stack.length; k++) if (text.charCodeAt(stack.get(k)) === mark) return true;
  return false;
}

/** The first mark at or after `from`, or `end`. */
function nextMark(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && MARK_KIND[text.charCodeAt(i)] === 0) i++;
  return i;
}

/**
 * Paragraphs as the reader sees them, among the view's own blocks: a paragraph and its broken-wrap continuations.
 * A wrap joins two blocks of one item, so no such paragraph runs from one unit into the next. The text blocks' spans
 * in one list, and where each paragraph starts in it (the last entry is the list's length): one list per paragraph
 * was a few thousand arrays per megabyte, made only to be read once.
 */
function logicalParagraphs(model: DocumentModel, own: BlockRange, continues: ReadonlySet<number>): { spans: Span[]; starts: number[] } {
  const spans: Span[] = [];
  const starts: number[] = [];
  for (let i = own.start; i < own.end; i++) {
    const block = model.blocks[i];
    if (block.paragraph.kind !== 'text') continue;
    if (!(continues.has(i) && spans.length > 0)) starts.push(spans.length);
    spans.push(block.paragraph.span);
  }
  starts.push(spans.length);
  return { spans, starts };
}

/**
 * The first text paragraph after the view's own blocks, where a quotation left open at the end of the unit may be
 * reopened. It is looked for in the next unit only: a quotation does not run on past an item that has no text of
 * its own (an article that is only a front-matter block), and a unit reads no further than its neighbour.
 */
function nextParagraphStart(model: DocumentModel, own: BlockRange): number {
  const { blocks, items } = model;
  if (own.end >= blocks.length) return -1;
  // The view's next unit ends where the item after the next one starts.
  const nextItem = blocks[own.end].item;
  const limit = nextItem >= 0 && nextItem + 1 < items.length ? items[nextItem + 1].firstBlock : blocks.length;
  for (let i = own.end; i < limit && i < blocks.length; i++) if (blocks[i].paragraph.kind === 'text') return blocks[i].paragraph.span.start;
  return -1;
}

/** The blocks that continue the block before them (the `next` of a broken wrap), among the view's own blocks. */
function continuations(model: DocumentModel, own: BlockRange): Set<number> {
  return new Set(getBrokenWraps(model, own).map((w) => w.next));
}

function checkUnit(context: RuleContext, own: BlockRange, continues: ReadonlySet<number>): void {
  const { model } = context;
  const { spans, starts } = logicalParagraphs(model, own, continues);
  const after = nextParagraphStart(model, own);
  for (let g = 0; g + 1 < starts.length; g++) {
    // A quotation running over paragraphs is left open at each paragraph's end and reopened at the next start.
    const next = g + 2 < starts.length ? spans[starts[g + 1]].start : after;
    const reopened = next >= 0 ? model.text[next] : '';
    const marks = findUnbalanced(model.text, spans, starts[g], starts[g + 1]);
    for (let k = 0; k < marks.length; k++) {
      const m = marks[k];
      if (m.kind === 'unclosed' && (m.mark === '“' || m.mark === '"') && reopened === m.mark) continue;
      context.report({
        span: { start: m.offset, end: m.offset + 1 },
        message:
          m.kind === 'unclosed'
            ? context.t(`"${m.mark}" is not closed in this paragraph.`, `“${m.mark}”在本段内没有闭合。`)
            : context.t(`"${m.mark}" closes nothing: there is no opening mark in this paragraph.`, `“${m.mark}”在本段内没有对应的前半部分。`),
      });
    }
  }
}

export const unbalancedPair: Rule = {
  code: 'unbalanced-pair',
  defaultLevel: 'warning',
  // A unit checks its own paragraphs, and reads the first paragraph of the next unit for a reopened quotation.
  scope: 'blocks',
  summary: 'A quotation mark, title mark or bracket not closed within its paragraph.',
  description:
    'Flags an opening “ ‘ 《 ( （ 【 「 『 or ASCII " that is not closed in its paragraph, and a closing mark with no opening one. Extraction drops marks at line and page breaks, and an unclosed quote leaves the reader guessing where a speaker stops. A paragraph split by a broken wrap is read as one; an apostrophe (don’t) is not a quote, and a quotation that runs over several paragraphs (left open at the end of one and reopened at the start of the next, as in wire copy) is not flagged. There is no automatic fix: only the editor knows where the quote ends.',
  example: { hit: '温武瑞说：“要坚持精准治污、科学治污、依法治污。', nearMiss: '不断增强“四个自信”，don’t' },
  fixable: false,
  check(context) {
    const { model } = context;
    // The whole model is checked unit by unit too, so that the CLI and the server read the same quotations.
    if (model.ownBlocks) checkUnit(context, model.ownBlocks, continuations(model, model.ownBlocks));
    else {
      // A wrap joins two blocks of one item, so each wrap of the whole model lies in one unit: the whole model's
      // wraps (which broken-wrap has already found, and which are kept per model) serve every unit.
      const continues = continuations(model, ownBlockRange(model));
      for (let k = 0; k < unitCount(model); k++) checkUnit(context, unitBlockRange(model, k), continues);
    }
  },
};
