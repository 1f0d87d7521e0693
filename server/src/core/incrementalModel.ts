/**
 * Incremental update of the document model, so that a keystroke in a year of pages re-reads the article it
 * touches and not the archive. The structure core reads a page left to right with a few paragraphs of look-ahead,
 * so an edit can only change what lies near it: this file re-reads a window of whole items around the edit,
 * checks that the window's reading agrees with the previous model at both of its edges (the same items, in the
 * same shape, start where they started), and splices it between the untouched items before it and the items after
 * it, whose offsets, lines and indices are moved in place; the previous model is retired by that (see `retire`).
 * When an edge does not agree (the edit changed where items start far from it), or the edit could open or close a
 * front-matter block or a comment, the whole text is read again: the result is always what `computeDocumentModel`
 * gives for the new text, and a property test holds it to that. Fields that carry offsets must be moved here (a
 * unit test lists the shapes it knows); a model whose objects have other fields is read again.
 */
import { computeItems } from './articles';
import { Caption } from './captions';
import { computeDocumentModel } from './documentModel';
import { FrontMatter } from './frontMatter';
import { Article, Block, DocumentModel, Item } from './model';
import { computeParagraphs, Paragraph } from './paragraphs';
import { PieceText, TextReader, textOf } from './pieceText';
import { LineIndex, Span } from './text';
import { firstIndex, lastIndexBefore } from './sorted';

/** One edit, in the previous text's offsets, as LSP sends them (applied in order, each to the previous result). */
export interface TextChange {
  span: Span;
  newText: string;
}

/** Items of the new model that are items of the previous one, moved by `shift` offsets. */
export interface KeptItems {
  /** First and last-plus-one index in the new model. */
  start: number;
  end: number;
  /** Index of `start` in the previous model. */
  previousStart: number;
  shift: number;
  /** Lines they moved by: an item after an edit moves by whole lines, its columns unchanged. */
  lineShift: number;
}

export interface ModelUpdate {
  model: DocumentModel;
  /** Items carried over unchanged in shape (empty after a full re-read). */
  kept: KeptItems[];
  /** False when the whole text was read again. */
  incremental: boolean;
}

/** Paragraphs of look-ahead the item reader may use past an item's first paragraph. */
const LOOK_AHEAD = 12;
const MODEL_KEYS = 'articles,blocks,items,lines,paragraphs,text';

export function updateDocumentModel(previous: DocumentModel, changes: readonly TextChange[]): DocumentModel {
  return computeModelUpdate(previous, changes).model;
}

/**
 * Applies the changes one by one; `kept` maps items of the result to items of `previous`. A document store that
 * already applied a single change passes its text and line index as `after`, so they are not made twice.
 */
export function computeModelUpdate(previous: DocumentModel, changes: readonly TextChange[], after?: { text: TextReader; lines: LineIndex }): ModelUpdate {
  // A retired model's items cannot be read (see `retire`): an update from it reads its text again in full.
  const count = retired.has(previous) ? 0 : previous.items.length;
  let update: ModelUpdate = { model: previous, kept: [{ start: 0, end: count, previousStart: 0, shift: 0, lineShift: 0 }], incremental: true };
  for (const change of changes) {
    const next = updateOnce(update.model, change, changes.length === 1 ? after : undefined);
    update = { model: next.model, kept: composeKept(update.kept, next.kept), incremental: update.incremental && next.incremental };
  }
  return update;
}

/** `first` maps B's items to A's, `second` C's to B's: the result maps C's items to A's. */
export function composeKept(first: readonly KeptItems[], second: readonly KeptItems[]): KeptItems[] {
  const out: KeptItems[] = [];
  for (const b of second) {
    for (const a of first) {
      const lo = Math.max(b.previousStart, a.start);
      const hi = Math.min(b.previousStart + (b.end - b.start), a.end);
      if (lo >= hi) continue;
      out.push({ start: b.start + (lo - b.previousStart), end: b.start + (hi - b.previousStart), previousStart: a.previousStart + (lo - a.start), shift: a.shift + b.shift, lineShift: a.lineShift + b.lineShift });
    }
  }
  return out;
}

