/**
 * What one run of a rule is about. The server keeps findings per unit of the page so that a keystroke re-checks
 * only the unit it touches: a unit is one item (article or photo) with the blocks from its first one up to the
 * next item's first (the comments and stray lines after it; the first unit also owns what comes before the first
 * item). A rule run on a unit sees a view of the model: `items`/`articles` hold the unit's item, `paragraphs` and
 * `blocks` stay whole (so `firstBlock` and neighbours still index them), and `ownBlocks` says which blocks are its
 * own. A whole model owns every block, so the CLI's single run and the server's per-unit runs give the same findings
 * as long as each rule reports a finding from the run that owns its block.
 */
import { DocumentModel, Item } from './model';
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

const views = new WeakMap<DocumentModel, Map<number, DocumentModel>>();

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
