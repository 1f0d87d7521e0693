/**
 * Semantic tokens: the parts of an article a grammar cannot know by pattern alone — which line is the headline,
 * which the subheadline or kicker, where the byline names and the dateline are, whose credit this is. The core
 * gives typed spans; the glue encodes them. Token types are newsroom words, contributed by the extension with
 * TextMate fallbacks so that every theme colours them.
 */
import { Article, DocumentModel } from './model';
import { getBylineExtent } from './openerHover';
import { Span } from './text';

/** The legend, in order. `figure` is filled by a figure source (see `FigureSpanSource`). */
export const NEWS_TOKEN_TYPES = ['headline', 'subheadline', 'kicker', 'byline', 'dateline', 'credit', 'figure'] as const;
export type NewsTokenType = (typeof NEWS_TOKEN_TYPES)[number];

export interface SemanticSpan {
  span: Span;
  type: NewsTokenType;
}

/** Supplies the spans of figures (numeric claims) for the `figure` token type; the claims core provides one. */
export type FigureSpanSource = (model: DocumentModel) => Span[];

export interface SemanticTokenOptions {
  figureSpans?: FigureSpanSource | null;
  /** Only spans overlapping this range (a `range` request). */
  within?: Span;
}

/**
 * In a front-matter block a byline, credit or dateline spans a whole YAML mapping (`name: 金文` and `role: 记者`
 * lines): only the value that names the person or place is coloured, never the keys.
 */
function valueSpan(model: DocumentModel, span: Span, value: string | null): Span | null {
  if (!value) return null;
  const at = model.text.slice(span.start, span.end).indexOf(value);
  return at < 0 ? null : { start: span.start + at, end: span.start + at + value.length };
}

function frontMatterSpans(model: DocumentModel, a: Article, out: SemanticSpan[]): void {
  const push = (span: Span | null, type: NewsTokenType) => {
    if (span) out.push({ span, type });
  };
  for (const b of a.bylines) push(valueSpan(model, b.span, b.name), 'byline');
  for (const c of a.credits) push(valueSpan(model, c.span, c.name), 'credit');
  if (a.dateline) push(valueSpan(model, a.dateline.span, a.dateline.place ?? a.dateline.agency), 'dateline');
}

function articleSpans(model: DocumentModel, a: Article, out: SemanticSpan[]): void {
  if (a.headline) out.push({ span: a.headline.span, type: 'headline' });
  if (a.format === 'front-matter') {
    for (const s of a.subheadlines) out.push({ span: s.span, type: 'subheadline' });
    if (a.kicker) out.push({ span: a.kicker.span, type: 'kicker' });
    frontMatterSpans(model, a, out);
    return;
  }
  for (const s of a.subheadlines) out.push({ span: s.span, type: 'subheadline' });
  if (a.kicker) out.push({ span: a.kicker.span, type: 'kicker' });
  if (a.kickerSubtitle) out.push({ span: a.kickerSubtitle.span, type: 'kicker' });
  for (const b of a.bylines) out.push({ span: getBylineExtent(model, b), type: 'byline' });
  if (a.dateline) out.push({ span: a.dateline.span, type: 'dateline' });
  for (const c of a.credits) out.push({ span: c.span, type: 'credit' });
  for (const c of a.captions) for (const credit of c.credits) out.push({ span: credit.span, type: 'credit' });
}

/**
 * Typed spans in document order, never overlapping (editors cannot show two token types on one character):
 * where two overlap, the one that starts first keeps its characters.
 */
export function getSemanticSpans(model: DocumentModel, options: SemanticTokenOptions = {}): SemanticSpan[] {
  const all: SemanticSpan[] = [];
  for (const item of model.items) {
    if (item.kind === 'article') articleSpans(model, item, all);
    else for (const c of item.caption.credits) all.push({ span: c.span, type: 'credit' });
  }
  if (options.figureSpans) for (const span of options.figureSpans(model)) all.push({ span, type: 'figure' });
  all.sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
  const out: SemanticSpan[] = [];
  let reached = 0;
  for (const s of all) {
    const start = Math.max(s.span.start, reached);
    if (start >= s.span.end) continue;
    if (options.within && (s.span.end <= options.within.start || start >= options.within.end)) continue;
    out.push({ span: { start, end: s.span.end }, type: s.type });
    reached = s.span.end;
  }
  return out;
}

export interface LineToken {
  line: number;
  character: number;
  length: number;
  type: NewsTokenType;
}

/**
 * Splits spans at line breaks: most clients cannot draw a token over two lines (a two-line kicker, a headline
 * wrapped in print). Empty pieces and the line-break characters themselves are left out.
 */
export function computeLineTokens(model: DocumentModel, spans: readonly SemanticSpan[]): LineToken[] {
  const out: LineToken[] = [];
  for (const s of spans) {
    const first = model.lines.positionAt(s.span.start).line;
    const last = model.lines.positionAt(s.span.end).line;
    for (let line = first; line <= last; line++) {
      const lineStart = model.lines.lineStart(line);
      const start = Math.max(s.span.start, lineStart);
      const end = Math.min(s.span.end, model.lines.lineEndOffset(line));
      if (end > start) out.push({ line, character: start - lineStart, length: end - start, type: s.type });
    }
  }
  return out;
}