function fullUpdate(text: TextReader): ModelUpdate {
  return { model: computeDocumentModel(textOf(text)), kept: [], incremental: false };
}

/**
 * A model of a text kept in pieces: its `text` is joined when something first asks for it, so that a keystroke
 * whose readers ask only for the edited article's text (the update, the findings of the units it touched, the
 * outline) never copies the archive (see `core/pieceText.ts`). `lines.text` reads it without joining.
 */
function modelOf(lines: LineIndex, paragraphs: Paragraph[], blocks: Block[], items: Item[], articles: Article[]): DocumentModel {
  const model = { lines, paragraphs, blocks, items, articles } as Omit<DocumentModel, 'text'>;
  return Object.defineProperty(model, 'text', { get: () => textOf(lines.text), enumerable: true, configurable: true }) as DocumentModel;
}

/** One change; `previous` is retired whatever the outcome (see `retire`), so that no caller comes to rely on it. */
function updateOnce(previous: DocumentModel, change: TextChange, after?: { text: TextReader; lines: LineIndex }): ModelUpdate {
  // The model's text as its line index reads it: in pieces when a store keeps it so, never joined here.
  const oldText = previous.lines.text;
  const start = Math.max(0, Math.min(change.span.start, oldText.length));
  const end = Math.max(start, Math.min(change.span.end, oldText.length));
  const text = after ? after.text : PieceText.from(oldText).replace(start, end, change.newText);
  if (retired.has(previous)) return fullUpdate(text);
  let update: ModelUpdate | null;
  try {
    update = updateWindow(previous, change, start, end, text, after);
  } catch {
    // A failure halfway may have moved some of the previous model's objects: the new text is read in full.
    update = null;
  }
  retire(previous);
  return update ?? fullUpdate(text);
}

/** The incremental update, or null when the text must be read in full. */
function updateWindow(previous: DocumentModel, change: TextChange, start: number, end: number, text: TextReader, after?: { text: TextReader; lines: LineIndex }): ModelUpdate | null {
  const oldText = previous.lines.text;
  if (Object.keys(previous).sort().join(',') !== MODEL_KEYS) return null;
  const { paragraphs, items, blocks } = previous;
  if (items.length < 4 || blocks.length !== paragraphs.length) return null;
  const delta = change.newText.length - (end - start);
  const oldLines = previous.lines;
  const firstLine = oldLines.positionAt(start).line;
  const lastLine = oldLines.positionAt(end).line;
  // The new text is a rope until something reads it; everything here reads the old text and the inserted text,
  // so that a keystroke does not flatten a 10 MB string.
  const from = Math.max(0, firstLine - 1);
  const localStart = oldLines.lineStart(from);
  const localEnd = lastLine + 2 < oldLines.lineCount ? oldLines.lineStart(lastLine + 2) : oldText.length;
  const local = oldText.slice(localStart, start) + change.newText + oldText.slice(end, localEnd);
  // Fences and comment ends are found by searching ahead hundreds of lines: an edit near one re-reads everything.
  if (/---|-->|<!--|\.\.\./.test(local)) return null;
  const lines = after ? after.lines : updateLineIndex(oldLines, text, local, from, lastLine + 2, delta);
  const lineDelta = lines.lineCount - oldLines.lineCount;
  const newTextOf = (a: number, b: number): string =>
    a >= start + change.newText.length ? oldText.slice(a - delta, b - delta) : b <= start ? oldText.slice(a, b) : oldText.slice(a, start) + change.newText + oldText.slice(end, b - delta);

  const p0 = firstParagraphEndingAtOrAfter(paragraphs, firstLine - 1);
  const p1 = Math.max(p0, lastParagraphStartingAtOrBefore(paragraphs, lastLine + 1));
  let kS = itemAt(items, p0) - 1;
  while (kS > 0 && items[kS + 1].firstBlock + LOOK_AHEAD > p0) kS--;
  for (let attempt = 0; attempt < 3; attempt++, kS -= 3) {
    if (kS < 0) kS = 0;
    const result = readWindow(previous, text, newTextOf, lines, kS, p1, delta, lineDelta, start + change.newText.length, start);
    if (result) return result;
    if (kS === 0) break;
  }
  return null;
}

