/**
 * Semantic tokens over LSP (full and range): headline, subheadline, kicker, byline, dateline, credit, and
 * figure from the claims core (`FIGURE_SPANS`). The token type names are contributed in
 * package.json (`semanticTokenTypes`, `semanticTokenScopes`) so that themes colour them.
 */
import { SemanticTokens, SemanticTokensBuilder } from 'vscode-languageserver/node';
import { getClaims } from '../core/claims';
import { DocumentModel } from '../core/model';
import { computeLineTokens, FigureSpanSource, getSemanticSpans, NEWS_TOKEN_TYPES, NewsTokenType } from '../core/semanticTokens';
import { Span } from '../core/text';
import { guard } from '../safe';
import { Feature } from '../serverContext';

/** Where the `figure` token type gets its spans: every numeric claim the claims core reads, qualifier and unit included. */
export const FIGURE_SPANS: FigureSpanSource | null = (model) => getClaims(model).map((c) => c.span);

const TYPE_INDEX = new Map<NewsTokenType, number>(NEWS_TOKEN_TYPES.map((t, i) => [t, i]));

export function encodeSemanticTokens(model: DocumentModel, within?: Span): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const spans = getSemanticSpans(model, { figureSpans: FIGURE_SPANS, within });
  for (const t of computeLineTokens(model, spans)) builder.push(t.line, t.character, t.length, TYPE_INDEX.get(t.type) ?? 0, 0);
  return builder.build();
}

export const semanticTokensFeature: Feature = {
  name: 'semanticTokens',
  capabilities: () => ({
    semanticTokensProvider: { legend: { tokenTypes: [...NEWS_TOKEN_TYPES], tokenModifiers: [] }, full: true, range: true },
  }),
  register({ connection, documents, models }) {
    const empty: SemanticTokens = { data: [] };
    connection.languages.semanticTokens.on(
      guard(connection.console, 'semanticTokens/full', empty, (params) => {
        const document = documents.get(params.textDocument.uri);
        return document ? encodeSemanticTokens(models.get(document)) : empty;
      }),
    );
    connection.languages.semanticTokens.onRange(
      guard(connection.console, 'semanticTokens/range', empty, (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return empty;
        const model = models.get(document);
        return encodeSemanticTokens(model, { start: model.lines.offsetAt(params.range.start), end: model.lines.offsetAt(params.range.end) });
      }),
    );
  },
};
