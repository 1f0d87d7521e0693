/**
 * The outline: the tree an editor shows in its Outline view and breadcrumbs, and the CLI prints. Each article
 * is a node named by its headline, with its banner, subheadlines, bylines, dateline, section heads, captions,
 * credits and end mark as children in page order. Photos between articles are nodes of their own.
 */
import { Article, DocumentModel, Photo } from './model';
import { Span } from './text';

export type OutlineKind =
  | 'article'
  | 'photo'
  | 'kicker'
  | 'subheadline'
  | 'byline'
  | 'dateline'
  | 'section'
  | 'caption'
  | 'credit'
  | 'endMark'
  | 'frontMatter';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** Everything the symbol covers. */
  span: Span;
  /** What the editor highlights and reveals: the headline, the name. */
  selectionSpan: Span;
  children: OutlineSymbol[];
}

const UNTITLED_LENGTH = 24;

function leaf(kind: OutlineKind, name: string, detail: string, span: Span, selectionSpan: Span = span): OutlineSymbol {
  return { name: name.length > 0 ? name : '(empty)', detail, kind, span, selectionSpan, children: [] };
}

/** A name for an article with no headline: the first words of its lede. */
export function articleTitle(model: DocumentModel, article: Article): string {
  if (article.headline) return article.headline.text;
  const lede = article.lede;
  if (!lede) return '(untitled article)';
  const text = model.text.slice(lede.content.start, lede.content.end).replace(/\s+/g, ' ');
  return `(untitled) ${text.length > UNTITLED_LENGTH ? text.slice(0, UNTITLED_LENGTH) + '…' : text}`;
}

export function bylineLabel(name: string, role: string | null): string {
  return role ? `${name} (${role})` : name;
}

export function datelineLabel(d: { place: string | null; date: string | null; agency: string | null }): string {
  return [d.place, d.date, d.agency].filter((x) => x !== null && x !== '').join(' · ') || '(dateline)';
}

function articleSymbol(model: DocumentModel, a: Article): OutlineSymbol {
  const children: OutlineSymbol[] = [];
  if (a.frontMatter) children.push(leaf('frontMatter', 'front-matter', '', a.frontMatter.span));
  if (a.kicker) {
    const span = a.kickerSubtitle ? { start: a.kicker.span.start, end: Math.max(a.kicker.span.end, a.kickerSubtitle.span.end) } : a.kicker.span;
    children.push(leaf('kicker', a.kicker.text, a.kickerSubtitle ? a.kickerSubtitle.text : 'kicker', span, a.kicker.span));
  }
  for (const s of a.subheadlines) children.push(leaf('subheadline', s.text, 'subheadline', s.span));
  for (const b of a.bylines) children.push(leaf('byline', b.name, b.role ?? 'byline', b.span));
  if (a.dateline) children.push(leaf('dateline', datelineLabel(a.dateline), 'dateline', a.dateline.span));
  for (const s of a.sections) children.push(leaf('section', s.title, 'section', s.extent, s.span));
  for (const c of a.captions) {
    const span = c.creditSpan ? { start: c.span.start, end: Math.max(c.span.end, c.creditSpan.end) } : c.span;
    children.push(leaf('caption', shorten(c.text), c.credit ? `${c.credit} 摄` : 'caption', span, c.span));
  }
  for (const c of a.credits) children.push(leaf('credit', c.name, c.role ?? 'credit', c.span));
  if (a.endMark) children.push(leaf('endMark', a.endMark.text, 'end mark', a.endMark.span));
  // Front-matter values may sit anywhere in the block; keep page order. Printed articles come in order already, and
  // a sort is not asked of them: V8's sort copies the list into room of its own, for every article of every page.
  if (!inPageOrder(children)) children.sort((x, y) => x.selectionSpan.start - y.selectionSpan.start);
  if (a.frontMatter) return finishArticle(model, a, nestInFrontMatter(children));
  return finishArticle(model, a, children);
}

function inPageOrder(symbols: readonly OutlineSymbol[]): boolean {
  for (let i = 1; i < symbols.length; i++) if (symbols[i].selectionSpan.start < symbols[i - 1].selectionSpan.start) return false;
  return true;
}

/**
 * In a front-matter article the header fields are lines of the YAML block: they go under the block's node, so
 * the Outline shows the block's structure and no sibling's range lies inside another's.
 */
function nestInFrontMatter(children: OutlineSymbol[]): OutlineSymbol[] {
  const block = children.find((c) => c.kind === 'frontMatter');
  if (!block) return children;
  const inside = (c: OutlineSymbol) => c !== block && c.span.start >= block.span.start && c.span.end <= block.span.end;
  block.children = children.filter(inside);
  block.detail = `${block.children.length} ${block.children.length === 1 ? 'field' : 'fields'}`;
  return children.filter((c) => !inside(c));
}

function finishArticle(model: DocumentModel, a: Article, children: OutlineSymbol[]): OutlineSymbol {
  const selection = a.headline ? a.headline.span : (a.lede?.content ?? a.span);
  const detail = a.subheadlines.length > 0 ? a.subheadlines[0].text : a.bylines.map((b) => b.name).join(' ');
  const span = { start: Math.min(a.span.start, selection.start), end: Math.max(a.span.end, selection.end) };
  return { name: articleTitle(model, a), detail, kind: 'article', span, selectionSpan: clamp(selection, span), children };
}

function photoSymbol(p: Photo): OutlineSymbol {
  const children: OutlineSymbol[] = [];
  for (const c of p.caption.credits) children.push(leaf('credit', c.name, c.role ?? 'credit', c.span));
  return { name: `Photo: ${shorten(p.caption.text)}`, detail: p.caption.credit ? `${p.caption.credit} 摄` : '', kind: 'photo', span: p.span, selectionSpan: p.caption.span, children };
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 40 ? t.slice(0, 40) + '…' : t;
}

function clamp(inner: Span, outer: Span): Span {
  const start = Math.max(outer.start, Math.min(inner.start, outer.end));
  return { start, end: Math.max(start, Math.min(inner.end, outer.end)) };
}

export function getOutline(model: DocumentModel): OutlineSymbol[] {
  return model.items.map((item) => (item.kind === 'article' ? articleSymbol(model, item) : photoSymbol(item)));
}