/** Re-reads items from `kS` to a little past paragraph `p1`; null when an edge does not agree. */
function readWindow(
  previous: DocumentModel,
  text: TextReader,
  newTextOf: (start: number, end: number) => string,
  lines: LineIndex,
  kS: number, p1: number, delta: number, lineDelta: number, editEnd: number, editStart: number): ModelUpdate | null {
  const { paragraphs, items, blocks } = previous;
  const wp0 = kS === 0 ? 0 : items[kS].firstBlock;
  const wl0 = wp0 === 0 ? 0 : paragraphs[wp0 - 1].endLine + 1;
  const kEdit = itemAt(items, p1);
  const lastP = Math.min(paragraphs.length - 1, Math.max(p1, items[Math.min(items.length - 1, kEdit + 2)].lastBlock) + 2 * LOOK_AHEAD);
  const toEnd = lastP === paragraphs.length - 1;
  const ws = lines.lineStart(wl0);
  // The window ends after the edit, so its end is the old one moved: asking the new text would flatten it.
  const we = toEnd ? text.length : previous.lines.lineEndOffset(paragraphs[lastP].endLine) + delta;
  const windowText = newTextOf(ws, we);
  const windowParagraphs = computeParagraphs(new LineIndex(windowText));
  const window = computeItems(windowText, windowParagraphs);
  if (window.items.length === 0) return null;
  // The blocks are the paragraphs' own list in both or in neither (see `computeItems`), so that one splice does both.
  if ((window.blocks === windowParagraphs) !== (blocks === paragraphs)) return null;

  if (kS > 0) {
    if (window.items.length < 2) return null;
    if (!sameItem(window.items[0], window.blocks, items[kS], blocks)) return null;
    const next = windowParagraphs[window.items[1].firstBlock];
    if (next.startLine + wl0 !== paragraphs[items[kS + 1].firstBlock].startLine) return null;
  }

  // Where the window's reading rejoins the previous one: window item j is old item m, and both are followed by
  // the same item start, with enough of the window left after it for the reader's look-ahead.
  let keepWindowItems = window.items.length;
  let keepWindowParagraphs = windowParagraphs.length;
  let resume = -1;
  if (!toEnd) {
    let m = kEdit + 1;
    for (let j = 0; j + 2 < window.items.length && resume < 0; j++) {
      const nextFirst = window.items[j + 1].firstBlock;
      if (windowParagraphs.length - nextFirst < LOOK_AHEAD) break;
      if (ws + window.items[j].span.start < editEnd) continue;
      const line = windowParagraphs[window.items[j].firstBlock].startLine + wl0 - lineDelta;
      while (m < items.length && paragraphs[items[m].firstBlock].startLine < line) m++;
      if (m + 1 >= items.length || paragraphs[items[m].firstBlock].startLine !== line || items[m].firstBlock <= p1) continue;
      if (paragraphs[items[m + 1].firstBlock].startLine !== windowParagraphs[nextFirst].startLine + wl0 - lineDelta) continue;
      if (!sameItem(window.items[j], window.blocks, items[m], blocks)) continue;
      // Item j read as old item m, paragraphs after it included: the old one is kept, so that what is kept per item
      // (findings, outline symbols) is made again only for the items the edit can have changed. Otherwise the
      // window's reading of item j goes in, and the old items are kept from the next one on.
      if (sameStretch(window, windowParagraphs, window.items[j].firstBlock, nextFirst, j, previous, items[m].firstBlock, items[m + 1].firstBlock, m)) {
        keepWindowItems = j;
        keepWindowParagraphs = window.items[j].firstBlock;
        resume = m;
      } else {
        keepWindowItems = j + 1;
        keepWindowParagraphs = nextFirst;
        resume = m + 1;
      }
    }
    if (resume < 0) return null;
  }

  const q = resume >= 0 ? items[resume].firstBlock : paragraphs.length;
  const resumeItem = resume >= 0 ? resume : items.length;
  if (!knownShapes(paragraphs, blocks, items, q, resumeItem) || !knownShapes(windowParagraphs, window.blocks, window.items, 0, 0)) return null;
  // The window starts a few items before the edit, for the reader's look-ahead; those it read as before (same shape at
  // the same place, followed by the same item start, all before the edit) are kept items too, so that what is
  // kept per item (findings, outline symbols) is made again only for the items the edit can have changed.
  let same = kS;
  const oldStart = (item: Item): number => paragraphs[item.firstBlock].span.start;
  const windowStart = (item: Item): number => ws + windowParagraphs[item.firstBlock].span.start;
  while (same + 1 < kS + keepWindowItems && same + 1 < items.length) {
    const a = window.items[same - kS];
    const b = items[same];
    const nextStart = windowStart(window.items[same + 1 - kS]);
    if (nextStart > editStart || nextStart !== oldStart(items[same + 1])) break;
    if (windowStart(a) !== oldStart(b) || !sameItem(a, window.blocks, b, blocks)) break;
    same++;
  }
  const kept: KeptItems[] = [{ start: 0, end: same, previousStart: 0, shift: 0, lineShift: 0 }];
  const keptAfter = kS + keepWindowItems;
  if (resume >= 0) kept.push({ start: keptAfter, end: keptAfter + items.length - resume, previousStart: resume, shift: delta, lineShift: lineDelta });

  // The new model is the previous one's arrays with the window's objects spliced in: the objects before the window
  // are the same, those after it are moved where they lie (see `retire`), the window's own are moved from window
  // offsets to the document's.
  const articleFrom = firstIndex(previous.articles.length, (i) => previous.articles[i].index >= kS);
  const articleTo = firstIndex(previous.articles.length, (i) => previous.articles[i].index >= resumeItem);
  shiftInPlace(windowParagraphs, window.blocks, window.items, 0, keepWindowParagraphs, 0, keepWindowItems, { offset: ws, line: wl0, index: wp0, item: kS });
  shiftInPlace(paragraphs, blocks, items, q, paragraphs.length, resumeItem, items.length, { offset: delta, line: lineDelta, index: wp0 + keepWindowParagraphs - q, item: keptAfter - resume });
  const articles = previous.articles;
  replaceRange(paragraphs, wp0, q, windowParagraphs, keepWindowParagraphs);
  if (blocks !== paragraphs) replaceRange(blocks, wp0, q, window.blocks, keepWindowParagraphs);
  replaceRange(items, kS, resumeItem, window.items, keepWindowItems);
  const windowArticles = window.items.slice(0, keepWindowItems).filter((item): item is Article => item.kind === 'article');
  replaceRange(articles, articleFrom, articleTo, windowArticles, windowArticles.length);
  return { model: modelOf(lines, paragraphs, blocks, items, articles), kept, incremental: true };
}

