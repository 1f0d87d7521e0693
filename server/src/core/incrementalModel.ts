/**
 * Incremental update of the document model, so that a keystroke in a year of pages re-reads the article it
 * touches and not the archive. The structure core reads a page left to right with a few paragraphs of look-ahead,
 * so an edit can only change what lies near it: this file re-reads a window of whole items around the edit,
 * checks that the window's reading agrees with the previous model at both of its edges (the same items, in the
 * same shape, start where they started), and splices it between the untouched items before it and the items after
 * it, whose offsets, lines and indices are shifted. When an edge does not agree (the edit changed where items
 * start far from it), or the edit could open or close a front-matter block or a comment, the whole text is read
 * again: the result is always what `computeDocumentModel` gives for the new text, and a property test holds it to
 * that. Fields that carry offsets must be shifted here; a model with fields this file does not know is re-read.
 */
import { computeItems } from './articles';
import { Byline } from './bylines';
import { Caption } from './captions';
import { Credit } from './credits';
import { Dateline } from './datelines';
import { computeDocumentModel } from './documentModel';
import { FrontMatter } from './frontMatter';
import { Article, Block, DocumentModel, Heading, Item, Photo, Section } from './model';
import { computeParagraphs, Paragraph } from './paragraphs';
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
const PARAGRAPH_KEYS = 7;
const BLOCK_KEYS = 4;
const ARTICLE_KEYS = 21;

export function updateDocumentModel(previous: DocumentModel, changes: readonly TextChange[]): DocumentModel {
  return computeModelUpdate(previous, changes).model;
}

/**
 * Applies the changes one by one; `kept` maps items of the result to items of `previous`. A document store that
 * already applied a single change passes its text and line index as `after`, so they are not made twice.
 */
