/**
 * What one run of a rule is about. The server keeps findings per unit of the page so that a keystroke re-checks
 * only the unit it touches: a unit is one item (article or photo) with the blocks from its first one up to the
 * next item's first (the comments and stray lines after it; the first unit also owns what comes before the first
 * item). A rule run on a unit sees a view of the model: `items`/`articles` hold the unit's item, `paragraphs` and
 * `blocks` stay whole (so `firstBlock` and neighbours still index them), and `ownBlocks` says which blocks are its
 * own. A whole model owns every block, so the CLI's single run and the server's per-unit runs give the same findings
 * as long as each rule reports a finding from the run that owns its block.
 */
import { movePart } from './incrementalModel';
import { Memo } from './memo';
import { Article, DocumentModel, Item } from './model';
import { LineIndex } from './text';
import { lastIndexBefore } from './sorted';

export interface BlockRange {
  /** First block, and one past the last. */
  start: number;
  end: number;
}

/** The blocks this model or view owns: all of them for a whole model. */
export function ownBlockRange(model: DocumentModel): BlockRange {
  return model.ownBlocks ?? { start: 0, end: model.blocks.length };
}

/** Blocks owned by unit `k` of a whole model (see the file comment); one unit with everything when there are no items. */
export function unitBlockRange(model: DocumentModel, k: number): BlockRange {
  const { items, blocks } = model;
  if (items.length === 0) return { start: 0, end: blocks.length };
  return { start: k === 0 ? 0 : items[k].firstBlock, end: k + 1 < items.length ? items[k + 1].firstBlock : blocks.length };
}

/** How many units a whole model has: one per item, and one when there are none. */
export function unitCount(model: DocumentModel): number {
  return Math.max(1, model.items.length);
}

/** The view of unit `k`. */
export function unitView(model: DocumentModel, k: number): DocumentModel {
  const item: Item | undefined = model.items[k];
  const items = item ? [item] : [];
  const articles = item && item.kind === 'article' ? [item] : [];
  return { text: model.text, lines: model.lines, paragraphs: model.paragraphs, blocks: model.blocks, items, articles, ownBlocks: unitBlockRange(model, k) };
}

/**
 * Runs `f` on the view of unit `k`. With `local`, the view is a model of a text of its own: the unit and its
 * neighbours (whose blocks a rule may read), with their offsets, lines and block indices moved to that text, which
 * starts at the line of their first paragraph and ends where the next unit starts; items keep their index in the
 * page, as in `unitView`. Its rules find what they find in `unitView(model, k)`, less `base` (a unit test holds every
 * rule to that). After a keystroke in a year of pages the server checks the units it touched so, and never joins
 * the text, kept in pieces, into one string (see `core/pieceText.ts`).
 *
 * The model's own objects are moved there and back, in place: copying three articles' objects for every check
 * cost more than the check. So `f` must not keep the view, its objects or their spans past its return (the
 * findings' spans are the rules' own, see `incrementalFindings.ts`), and must not wait. Without `local`, or when the
 * objects cannot be moved (see `movePart`), the view is `unitView(model, k)` and `base` is 0.
 *
 * With `items: 'window'` (for the editor features an article is read for, which index `model.items` by
 * `item.index`) the view holds the unit's neighbours as items too, with indices in the view, and `f` is given the
 * unit's item; `line` is the page's line at which the view's text starts.
 */
export function withUnitView<T>(
  model: DocumentModel,
  k: number,
  local: boolean,
  f: (view: DocumentModel, base: number, line: number, item: Item) => T,
  items: 'unit' | 'window' = 'unit',
): T {
  const { paragraphs, blocks, lines } = model;
  const all = model.items;
  const whole = (): T => (items === 'window' ? f(model, 0, 0, all[k]) : f(unitView(model, k), 0, 0, all[k]));
  if (!local || k < 0 || k >= all.length) return whole();
  const i0 = Math.max(0, k - 1);
  const i1 = Math.min(all.length, k + 2);
  const b0 = i0 === 0 ? 0 : all[i0].firstBlock;
  const b1 = i1 === all.length ? paragraphs.length : all[i1].firstBlock;
  const line0 = b0 === 0 ? 0 : paragraphs[b0].startLine;
  const base = lines.lineStart(line0);
  const end = b1 === paragraphs.length ? lines.text.length : lines.lineStart(paragraphs[b1].startLine);
  const own = unitBlockRange(model, k);
  const item = all[k];
  const window = items === 'window';
  // Moves are written `0 - x`, never `-x`: minus zero is not a small integer to V8, and one stored in a field makes
  // every object of that shape hold its numbers as boxed doubles, throwing away the code optimised for them.
  const itemShift = window ? 0 - i0 : 0;
  if (!movePart(model, b0, b1, i0, i1, { offset: 0 - base, line: 0 - line0, index: 0 - b0, item: itemShift })) return whole();
  try {
    const text = lines.text.slice(base, end);
    const viewItems = window ? all.slice(i0, i1) : [item];
    // The view's lines are the page's from `line0` on: through to the line at `end`, or the page's last.
    const lastLine = b1 === paragraphs.length ? lines.lineCount - 1 : paragraphs[b1].startLine;
    const viewParagraphs = paragraphs.slice(b0, b1);
    const view: DocumentModel = {
      text,
      lines: lines.window(text, line0, lastLine + 1) ?? new LineIndex(text),
      paragraphs: viewParagraphs,
      blocks: blocks === paragraphs ? viewParagraphs : blocks.slice(b0, b1),
      items: viewItems,
      articles: viewItems.filter((x): x is Article => x.kind === 'article'),
      ownBlocks: { start: own.start - b0, end: own.end - b0 },
    };
    return f(view, base, line0, item);
  } finally {
    movePart(model, b0, b1, i0, i1, { offset: base, line: line0, index: b0, item: 0 - itemShift }, 0 - b0);
  }
}

/**
 * Where unit `k`'s own text starts: the first unit at the top of the page, the others at their item's first
 * paragraph. Past the last unit, never (`Infinity`), so that `[unitStart(k), unitStart(k + 1))` is a unit's text.
 */
export function unitStart(model: DocumentModel, k: number): number {
  if (k === 0) return 0;
  const item = model.items[k];
  return item ? model.blocks[item.firstBlock].paragraph.span.start : Infinity;
}

/** The unit whose text holds `offset`: the last item starting at or before it (the first unit for anything before). */
export function unitAt(model: DocumentModel, offset: number): number {
  return lastIndexBefore(model.items.length, (k) => unitStart(model, k) > offset);
}

const views = new Memo<DocumentModel, Map<number, DocumentModel>>('unitViews');

/**
 * The view of the unit at `offset`, the same object for the same model and unit, so that what is cached per model
 * (the claims of an article) is computed once for a hover, the highlights and the next hover on that article
 * rather than for the whole page.
 */
export function unitViewAt(model: DocumentModel, offset: number): DocumentModel {
  const k = unitAt(model, offset);
  let byUnit = views.get(model);
  if (!byUnit) {
    byUnit = new Map();
    views.set(model, byUnit);
  }
  let view = byUnit.get(k);
  if (!view) {
    view = unitView(model, k);
    byUnit.set(k, view);
  }
  return view;
}