/**
 * Moves paragraphs and blocks `b0`..`b1` and items `i0`..`i1` (whose blocks those must be) by `s`, where they lie;
 * their block indices are `firstIndex` more than their place in the model's arrays (0 unless an earlier move changed
 * them). `core/ruleScope.ts` moves a part of the page to the offsets of its own text this way, checks it, and moves
 * it back. False, and nothing moved, when the objects have fields this file does not move.
 */
export function movePart(model: DocumentModel, b0: number, b1: number, i0: number, i1: number, s: Shift, firstIndex = 0): boolean {
  const { paragraphs, blocks, items } = model;
  if (!knownShapes(paragraphs, blocks, items.slice(i0, i1), b0, 0)) return false;
  shiftInPlace(paragraphs, blocks, items, b0, b1, i0, i1, s, firstIndex);
  return true;
}

/** `xs[start..end)` replaced by the first `count` of `ys`, in place (a splice; a year of pages moves no element twice). */
function replaceRange<T>(xs: T[], start: number, end: number, ys: readonly T[], count: number): void {
  // A splice's arguments go on the stack: a very long window is put in after a plain splice.
  if (count <= 10000) {
    xs.splice(start, end - start, ...ys.slice(0, count));
    return;
  }
  const tail = xs.splice(start, xs.length - start);
  for (let i = 0; i < count; i++) xs.push(ys[i]);
  for (let i = end - start; i < tail.length; i++) xs.push(tail[i]);
}

