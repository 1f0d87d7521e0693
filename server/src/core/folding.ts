/**
 * Folding: an editor on a long page wants to collapse what it is not working on. Each article folds from its
 * headline (or front-matter fence) to its last line, each section from its head to the next, and photos,
 * front-matter blocks and comments that run over several lines fold too. Lines are 0-based, inclusive; a
 * region needs at least two lines, and two regions never start on the same line (editors keep only one).
 */
import { DocumentModel, Item } from './model';
import { Paragraph } from './paragraphs';
import { unitStart } from './ruleScope';
import { firstIndex } from './sorted';
import { Span } from './text';

export type FoldingKind = 'article' | 'section' | 'photo' | 'frontMatter' | 'comment';

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind: FoldingKind;
}

function lineRange(model: DocumentModel, span: Span): { startLine: number; endLine: number } {
  const startLine = model.lines.positionAt(span.start).line;
  // A span that ends just after a line break belongs to the line before it.
  const endLine = model.lines.positionAt(Math.max(span.start, span.end - 1)).line;
  return { startLine, endLine };
}

export function getFoldingRegions(model: DocumentModel): FoldingRegion[] {
  return regionsOf(model, model.items, model.paragraphs);
}

/**
 * The regions of unit `k` of the page (its item and the lines after it, up to the next item; the first unit also
 * has the lines before the first item, see `core/ruleScope.ts`). Units share no line, so the page's regions are
 * the units' regions one after the other — which lets an editor's server keep them per article across keystrokes.
 */
export function getUnitFoldingRegions(model: DocumentModel, k: number): FoldingRegion[] {
  const from = unitStart(model, k);
  const to = unitStart(model, k + 1);
  const { paragraphs } = model;
  const first = firstIndex(paragraphs.length, (i) => paragraphs[i].span.start >= from);
  const end = firstIndex(paragraphs.length, (i) => paragraphs[i].span.start >= to);
  return regionsOf(model, model.items.slice(k, k + 1), paragraphs.slice(first, end));
}

function regionsOf(model: DocumentModel, items: readonly Item[], paragraphs: readonly Paragraph[]): FoldingRegion[] {
  const candidates: FoldingRegion[] = [];
  const add = (span: Span, kind: FoldingKind) => candidates.push({ ...lineRange(model, span), kind });
  // The block opens its article on the same line, so it folds from its first key: folded, it still shows
  // `headline: …`, and it nests inside the article's region instead of losing to it.
  const addFrontMatter = (span: Span) => {
    const { startLine, endLine } = lineRange(model, span);
    candidates.push({ startLine: startLine + 1, endLine, kind: 'frontMatter' });
  };
  for (const item of items) {
    if (item.kind === 'photo') {
      add(item.span, 'photo');
      continue;
    }
    add(item.span, 'article');
    if (item.frontMatter) addFrontMatter(item.frontMatter.span);
    for (const section of item.sections) add(section.extent, 'section');
  }
  for (const p of paragraphs) {
    if (p.kind === 'comment') add(p.span, 'comment');
    // A front-matter block outside any article (a page header) still folds.
    else if (p.kind === 'frontMatter') addFrontMatter(p.span);
  }
  const byStart = new Map<number, FoldingRegion>();
  for (const r of candidates) {
    if (r.endLine <= r.startLine) continue;
    const seen = byStart.get(r.startLine);
    // On a shared first line the outer region wins: folding it hides the inner one anyway.
    if (!seen || r.endLine > seen.endLine) byStart.set(r.startLine, r);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
