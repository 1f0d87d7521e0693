/**
 * Conversion to front-matter: an article's header lines (column banner and its `——` line, headline,
 * subheadlines, byline and agency lines) and the opener fused into its lede (`本报讯 `, `本报记者…天津报道 `,
 * `新华社武汉3月12日电(记者 王某)`, `HOUSTON (AP) — `) are replaced by one YAML block that says the same
 * things as data; the body follows verbatim. Trailing credits, end marks and photo captions stay where they are
 * printed: the reader takes them from the body as it does on the page, and on a page converted one article at a
 * time they are what tells a story's end from a photo standing between stories. Nothing is repaired here.
 */
import { stringify } from 'yaml';
import { parseAgencyLine, parseEnglishByline } from './bylines';
import { FrontMatterSource } from './frontMatter';
import { Article, Block, DocumentModel } from './model';
import { TextEdit } from './rules/types';
import { Span } from './text';

export interface ConvertOptions {
  /** Where the copy came from, when the caller knows: written as the block's `source`. */
  source?: { publication?: string; page?: string; date?: string };
}

export interface ArticleConversion {
  article: Article;
  /** The block's data, in the order it is written. */
  data: Record<string, unknown>;
  /** The YAML block, fences included. */
  block: string;
  edits: TextEdit[];
}

const HEADER_ROLES = new Set(['kicker', 'kickerSubtitle', 'headline', 'subheadline', 'byline', 'agency', 'comment']);

function articleBlocks(model: DocumentModel, a: Article): Block[] {
  return model.blocks.slice(a.firstBlock, a.lastBlock + 1).filter((b) => b.item === a.index);
}

/** The agency printed on a byline or agency line (`By JANE DOE | Associated Press`), if any. */
function bylineAgency(header: Block[]): string | null {
  for (const b of header) {
    if (b.role === 'agency') return parseAgencyLine(b.paragraph.text);
    if (b.role === 'byline') {
      const agency = parseEnglishByline(b.paragraph.text, 0)?.agency;
      if (agency) return agency;
    }
  }
  return null;
}

/** Where the copy came from: the block's `source`, or for a raw article the agency its byline names. */
export function getArticleSource(model: DocumentModel, a: Article): FrontMatterSource | null {
  if (a.frontMatter) return a.frontMatter.source;
  const blocks = articleBlocks(model, a);
  let n = 0;
  while (n < blocks.length && HEADER_ROLES.has(blocks[n].role)) n++;
  const agency = bylineAgency(blocks.slice(0, n));
  return agency && agency !== a.dateline?.agency ? { publication: null, page: null, date: null, agency } : null;
}

function person(p: { name: string; role: string | null }): Record<string, string> {
  return p.role ? { name: p.name, role: p.role } : { name: p.name };
}

/** The block's data for a raw article: only what the header and opener said. */
export function computeFrontMatterData(a: Article, header: Block[], options: ConvertOptions = {}): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (a.headline) data.headline = a.headline.text;
  if (a.subheadlines.length > 0) data.subheadlines = a.subheadlines.map((s) => s.text);
  if (a.kicker) data.kicker = a.kicker.text;
  if (a.kickerSubtitle) data.kickerSubtitle = a.kickerSubtitle.text;
  if (a.bylines.length > 0) data.bylines = a.bylines.map(person);
  if (a.dateline) {
    const d: Record<string, string> = {};
    if (a.dateline.place) d.place = a.dateline.place;
    if (a.dateline.date) d.date = a.dateline.date;
    if (a.dateline.agency) d.agency = a.dateline.agency;
    if (Object.keys(d).length > 0) data.dateline = d;
  }
  const source: Record<string, string> = {};
  for (const key of ['publication', 'page', 'date'] as const) {
    const value = options.source?.[key];
    if (value) source[key] = value;
  }
  const agency = bylineAgency(header);
  if (agency && agency !== a.dateline?.agency) source.agency = agency;
  if (Object.keys(source).length > 0) data.source = source;
  return data;
}