/** The text and line index after one change, without copying the unchanged text (for a document store). */
export function applyTextChange(text: TextReader, lines: LineIndex, change: TextChange): { text: PieceText; lines: LineIndex } {
  const start = Math.max(0, Math.min(change.span.start, text.length));
  const end = Math.max(start, Math.min(change.span.end, text.length));
  const next = PieceText.from(text).replace(start, end, change.newText);
  const firstLine = lines.positionAt(start).line;
  const lastLine = lines.positionAt(end).line;
  const from = Math.max(0, firstLine - 1);
  const localEnd = lastLine + 2 < lines.lineCount ? lines.lineStart(lastLine + 2) : text.length;
  const local = text.slice(lines.lineStart(from), start) + change.newText + text.slice(end, localEnd);
  return { text: next, lines: updateLineIndex(lines, next, local, from, lastLine + 2, change.newText.length - (end - start)) };
}

/**
 * Line starts of the new text: kept before line `from`, scanned in `local` (lines `from` to `resume` of the new
 * text), moved by `delta` after. A 10 MB archive has a hundred thousand lines: when the edit keeps the number of
 * lines and moves every line from some line on by `delta` (typing within a line), the new index shares the old
 * one's table (`LineIndex.shifted`); otherwise the table is copied once.
 */
function updateLineIndex(old: LineIndex, text: TextReader, local: string, from: number, resume: number, delta: number): LineIndex {
  const base = old.lineStart(from);
  const scanned: number[] = [];
  for (let i = 0; i < local.length; i++) {
    const c = local.charCodeAt(i);
    if (c === 13) {
      if (local.charCodeAt(i + 1) === 10) i++;
      scanned.push(base + i + 1);
    } else if (c === 10) {
      scanned.push(base + i + 1);
    }
  }
  const count = old.lineCount;
  const tailFrom = Math.min(resume + 1, count);
  if (from + 1 + scanned.length === tailFrom) {
    // The scanned lines start where they did up to some line, and `delta` later from it on: so do all after them.
    let moved = 0;
    while (moved < scanned.length && scanned[moved] === old.lineStart(from + 1 + moved)) moved++;
    let j = moved;
    while (j < scanned.length && scanned[j] === old.lineStart(from + 1 + j) + delta) j++;
    if (j === scanned.length) return old.shifted(text, from + 1 + moved, delta);
  }
  return old.spliced(text, from + 1, scanned, tailFrom, delta);
}

function firstParagraphEndingAtOrAfter(paragraphs: readonly Paragraph[], line: number): number {
  // The last paragraph when none ends that late.
  return Math.min(firstIndex(paragraphs.length, (i) => paragraphs[i].endLine >= line), Math.max(0, paragraphs.length - 1));
}

function lastParagraphStartingAtOrBefore(paragraphs: readonly Paragraph[], line: number): number {
  return lastIndexBefore(paragraphs.length, (i) => paragraphs[i].startLine > line);
}

/** The item whose blocks begin at or before paragraph `p` (blocks and paragraphs share indices). */
function itemAt(items: readonly Item[], p: number): number {
  return lastIndexBefore(items.length, (i) => items[i].firstBlock > p);
}

/** An item's shape relative to its own start, so that the same item read at two places compares equal. */
/**
 * Whether two items read the same, wherever they lie: offsets are compared relative to each item's start, block
 * indices to its first block and lines to its first line; indices of items are left out. Walked field by field
 * rather than compared as text: a keystroke compares the window's items with the previous reading's, and writing
 * both out was a tenth of what a keystroke cost.
 */
function sameItem(a: Item, aBlocks: readonly Block[], b: Item, bBlocks: readonly Block[]): boolean {
  return sameField('', a, b, baseOf(a, aBlocks), baseOf(b, bBlocks));
}

interface Base {
  offset: number;
  block: number;
  line: number;
}

function baseOf(item: Item, blocks: readonly Block[]): Base {
  return { offset: item.span.start, block: item.firstBlock, line: blocks[item.firstBlock].paragraph.startLine };
}

