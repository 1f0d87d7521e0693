/**
 * Semantic tokens over LSP (full, delta and range): headline, subheadline, kicker, byline, dateline, credit, and
 * figure from the claims core (`FIGURE_SPANS`). The token type names are contributed in
 * package.json (`semanticTokenTypes`, `semanticTokenScopes`) so that themes colour them. After an edit VS Code asks
 * for the tokens as edits to the ones it holds (`full/delta`): in a year of pages the whole answer is half a
 * megabyte of numbers, and a keystroke changes a few of them.
 */
import { SemanticTokens, SemanticTokensBuilder, SemanticTokensDelta, SemanticTokensDeltaParams, SemanticTokensEdit, SemanticTokensParams } from 'vscode-languageserver/node';
import { getClaims } from '../core/claims';
import { DocumentModel, Item } from '../core/model';
import { unitAt, unitView } from '../core/ruleScope';
import { computeLineTokens, FigureSpanSource, getSemanticSpans, LineToken, NEWS_TOKEN_TYPES, NewsTokenType } from '../core/semanticTokens';
import { Span } from '../core/text';
import { guard } from '../safe';
import { Feature } from '../serverContext';
import { afterQueuedRequests } from '../turns';

/** Where the `figure` token type gets its spans: every numeric claim the claims core reads, qualifier and unit included. */
export const FIGURE_SPANS: FigureSpanSource | null = (model) => getClaims(model).map((c) => c.span);

/**
 * The tokens of one unit of the page (an item and the lines after it, `core/ruleScope.ts`), its figures included.
 * Units do not overlap and come in page order, so the page's tokens are the units' tokens one after the other,
 * exactly as `getSemanticSpans` orders and trims them for the whole page.
 */
export function unitTokens(model: DocumentModel, item: Item): LineToken[] {
  const view = unitView(model, item.index);
  const figures = getClaims(view).map((c) => c.span);
  return computeLineTokens(model, getSemanticSpans(view, { figureSpans: () => figures }));
}

export function moveTokens(tokens: LineToken[], _offsets: number, lines: number): LineToken[] {
  return lines === 0 ? tokens : tokens.map((t) => ({ ...t, line: t.line + lines }));
}

/** The page's tokens from each unit's (see `unitTokens`). */
export function encodeUnitTokens(perUnit: readonly (readonly LineToken[])[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const tokens of perUnit) for (const t of tokens) builder.push(t.line, t.character, t.length, TYPE_INDEX.get(t.type) ?? 0, 0);
  return builder.build();
}

const TYPE_INDEX = new Map<NewsTokenType, number>(NEWS_TOKEN_TYPES.map((t, i) => [t, i]));

/** Figure spans of the units that meet `within`: a range request over a screenful reads those articles' figures only. */
function figureSpansWithin(model: DocumentModel, within: Span): Span[] {
  const out: Span[] = [];
  const last = unitAt(model, within.end);
  for (let k = unitAt(model, within.start); k <= last; k++) for (const c of getClaims(unitView(model, k))) out.push(c.span);
  return out;
}

/** The tokens of the whole page, or of the units that meet `within` (a range request). */
export function encodeSemanticTokens(model: DocumentModel, within?: Span): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const source: FigureSpanSource | null = within ? (m) => figureSpansWithin(m, within) : FIGURE_SPANS;
  const spans = getSemanticSpans(model, { figureSpans: source, within });
  for (const t of computeLineTokens(model, spans)) builder.push(t.line, t.character, t.length, TYPE_INDEX.get(t.type) ?? 0, 0);
  return builder.build();
}

/**
 * The one edit that turns `before` into `after`: the numbers between their common beginning and their common end
 * replaced. Tokens are relative to the token before them, so an edit in one article changes a short run.
 */
export function tokensEdit(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  if (start === before.length && start === after.length) return [];
  let b = before.length;
  let a = after.length;
  while (b > start && a > start && before[b - 1] === after[a - 1]) {
    b--;
    a--;
  }
  return [{ start, deleteCount: b - start, data: after.slice(start, a) }];
}

/** The last full set of tokens given for each document, by result id, so that the next can be given as an edit. */
export class GivenTokens {
  private readonly last = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  full(uri: string, tokens: SemanticTokens): SemanticTokens {
    const resultId = String(++this.counter);
    this.last.set(uri, { resultId, data: tokens.data });
    return { resultId, data: tokens.data };
  }

  /** An edit to the tokens the client holds when they are the last given, else the tokens in full. */
  delta(uri: string, previousResultId: string, tokens: SemanticTokens): SemanticTokens | SemanticTokensDelta {
    const last = this.last.get(uri);
    if (!last || last.resultId !== previousResultId) return this.full(uri, tokens);
    const resultId = String(++this.counter);
    this.last.set(uri, { resultId, data: tokens.data });
    return { resultId, edits: tokensEdit(last.data, tokens.data) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

export const semanticTokensFeature: Feature = {
  name: 'semanticTokens',
  capabilities: () => ({
    semanticTokensProvider: { legend: { tokenTypes: [...NEWS_TOKEN_TYPES], tokenModifiers: [] }, full: { delta: true }, range: true },
  }),
  register({ connection, documents, models }) {
    const empty: SemanticTokens = { data: [] };
    const given = new GivenTokens();
    const tokensOf = (params: SemanticTokensParams): SemanticTokens | null => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      // Tokens are kept per unit in lines and columns: a keystroke reads one article's again, and the others
      // move only when lines were added or removed above them.
      return encodeUnitTokens(models.perItem(document, 'lineTokens', unitTokens, moveTokens));
    };
    const full = guard(connection.console, 'semanticTokens/full', empty, (params: SemanticTokensParams) => {
      const tokens = tokensOf(params);
      return tokens ? given.full(params.textDocument.uri, tokens) : empty;
    });
    const delta = guard(connection.console, 'semanticTokens/full/delta', empty, (params: SemanticTokensDeltaParams): SemanticTokens | SemanticTokensDelta => {
      const tokens = tokensOf(params);
      return tokens ? given.delta(params.textDocument.uri, params.previousResultId, tokens) : empty;
    });
    // The figures of the whole page: the outline and other requests sent with these go first.
    connection.languages.semanticTokens.on(async (params, token) => {
      await afterQueuedRequests();
      return full(params, token);
    });
    connection.languages.semanticTokens.onDelta(async (params, token) => {
      await afterQueuedRequests();
      return delta(params, token);
    });
    documents.onDidClose((e) => given.forget(e.document.uri));
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
