/** Folding over LSP: articles, sections, photos, front-matter blocks and comments from the core. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver/node';
import { FoldingKind, getFoldingRegions } from '../core/folding';
import { DocumentModel } from '../core/model';
import { guard } from '../safe';
import { Feature } from '../serverContext';

/** Comments fold with "Fold All Block Comments"; everything else is a plain region. */
const KIND: Partial<Record<FoldingKind, string>> = { comment: FoldingRangeKind.Comment };

export function getFoldingRanges(model: DocumentModel, limit?: number): FoldingRange[] {
  const regions = getFoldingRegions(model);
  const out = regions.map((r) => {
    const range: FoldingRange = { startLine: r.startLine, endLine: r.endLine };
    if (KIND[r.kind]) range.kind = KIND[r.kind];
    return range;
  });
  return limit !== undefined && out.length > limit ? out.slice(0, limit) : out;
}

export const foldingFeature: Feature = {
  name: 'folding',
  capabilities: () => ({ foldingRangeProvider: true }),
  register({ connection, documents, models, capabilities }) {
    connection.onFoldingRanges(
      guard(connection.console, 'foldingRange', [] as FoldingRange[], (params) => {
        const document = documents.get(params.textDocument.uri);
        return document ? getFoldingRanges(models.get(document), capabilities().textDocument?.foldingRange?.rangeLimit) : [];
      }),
    );
  },
};