function sameField(key: string, a: unknown, b: unknown, A: Base, B: Base): boolean {
  if (key === 'index') return true;
  if (key === 'firstBlock' || key === 'lastBlock') return (a as number) - A.block === (b as number) - B.block;
  if (key === 'line') return (a as number) - A.line === (b as number) - B.line;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameField('', a[i], b[i], A, B)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (isBlock(a) || isBlock(b)) return isBlock(a) && isBlock(b) && sameBlock(a, b, A, B);
  if (isSpan(a) || isSpan(b)) return isSpan(a) && isSpan(b) && a.start - A.offset === b.start - B.offset && a.end - A.offset === b.end - B.offset;
  return sameObject(a as Record<string, unknown>, b as Record<string, unknown>, A, B);
}

function isBlock(x: object): x is Block {
  return 'role' in x && 'paragraph' in x;
}

/**
 * Whether paragraphs `a0`..`a1` of a window's reading (`aItem` the index of the item they start) read as paragraphs
 * `b0`..`b1` of the model (`bItem`): the same kinds and roles, the same text at the same places relative to their
 * first, blank lines, content and item, in the paragraphs and in the blocks.
 */
function sameStretch(
  a: { blocks: readonly Block[] },
  aParagraphs: readonly Paragraph[],
  a0: number,
  a1: number,
  aItem: number,
  b: DocumentModel,
  b0: number,
  b1: number,
  bItem: number,
): boolean {
  if (a1 - a0 !== b1 - b0 || a1 <= a0) return false;
  const A: Base = { offset: aParagraphs[a0].start, block: a0, line: aParagraphs[a0].startLine };
  const B: Base = { offset: b.paragraphs[b0].start, block: b0, line: b.paragraphs[b0].startLine };
  const sameItemIndex = (x: number, y: number): boolean => (x < 0 ? y < 0 : y >= 0 && x - aItem === y - bItem);
  for (let i = 0; i < a1 - a0; i++) {
    const p = aParagraphs[a0 + i];
    const q = b.paragraphs[b0 + i];
    if (p.kind !== q.kind || p.start - A.offset !== q.start - B.offset || p.end - A.offset !== q.end - B.offset) return false;
    const x = a.blocks[a0 + i];
    const y = b.blocks[b0 + i];
    if (!sameBlock(x, y, A, B) || !sameItemIndex(x.item, y.item)) return false;
  }
  return true;
}

/** A block is its role, its content and its paragraph's place and text. */
function sameBlock(a: Block, b: Block, A: Base, B: Base): boolean {
  const p = a.paragraph;
  const q = b.paragraph;
  return (
    a.role === b.role &&
    a.content.start - A.offset === b.content.start - B.offset &&
    a.content.end - A.offset === b.content.end - B.offset &&
    p.index - A.block === q.index - B.block &&
    p.startLine - A.line === q.startLine - B.line &&
    p.endLine - A.line === q.endLine - B.line &&
    p.blankLinesBefore === q.blankLinesBefore &&
    p.text === q.text
  );
}

function isSpan(x: object): x is Span {
  const s = x as Partial<Span>;
  if (typeof s.start !== 'number' || typeof s.end !== 'number') return false;
  // Two fields and no more, counted without making a list of them.
  let fields = 0;
  for (const key in x) if (Object.prototype.hasOwnProperty.call(x, key) && ++fields > 2) return false;
  return fields === 2;
}

/** Fields whose value is undefined are no fields, as an item read without them has none. */
function sameObject(a: Record<string, unknown>, b: Record<string, unknown>, A: Base, B: Base): boolean {
  let fields = 0;
  for (const key in a) {
    const x = a[key];
    if (x === undefined || typeof x === 'function') continue;
    fields++;
    if (!Object.prototype.hasOwnProperty.call(b, key) || !sameField(key, x, b[key], A, B)) return false;
  }
  for (const key in b) {
    const y = b[key];
    if (y !== undefined && typeof y !== 'function') fields--;
  }
  return fields === 0;
}

export interface Shift {
  offset: number;
  line: number;
  /** Added to paragraph and block indices. */
  index: number;
  item: number;
}

