/**
 * Datelines: where and when a story was filed, and by whom. They open the lede in every format Newsmark
 * reads: `本报记者…天津报道`, `本报讯`, `本报北京11月28日电`, `新华社武汉3月12日电(记者 王某)`,
 * `HOUSTON (AP) —`, `LONDON, Nov 28 (Reuters) -`. Each parser returns the dateline, the bylines it carries and
 * where the lede's prose begins, so the lede can be checked and converted without the opener.
 */
import { Byline, ROLE_INITIALS, ROLE_PATTERN, readRolesAndNames } from './bylines';
import { initialsOf, isRegExpSpaceCode } from './chars';
import { Span } from './text';

export interface Dateline {
  place: string | null;
  date: string | null;
  agency: string | null;
  span: Span;
}

export type OpenerFormat = 'cn-paper' | 'cn-wire' | 'en-wire';

export interface Opener {
  format: OpenerFormat;
  bylines: Byline[];
  dateline: Dateline | null;
  /** Local offset where the lede's prose begins (after the opener and its spaces or dash). */
  proseStart: number;
}

const CN_DATE = '(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日';
/** Who files `…电` dispatches (本报 also opens `本报讯`). */
const DISPATCH_SOURCES = ['新华社', '中新社', '中新网', '本报', '人民网', '央视网', '光明网', '新华网', '中国日报'];
const CN_DISPATCH = new RegExp(`^(${DISPATCH_SOURCES.join('|')})([\\u4e00-\\u9fff·]{2,12}?)?(${CN_DATE})?电`);
const CN_XUN = /^本报讯/;
const BRACKETED = /^[\s\u3000]*[(（]([^()（）]{1,80})[)）]/;

function skipSpaces(text: string, p: number): number {
  while (p < text.length && /[\s\u3000:：]/.test(text[p])) p++;
  return p;
}

/** Bylines in brackets after a dispatch: `(记者 王某 李某)`. */
function bracketedBylines(text: string, p: number, base: number): { bylines: Byline[]; end: number } | null {
  const m = BRACKETED.exec(text.slice(p));
  if (!m) return null;
  const innerStart = p + m[0].indexOf(m[1]);
  if (!ROLE_PATTERN.test(m[1].trim())) return null;
  const result = readRolesAndNames(text.slice(0, innerStart + m[1].length), innerStart, base);
  if (!result || result.bylines.length === 0) return null;
  return { bylines: result.bylines, end: p + m[0].length };
}

function parseChineseDispatch(text: string, base: number): Opener | null {
  const xun = CN_XUN.exec(text);
  if (xun) {
    let p = xun[0].length;
    const bracket = bracketedBylines(text, p, base);
    const bylines = bracket ? bracket.bylines : [];
    if (bracket) p = bracket.end;
    return { format: 'cn-paper', bylines, dateline: { place: null, date: null, agency: '本报', span: { start: base, end: base + xun[0].length } }, proseStart: skipSpaces(text, p) };
  }
  const m = CN_DISPATCH.exec(text);
  if (!m) return null;
  let p = m[0].length;
  const dateline: Dateline = { place: m[2] ?? null, date: m[3] ?? null, agency: m[1], span: { start: base, end: base + p } };
  const bracket = bracketedBylines(text, p, base);
  let bylines: Byline[] = [];
  if (bracket) {
    bylines = bracket.bylines;
    p = bracket.end;
  }
  return { format: m[1] === '本报' ? 'cn-paper' : 'cn-wire', bylines, dateline, proseStart: skipSpaces(text, p) };
}

/** `本报记者郭文生 见习记者任效良天津报道 …` */
function parseChineseReport(text: string, base: number): Opener | null {
  let from = /^[◆■●□]/.test(text) ? 1 : 0;
  while (from < text.length && isRegExpSpaceCode(text.charCodeAt(from))) from++;
  if (!ROLE_PATTERN.test(from === 0 ? text : text.slice(from))) return null;
  const stop = text.indexOf('报道');
  if (stop < 0 || stop > 80) return null;
  const result = readRolesAndNames(text, from, base, '报道');
  if (!result || result.bylines.length === 0 || !text.startsWith('报道', result.end)) return null;
  const end = result.end + 2;
  const dateline: Dateline = {
    place: result.place,
    date: null,
    agency: /^本报/.test(text.slice(from)) ? '本报' : null,
    span: result.placeSpan ? { start: result.placeSpan.start, end: base + end } : { start: base + result.end, end: base + end },
  };
  return { format: 'cn-paper', bylines: result.bylines, dateline, proseStart: skipSpaces(text, end) };
}

const EN_MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const EN_DATELINE = new RegExp(
  `^([A-Z][A-Z.'’/ -]*[A-Z.](?:,\\s+[A-Z][A-Za-z.]*(?:\\s+[A-Z][A-Za-z.]*){0,3})?)` +
    `(?:,\\s+(${EN_MONTH}\\s+\\d{1,2}))?\\s+\\((AP|Reuters|AFP|Xinhua|Bloomberg|UPI|dpa|CNN)\\)\\s*(?:—|–|--|-)\\s*`,
);

function parseEnglishDateline(text: string, base: number): Opener | null {
  const m = EN_DATELINE.exec(text);
  if (!m) return null;
  const dateline: Dateline = { place: m[1].trim(), date: m[2] ?? null, agency: m[3], span: { start: base, end: base + m[0].trimEnd().length } };
  return { format: 'en-wire', bylines: [], dateline, proseStart: m[0].length };
}

/**
 * What an opener can start with: a dispatch source, a report mark (◆■●□), a role word, spaces before a role
 * word, or the capital of an English dateline. Most paragraphs start otherwise and are refused at once.
 */
const OPENER_INITIALS = new Set([...initialsOf(DISPATCH_SOURCES), ...initialsOf(Array.from('◆■●□')), ...ROLE_INITIALS]);

function mayOpen(c: number): boolean {
  return OPENER_INITIALS.has(c) || (c >= 0x41 && c <= 0x5a) || isRegExpSpaceCode(c);
}

/** Recognises the opener at the start of a paragraph, if any. */
export function parseOpener(text: string, base: number): Opener | null {
  if (!mayOpen(text.charCodeAt(0))) return null;
  return parseChineseDispatch(text, base) ?? parseChineseReport(text, base) ?? parseEnglishDateline(text, base);
}
