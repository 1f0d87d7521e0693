/**
 * Semantic tokens over LSP (full and range): headline, subheadline, kicker, byline, dateline, credit, and
 * figure from the claims core (`FIGURE_SPANS`). The token type names are contributed in
 * package.json (`semanticTokenTypes`, `semanticTokenScopes`) so that themes colour them.
 */
import { SemanticTokens, SemanticTokensBuilder, SemanticTokensParams } from 'vscode-languageserver/node';
import { getClaims } from '../core/claims';
import { DocumentModel } from '../core/model';
import { unitAt, unitView } from '../core/ruleScope';
import { computeLineTokens, FigureSpanSource, getSemanticSpans, NEWS_TOKEN_TYPES, NewsTokenType } from '../core/semanticTokens';
import { Span } from '../core/text';
import { guard } from '../safe';
import { Feature } from '../serverContext';
import { afterQueuedRequests } from '../turns';

/** Where the `figure` token type gets its spans: every numeric claim the claims core reads, qualifier and unit included. */
export const FIGURE_SPANS: FigureSpanSource | null = (model) => getClaims(model).map((c) => c.span);

function moveSpans(spans: Span[], offsets: number): Span[] {
  return offsets === 0 ? spans : spans.map((s) => ({ start: s.start + offsets, end: s.end + offsets }));
}

const TYPE_INDEX = new Map<NewsTokenType, number>(NEWS_TOKEN_TYPES.map((t, i) => [t, i]));

/** Figure spans of the units that meet `within`: a range request over a screenful reads those articles' figures only. */
function figureSpansWithin(model: DocumentModel, within: Span): Span[] {
  const out: Span[] = [];
  const last = unitAt(model, within.end);
  for (let k = unitAt(model, within.start); k <= last; k++) for (const c of getClaims(unitView(model, k))) out.push(c.span);
  return out;
}

/** `figures`, when given, are the page's figure spans kept per article by the server. */
export function encodeSemanticTokens(model: DocumentModel, within?: Span, figures?: readonly Span[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const source: FigureSpanSource | null = figures ? () => [...figures] : within ? (m) => figureSpansWithin(m, within) : FIGURE_SPANS;
  const spans = getSemanticSpans(model, { figureSpans: source, within });
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
    const full = guard(connection.console, 'semanticTokens/full', empty, (params: SemanticTokensParams) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return empty;
      // Figures are kept per article and moved with it, so a keystroke reads the figures of one article again.
      const perItem = models.perItem(document, 'figureSpans', (model, item) => getClaims(unitView(model, item.index)).map((c) => c.span), moveSpans);
      return encodeSemanticTokens(models.get(document), undefined, perItem.flat());
    });
    // The figures of the whole page: the outline and other requests sent with this one go first.
    connection.languages.semanticTokens.on(async (params, token) => {
      await afterQueuedRequests();
      return full(params, token);
    });
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