export function computeModelUpdate(previous: DocumentModel, changes: readonly TextChange[], after?: { text: string; lines: LineIndex }): ModelUpdate {
  let update: ModelUpdate = { model: previous, kept: [{ start: 0, end: previous.items.length, previousStart: 0, shift: 0, lineShift: 0 }], incremental: true };
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

function fullUpdate(text: string): ModelUpdate {
  return { model: computeDocumentModel(text), kept: [], incremental: false };
}

function updateOnce(previous: DocumentModel, change: TextChange, after?: { text: string; lines: LineIndex }): ModelUpdate {
  const oldText = previous.text;
  const start = Math.max(0, Math.min(change.span.start, oldText.length));
  const end = Math.max(start, Math.min(change.span.end, oldText.length));
  const text = after ? after.text : oldText.slice(0, start) + change.newText + oldText.slice(end);
  if (Object.keys(previous).sort().join(',') !== MODEL_KEYS) return fullUpdate(text);
  const { paragraphs, items, blocks } = previous;
  if (items.length < 4 || blocks.length !== paragraphs.length) return fullUpdate(text);
  const delta = change.newText.length - (end - start);
  const oldLines = previous.lines;
  const firstLine = oldLines.positionAt(start).line;
  const lastLine = oldLines.positionAt(end).line;
  // The new text is a rope until something reads it; everything here reads the old text and the inserted text,
  // so that a keystroke does not flatten a 10 MB string.
  const from = Math.max(0, firstLine - 1);
  const localStart = oldLines.lineStarts[from];
  const localEnd = lastLine + 2 < oldLines.lineCount ? oldLines.lineStarts[lastLine + 2] : oldText.length;
  const local = oldText.slice(localStart, start) + change.newText + oldText.slice(end, localEnd);
  // Fences and comment ends are found by searching ahead hundreds of lines: an edit near one re-reads everything.
  if (/---|-->|<!--|\.\.\./.test(local)) return fullUpdate(text);
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
  return fullUpdate(text);
}

/** Re-reads items from `kS` to a little past paragraph `p1`; null when an edge does not agree. */
function readWindow(
  previous: DocumentModel,
  text: string,
  newTextOf: (start: number, end: number) => string,
  lines: LineIndex,
  kS: number, p1: number, delta: number, lineDelta: number, editEnd: number, editStart: number): ModelUpdate | null {
  const { paragraphs, items, blocks } = previous;
  const wp0 = kS === 0 ? 0 : items[kS].firstBlock;
  const wl0 = wp0 === 0 ? 0 : paragraphs[wp0 - 1].endLine + 1;
  const kEdit = itemAt(items, p1);
  const lastP = Math.min(paragraphs.length - 1, Math.max(p1, items[Math.min(items.length - 1, kEdit + 2)].lastBlock) + 2 * LOOK_AHEAD);
  const toEnd = lastP === paragraphs.length - 1;
  const ws = lines.lineStarts[wl0];
  // The window ends after the edit, so its end is the old one moved: asking the new text would flatten it.
  const we = toEnd ? text.length : previous.lines.lineEndOffset(paragraphs[lastP].endLine) + delta;
  const windowText = newTextOf(ws, we);
  const windowParagraphs = computeParagraphs(new LineIndex(windowText));
  const window = computeItems(windowText, windowParagraphs);
  if (window.items.length === 0) return null;

  if (kS > 0) {
    if (window.items.length < 2) return null;
    if (signature(window.items[0], window.blocks) !== signature(items[kS], blocks)) return null;
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
      if (signature(window.items[j], window.blocks) !== signature(items[m], blocks)) continue;
      keepWindowItems = j + 1;
      keepWindowParagraphs = nextFirst;
      resume = m + 1;
    }
    if (resume < 0) return null;
  }

  const newParagraphs: Paragraph[] = paragraphs.slice(0, wp0);
  const newBlocks: Block[] = blocks.slice(0, wp0);
  const newItems: Item[] = items.slice(0, kS);
  const inWindow: Shift = { offset: ws, line: wl0, index: wp0, item: kS };
  copyShifted(windowParagraphs, window.blocks, window.items, 0, keepWindowParagraphs, 0, keepWindowItems, inWindow, newParagraphs, newBlocks, newItems);
  // The window starts a few items before the edit, for the reader's look-ahead; those it read as before (same shape at
  // the same place, followed by the same item start, all before the edit) are kept items too, so that what is
  // kept per item (findings, outline symbols) is made again only for the items the edit can have changed.
  let same = kS;
  const paragraphStart = (ps: readonly Paragraph[], item: Item): number => ps[item.firstBlock].span.start;
  while (same + 1 < kS + keepWindowItems && same + 1 < items.length) {
    const a = newItems[same];
    const b = items[same];
    const nextStart = paragraphStart(newParagraphs, newItems[same + 1]);
    if (nextStart > editStart || nextStart !== paragraphStart(paragraphs, items[same + 1])) break;
    if (paragraphStart(newParagraphs, a) !== paragraphStart(paragraphs, b) || signature(a, newBlocks) !== signature(b, blocks)) break;
    same++;
  }
  const kept: KeptItems[] = [{ start: 0, end: same, previousStart: 0, shift: 0, lineShift: 0 }];
  if (resume >= 0) {
    const q = items[resume].firstBlock;
    const after: Shift = { offset: delta, line: lineDelta, index: newParagraphs.length - q, item: newItems.length - resume };
    kept.push({ start: newItems.length, end: newItems.length + items.length - resume, previousStart: resume, shift: delta, lineShift: lineDelta });
    copyShifted(paragraphs, blocks, items, q, paragraphs.length, resume, items.length, after, newParagraphs, newBlocks, newItems);
  }
  const articles = newItems.filter((item): item is Article => item.kind === 'article');
  return { model: { text, lines, paragraphs: newParagraphs, blocks: newBlocks, items: newItems, articles }, kept, incremental: true };
}

/** The text and line index after one change, without copying the unchanged text (for a document store). */
export function applyTextChange(text: string, lines: LineIndex, change: TextChange): { text: string; lines: LineIndex } {
  const start = Math.max(0, Math.min(change.span.start, text.length));
  const end = Math.max(start, Math.min(change.span.end, text.length));
  const next = text.slice(0, start) + change.newText + text.slice(end);
  const firstLine = lines.positionAt(start).line;
  const lastLine = lines.positionAt(end).line;
  const from = Math.max(0, firstLine - 1);
  const localEnd = lastLine + 2 < lines.lineCount ? lines.lineStarts[lastLine + 2] : text.length;
  const local = text.slice(lines.lineStarts[from], start) + change.newText + text.slice(end, localEnd);
  return { text: next, lines: updateLineIndex(lines, next, local, from, lastLine + 2, change.newText.length - (end - start)) };
}

/**
 * Line starts of the new text: kept before line `from`, scanned in `local` (lines `from` to `resume` of the new
 * text), moved by `delta` after. A 10 MB archive has a hundred thousand lines: when the edit keeps the number of
 * lines (typing within a line), the table is copied whole in one go and only the lines after the edit are moved.
 */