/*
 * Moving in place. The paragraphs, blocks and items after an edit are the previous model's objects, their offsets,
 * lines and indices moved where they lie: a keystroke in the middle of a year of pages moves tens of thousands of
 * paragraphs, and copying them cost more than everything else the update does (and was most of the garbage the
 * server made while typing). The previous model is retired by it (see `retire`). Span objects are shared inside
 * a model (a paragraph is its own span and its own block, and usually its block's prose; a headline's span is its
 * paragraph), so a span must be moved once however many fields hold it: each unit's spans are marked as they move
 * (a negative start, which no offset has) and unmarked when the unit is done. A unit test lists the shapes moved here and fails when the
 * reader adds a field, so that it cannot be left behind with a stale offset.
 */

/** Fields of the objects moved here: a model whose objects have others is read again instead. */
const PARAGRAPH_KEYS = 'index,start,end,text,startLine,endLine,bits,content,item';
const ARTICLE_KEYS = 'kind,index,format,span,firstBlock,lastBlock,kicker,kickerSubtitle,headline,subheadlines,bylines,dateline,openerSpan,lede,body,sections,captions,credits,endMark,orphanCredits,frontMatter';
const PHOTO_KEYS = 'kind,index,span,firstBlock,lastBlock,caption';

/** Do the objects from paragraph `p` and item `i` on have exactly the fields this file moves? */
function knownShapes(paragraphs: readonly Paragraph[], blocks: readonly Block[], items: readonly Item[], p: number, i: number): boolean {
  // A block is its paragraph (see `Paragraph`): one object, one list of fields.
  if (p < paragraphs.length && (blocks[p] !== paragraphs[p] || Object.keys(paragraphs[p]).join(',') !== PARAGRAPH_KEYS)) return false;
  let article = false;
  let photo = false;
  for (let k = i; k < items.length && !(article && photo); k++) {
    const item = items[k];
    if (item.kind === 'article' ? article : photo) continue;
    if (Object.keys(item).join(',') !== (item.kind === 'article' ? ARTICLE_KEYS : PHOTO_KEYS)) return false;
    if (item.kind === 'article') article = true;
    else photo = true;
  }
  return true;
}

/** Moves a span by `d` unless this pass moved it already (it is then marked by a negative start). */
function mark(x: Span | null, d: number): void {
  if (x === null || x.start < 0) return;
  x.start = ~(x.start + d);
  x.end += d;
}

function unmark(x: Span | null): void {
  if (x !== null && x.start < 0) x.start = ~x.start;
}

/**
 * Moves paragraphs and blocks `pFrom`..`pTo` and items `iFrom`..`iTo` by `s`, unit by unit: an item's spans are
 * its own or its paragraphs' (the unit test of shared spans holds the reader to that). The items' block indices
 * are `firstIndex` more than their blocks' places in the arrays (see `movePart`).
 */
function shiftInPlace(paragraphs: readonly Paragraph[], blocks: readonly Block[], items: readonly Item[], pFrom: number, pTo: number, iFrom: number, iTo: number, s: Shift, firstIndex = 0): void {
  if (s.offset === 0 && s.line === 0 && s.index === 0 && s.item === 0) return;
  const d = s.offset;
  const move = (x: Span | null): void => mark(x, d);
  let p = pFrom;
  // Blocks before the first item (only when the range starts at the top of the page) belong to no item.
  const firstItemBlock = iFrom < iTo ? items[iFrom].firstBlock - firstIndex : pTo;
  if (p < firstItemBlock) shiftBlocks(paragraphs, blocks, p, (p = firstItemBlock), s, null, move);
  for (let i = iFrom; i < iTo; i++) {
    const end = i + 1 < iTo ? items[i + 1].firstBlock - firstIndex : pTo;
    shiftBlocks(paragraphs, blocks, p, end, s, items[i], move);
    p = end;
  }
}

/**
 * One unit: its item's spans are moved and marked first, then its paragraphs' spans are moved unless the item
 * held them (marked: only unmarked then), then the item's marks are cleared.
 */
