/**
 * Workspace symbols: find a story across a folder of pages by its headline, or every story by one reporter.
 * Each article gives one entry named by its headline, and one entry per byline named by the reporter, with
 * the headline as its container — so typing 郭文生 lists his articles, each labelled by its headline. Editors
 * filter the names they are given by their own fuzzy rules, so an entry's name must itself match the query.
 */
import { articleTitle } from './outline';
import { DocumentModel } from './model';
import { Span } from './text';

export interface ArticleSymbol {
  name: string;
  kind: 'headline' | 'reporter';
  /** The headline, for a reporter entry; the bylines' names, for a headline entry. */
  container: string;
  span: Span;
  /** Index into `model.articles`. */
  article: number;
}

export function getArticleSymbols(model: DocumentModel): ArticleSymbol[] {
  const out: ArticleSymbol[] = [];
  for (const [index, a] of model.articles.entries()) {
    const title = articleTitle(model, a);
    const names = [...new Set([...a.bylines.map((b) => b.name), ...a.credits.map((c) => c.name)])];
    out.push({ name: title, kind: 'headline', container: names.join(' '), span: a.headline?.span ?? a.span, article: index });
    const seen = new Set<string>();
    // End credits (金文 under a story) name the writer as often as bylines do.
    for (const b of [...a.bylines, ...a.credits]) {
      if (seen.has(b.name)) continue;
      seen.add(b.name);
      out.push({ name: b.name, kind: 'reporter', container: title, span: b.span, article: index });
    }
  }
  return out;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Whether a symbol answers a query: its characters appear in order in the name (how editors match symbol
 * names), ignoring case, width and spaces. An empty query matches everything.
 */
export function matchesSymbolQuery(query: string, name: string): boolean {
  const q = Array.from(fold(query));
  if (q.length === 0) return true;
  const n = fold(name);
  let i = 0;
  for (const ch of n) {
    if (ch === q[i]) i++;
    if (i === q.length) return true;
  }
  return false;
}

export function findArticleSymbols(symbols: readonly ArticleSymbol[], query: string): ArticleSymbol[] {
  return symbols.filter((s) => matchesSymbolQuery(query, s.name));
}