function updateLineIndex(old: LineIndex, text: string, local: string, from: number, resume: number, delta: number): LineIndex {
  const base = old.lineStarts[from];
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
  const oldStarts = old.lineStarts;
  const tailFrom = Math.min(resume + 1, oldStarts.length);
  let starts: number[];
  if (from + 1 + scanned.length === tailFrom) {
    starts = oldStarts.slice();
    for (let k = 0; k < scanned.length; k++) starts[from + 1 + k] = scanned[k];
  } else {
    starts = oldStarts.slice(0, from + 1);
    for (let k = 0; k < scanned.length; k++) starts.push(scanned[k]);
    for (let l = tailFrom; l < oldStarts.length; l++) starts.push(oldStarts[l]);
  }
  if (delta !== 0) for (let l = from + 1 + scanned.length; l < starts.length; l++) starts[l] += delta;
  return LineIndex.fromLineStarts(text, starts);
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
function signature(item: Item, blocks: readonly Block[]): string {
  const baseOffset = item.span.start;
  const baseBlock = item.firstBlock;
  const baseLine = blocks[item.firstBlock].paragraph.startLine;
  return JSON.stringify(item, (key, value: unknown) => {
    if (key === 'index') return undefined;
    if (key === 'firstBlock' || key === 'lastBlock') return (value as number) - baseBlock;
    if (key === 'line') return (value as number) - baseLine;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if ('role' in value && 'paragraph' in value) {
        const b = value as Block;
        const p = b.paragraph;
        return [b.role, b.content.start - baseOffset, b.content.end - baseOffset, p.index - baseBlock, p.startLine - baseLine, p.endLine - baseLine, p.blankLinesBefore, p.text];
      }
      const s = value as Partial<Span>;
      if (typeof s.start === 'number' && typeof s.end === 'number' && Object.keys(value).length === 2) return [s.start - baseOffset, s.end - baseOffset];
    }
    return value;
  });
}

interface Shift {
  offset: number;
  line: number;
  /** Added to paragraph and block indices. */
  index: number;
  item: number;
}

/*
 * Copying. Every paragraph, block and item after an edit is copied with its offsets moved: the previous model
 * stays intact for whoever still holds it (findings kept per item may share its span objects). Tens of thousands
 * of paragraphs follow an edit in a big archive, so the copies are object literals of the known shapes, with no
 * spreads and no closures; a unit test holds the shapes to what the reader produces, so that a field added to the
 * model fails there instead of being copied with a stale offset.
 */

function copyShifted(
  paragraphs: readonly Paragraph[],
  blocks: readonly Block[],
  items: readonly Item[],
  pFrom: number,
  pTo: number,
  iFrom: number,
  iTo: number,
  s: Shift,
  outParagraphs: Paragraph[],
  outBlocks: Block[],
  outItems: Item[],
): void {
  const known = pFrom < pTo && Object.keys(paragraphs[pFrom]).length === PARAGRAPH_KEYS && Object.keys(blocks[pFrom]).length === BLOCK_KEYS;
  const d = s.offset;
  for (let p = pFrom; p < pTo; p++) {
    const q = paragraphs[p];
    const b = blocks[p];
    const paraSpan: Span = { start: q.span.start + d, end: q.span.end + d };
    // A block whose prose is its whole paragraph shares the paragraph's span, as the reader made it.
    const content: Span = b.content === q.span ? paraSpan : { start: b.content.start + d, end: b.content.end + d };
    const item = b.item < 0 ? b.item : b.item + s.item;
    if (known) {
      const para: Paragraph = {
        index: q.index + s.index,
        kind: q.kind,
        span: paraSpan,
        text: q.text,
        startLine: q.startLine + s.line,
        endLine: q.endLine + s.line,
        blankLinesBefore: q.blankLinesBefore,
      };
      outParagraphs.push(para);
      outBlocks.push({ paragraph: para, role: b.role, content, item });
    } else {
      const para = { ...q, index: q.index + s.index, span: paraSpan, startLine: q.startLine + s.line, endLine: q.endLine + s.line };
      outParagraphs.push(para);
      outBlocks.push({ ...b, paragraph: para, content, item });
    }
  }
  for (let i = iFrom; i < iTo; i++) {
    const item = items[i];
    outItems.push(item.kind === 'article' ? shiftArticle(item, s, outBlocks) : shiftPhoto(item, s));
  }
}

function span(x: Span, d: number): Span {
  return { start: x.start + d, end: x.end + d };
}

function maybeSpan(x: Span | null, d: number): Span | null {
  return x === null ? null : { start: x.start + d, end: x.end + d };
}

function heading(h: Heading | null, d: number): Heading | null {
  return h === null ? null : { text: h.text, span: { start: h.span.start + d, end: h.span.end + d } };
}