function shiftBlocks(paragraphs: readonly Paragraph[], blocks: readonly Block[], from: number, to: number, s: Shift, item: Item | null, move: (x: Span | null) => void): void {
  const d = s.offset;
  if (item) {
    item.index += s.item;
    item.firstBlock += s.index;
    item.lastBlock += s.index;
    if (item.kind === 'article' && s.line !== 0) for (const x of item.sections) x.line += s.line;
    forEachItemSpan(item, move);
  }
  // Typing within a line moves offsets only: indices and lines are left alone.
  const numbers = s.index !== 0 || s.line !== 0 || s.item !== 0;
  for (let p = from; p < to; p++) {
    const q = paragraphs[p];
    const b = blocks[p];
    moveOnce(q.span, d);
    if (b.content !== q.span) moveOnce(b.content, d);
    if (numbers) {
      q.index += s.index;
      q.startLine += s.line;
      q.endLine += s.line;
      if (b.item >= 0) b.item += s.item;
    }
  }
  if (item) forEachItemSpan(item, unmark);
}

/** A paragraph's span: moved, or only unmarked if its item held it and moved it already. */
function moveOnce(x: Span, d: number): void {
  if (x.start < 0) {
    x.start = ~x.start;
  } else {
    x.start += d;
    x.end += d;
  }
}

/** Every span an item holds apart from its blocks (which are moved as blocks). */
function forEachItemSpan(item: Item, f: (x: Span | null) => void): void {
  if (item.kind === 'article') forEachArticleSpan(item, f);
  else {
    forEachCaptionSpan(item.caption, f);
    f(item.span);
  }
}

/** Every span an article holds apart from its blocks (which are moved as blocks). */
function forEachArticleSpan(a: Article, f: (x: Span | null) => void): void {
  f(a.span);
  if (a.kicker) f(a.kicker.span);
  if (a.kickerSubtitle) f(a.kickerSubtitle.span);
  if (a.headline) f(a.headline.span);
  for (const h of a.subheadlines) f(h.span);
  for (const x of a.bylines) f(x.span);
  if (a.dateline) f(a.dateline.span);
  f(a.openerSpan);
  for (const x of a.sections) {
    f(x.span);
    f(x.extent);
  }
  for (const c of a.captions) forEachCaptionSpan(c, f);
  for (const x of a.credits) f(x.span);
  if (a.endMark) f(a.endMark.span);
  if (a.frontMatter) forEachFrontMatterSpan(a.frontMatter, f);
}

function forEachCaptionSpan(c: Caption, f: (x: Span | null) => void): void {
  f(c.span);
  for (const x of c.credits) f(x.span);
  f(c.creditSpan);
}

function forEachFrontMatterSpan(fm: FrontMatter, f: (x: Span | null) => void): void {
  f(fm.span);
  f(fm.contentSpan);
  for (const x of fm.errors) f(x.span);
  if (fm.headline) f(fm.headline.span);
  for (const x of fm.subheadlines) f(x.span);
  if (fm.kicker) f(fm.kicker.span);
  if (fm.kickerSubtitle) f(fm.kickerSubtitle.span);
  for (const x of fm.bylines) f(x.span);
  if (fm.dateline) f(fm.dateline.span);
  for (const x of fm.credits) f(x.span);
  for (const x of fm.photos) f(x.span);
  for (const e of fm.entries) {
    f(e.keySpan);
    f(e.valueSpan);
  }
}

/*
 * Retiring. After an update the previous model's later objects carry the new offsets, so the previous model no
 * longer describes its own text: reading its paragraphs, blocks, items or articles throws, so that a caller that
 * kept it (a request that awaited while the document changed) fails loudly instead of answering with offsets of
 * another text. Its text and line index stay as they were, and an update from it reads that text again in full.
 */
const retired = new WeakSet<DocumentModel>();

function retire(model: DocumentModel): void {
  if (retired.has(model)) return;
  retired.add(model);
  const gone = (): never => {
    throw new Error('this document model was retired by an update: ask for the current one');
  };
  for (const key of ['paragraphs', 'blocks', 'items', 'articles']) Object.defineProperty(model, key, { get: gone, enumerable: true, configurable: true });
}

/** Has an update from this model retired it (see `retire`)? */
export function isRetiredModel(model: DocumentModel): boolean {
  return retired.has(model);
}
