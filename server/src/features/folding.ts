/** Folding over LSP: articles, sections, photos, front-matter blocks and comments from the core. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver/node';
import { FoldingKind, FoldingRegion, getFoldingRegions, getUnitFoldingRegions } from '../core/folding';
import { DocumentModel, Item } from '../core/model';
import { ModelCache } from '../modelCache';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { guard } from '../safe';
import { Feature } from '../serverContext';

/** Comments fold with "Fold All Block Comments"; everything else is a plain region. */
const KIND: Partial<Record<FoldingKind, string>> = { comment: FoldingRangeKind.Comment };

function toRanges(regions: readonly FoldingRegion[]): FoldingRange[] {
  return regions.map((r) => {
    const range: FoldingRange = { startLine: r.startLine, endLine: r.endLine };
    if (KIND[r.kind]) range.kind = KIND[r.kind];
    return range;
  });
}

function limited(ranges: FoldingRange[], limit?: number): FoldingRange[] {
  return limit !== undefined && ranges.length > limit ? ranges.slice(0, limit) : ranges;
}

export function getFoldingRanges(model: DocumentModel, limit?: number): FoldingRange[] {
  return limited(toRanges(getFoldingRegions(model)), limit);
}

/** The folding ranges of one unit of the page (its item and the lines after it). */
export function unitFoldingRanges(model: DocumentModel, item: Item): FoldingRange[] {
  return toRanges(getUnitFoldingRegions(model, item.index));
}

export function moveRanges(ranges: FoldingRange[], _offsets: number, lines: number): FoldingRange[] {
  return lines === 0 ? ranges : ranges.map((r) => ({ ...r, startLine: r.startLine + lines, endLine: r.endLine + lines }));
}

/**
 * The page's folding ranges, kept per unit in lines (`ModelCache.perItem`): a keystroke folds one article again
 * and moves the others only when lines were added or removed above them. A page without items has one unit with
 * no item, read whole.
 */
export function documentFoldingRanges(models: ModelCache, document: TextDocument, limit?: number): FoldingRange[] {
  const model = models.get(document);
  if (model.items.length === 0) return getFoldingRanges(model, limit);
  const out: FoldingRange[] = [];
  for (const ranges of models.perItem(document, 'foldingRanges', unitFoldingRanges, moveRanges)) for (const r of ranges) out.push(r);
  return limited(out, limit);
}

export const foldingFeature: Feature = {
  name: 'folding',
  capabilities: () => ({ foldingRangeProvider: true }),
  register({ connection, documents, models, capabilities }) {
    connection.onFoldingRanges(
      guard(connection.console, 'foldingRange', [] as FoldingRange[], (params) => {
        const document = documents.get(params.textDocument.uri);
        return document ? documentFoldingRanges(models, document, capabilities().textDocument?.foldingRange?.rangeLimit) : [];
      }),
    );
  },
};