/** Writes the block with the `yaml` library: it quotes what would otherwise read back as another value. */
export function stringifyFrontMatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0, minContentWidth: 0 })}---`;
}

function isBlankLine(model: DocumentModel, line: number): boolean {
  return /^[\s\uFEFF]*$/.test(model.lines.lineText(line));
}

/** Where a replacement starting at paragraph `span` may begin: its line start when only spaces precede it. */
function lineStartOf(model: DocumentModel, span: Span): number {
  const line = model.lines.positionAt(span.start).line;
  const start = model.lines.lineStart(line);
  return /^[\s\uFEFF]*$/.test(model.text.slice(start, span.start)) ? start : span.start;
}

function onlyCovered(text: string, range: Span, covered: Span[]): boolean {
  for (let i = range.start; i < range.end; i++) {
    if (/[\s\uFEFF]/.test(text[i])) continue;
    if (!covered.some((c) => i >= c.start && i < c.end)) return false;
  }
  return true;
}

/**
 * The edits that turn one raw article into front-matter, or null for an article that is already front-matter or
 * has no header, opener or byline to put in a block.
 */
export function computeArticleConversion(model: DocumentModel, a: Article, options: ConvertOptions = {}): ArticleConversion | null {
  if (a.frontMatter) return null;
  const blocks = articleBlocks(model, a);
  let n = 0;
  while (n < blocks.length && HEADER_ROLES.has(blocks[n].role)) n++;
  // Comments before the first header line stay above the block.
  let first = 0;
  while (first < n && blocks[first].role === 'comment') first++;
  const header = blocks.slice(first, n);
  const lede = blocks[n];
  const opener = lede && a.openerSpan && a.openerSpan.start === lede.paragraph.span.start && lede.content.start > lede.paragraph.span.start ? lede : null;
  if (header.filter((b) => b.role !== 'comment').length === 0 && !opener) return null;
  const data = computeFrontMatterData(a, header, options);
  if (Object.keys(data).length === 0) return null;

  const startSpan = header.find((b) => b.role !== 'comment')?.paragraph.span ?? opener!.paragraph.span;
  const start = lineStartOf(model, startSpan);
  const startLine = model.lines.positionAt(start).line;
  // The block takes the document's line ending, so a CRLF page stays CRLF.
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  const nl = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));
  const prefix = startLine > 0 && !isBlankLine(model, startLine - 1) ? eol : '';
  const block = nl(stringifyFrontMatter(data));
  const comments = header.filter((b) => b.role === 'comment').map((b) => b.paragraph.text);
  let end: number;
  let after: string;
  if (opener) {
    end = opener.content.start;
    after = nl('\n\n' + comments.map((c) => c + '\n\n').join(''));
  } else if (lede) {
    end = lineStartOf(model, lede.paragraph.span);
    after = nl('\n\n' + comments.map((c) => c + '\n\n').join(''));
  } else {
    end = header[header.length - 1].paragraph.span.end;
    after = nl(comments.map((c) => '\n\n' + c).join(''));
  }
  // Insurance: the replaced text must be nothing but the header lines, the opener and blank space.
  const covered = [...header.map((b) => b.paragraph.span), ...(opener ? [{ start: opener.paragraph.span.start, end: opener.content.start }] : [])];
  if (!onlyCovered(model.text, { start, end }, covered)) return null;
  return { article: a, data, block, edits: [{ span: { start, end }, newText: prefix + block + after }] };
}

/** Every raw article of the document, converted. Articles already in front-matter are left as they are. */
export function computeDocumentConversion(model: DocumentModel, options: ConvertOptions = {}): ArticleConversion[] {
  const out: ArticleConversion[] = [];
  for (const a of model.articles) {
    const c = computeArticleConversion(model, a, options);
    if (c) out.push(c);
  }
  return out;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => x.span.start - y.span.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** The whole document converted: the text `newsmark convert` prints. */
export function computeConvertedText(model: DocumentModel, options: ConvertOptions = {}): string {
  return applyEdits(model.text, computeDocumentConversion(model, options).flatMap((c) => c.edits));
}