function headings(hs: readonly Heading[], d: number): Heading[] {
  const out = new Array<Heading>(hs.length);
  for (let i = 0; i < hs.length; i++) out[i] = { text: hs[i].text, span: span(hs[i].span, d) };
  return out;
}

/** Bylines and credits have the same shape. */
function named<T extends Byline | Credit>(xs: readonly T[], d: number): T[] {
  const out = new Array<T>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = { name: xs[i].name, role: xs[i].role, span: span(xs[i].span, d) } as T;
  return out;
}

function dateline(x: Dateline | null, d: number): Dateline | null {
  return x === null ? null : { place: x.place, date: x.date, agency: x.agency, span: span(x.span, d) };
}

/** The blocks of the output at the indices `bs` had, moved by `s.index`. */
function blocksAt(bs: readonly Block[], s: Shift, out: readonly Block[]): Block[] {
  const moved = new Array<Block>(bs.length);
  for (let i = 0; i < bs.length; i++) moved[i] = out[bs[i].paragraph.index + s.index];
  return moved;
}

function shiftSections(xs: readonly Section[], s: Shift): Section[] {
  const out = new Array<Section>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    out[i] = { title: x.title, line: x.line + s.line, span: span(x.span, s.offset), extent: span(x.extent, s.offset) };
  }
  return out;
}

function shiftCaption(c: Caption, d: number): Caption {
  return { text: c.text, span: span(c.span, d), credit: c.credit, credits: named(c.credits, d), creditSpan: maybeSpan(c.creditSpan, d) };
}

function shiftCaptions(cs: readonly Caption[], d: number): Caption[] {
  const out = new Array<Caption>(cs.length);
  for (let i = 0; i < cs.length; i++) out[i] = shiftCaption(cs[i], d);
  return out;
}

/** Front matter is rare and small: spreads keep whatever it carries besides spans. */
function shiftFrontMatter(fm: FrontMatter, d: number): FrontMatter {
  const spanned = <T extends { span: Span }>(x: T): T => ({ ...x, span: span(x.span, d) });
  return {
    ...fm,
    span: span(fm.span, d),
    contentSpan: span(fm.contentSpan, d),
    errors: fm.errors.map(spanned),
    headline: fm.headline && spanned(fm.headline),
    subheadlines: fm.subheadlines.map(spanned),
    kicker: fm.kicker && spanned(fm.kicker),
    kickerSubtitle: fm.kickerSubtitle && spanned(fm.kickerSubtitle),
    bylines: fm.bylines.map(spanned),
    dateline: fm.dateline && spanned(fm.dateline),
    credits: fm.credits.map(spanned),
    photos: fm.photos.map(spanned),
    entries: fm.entries.map((e) => ({ ...e, keySpan: span(e.keySpan, d), valueSpan: maybeSpan(e.valueSpan, d) })),
  };
}

function shiftArticle(a: Article, s: Shift, out: readonly Block[]): Article {
  const d = s.offset;
  const shifted: Article = {
    kind: 'article',
    index: a.index + s.item,
    format: a.format,
    span: span(a.span, d),
    firstBlock: a.firstBlock + s.index,
    lastBlock: a.lastBlock + s.index,
    kicker: heading(a.kicker, d),
    kickerSubtitle: heading(a.kickerSubtitle, d),
    headline: heading(a.headline, d),
    subheadlines: headings(a.subheadlines, d),
    bylines: named(a.bylines, d),
    dateline: dateline(a.dateline, d),
    openerSpan: maybeSpan(a.openerSpan, d),
    lede: a.lede ? out[a.lede.paragraph.index + s.index] : null,
    body: blocksAt(a.body, s, out),
    sections: shiftSections(a.sections, s),
    captions: shiftCaptions(a.captions, d),
    credits: named(a.credits, d),
    endMark: heading(a.endMark, d),
    orphanCredits: blocksAt(a.orphanCredits, s, out),
    frontMatter: a.frontMatter ? shiftFrontMatter(a.frontMatter, d) : null,
  };
  // An article with fields added since this was written keeps them (a literal of the known shape is faster).
  return Object.keys(a).length === ARTICLE_KEYS ? shifted : { ...a, ...shifted };
}

function shiftPhoto(p: Photo, s: Shift): Photo {
  return { kind: 'photo', index: p.index + s.item, span: span(p.span, s.offset), firstBlock: p.firstBlock + s.index, lastBlock: p.lastBlock + s.index, caption: shiftCaption(p.caption, s.offset) };
}
