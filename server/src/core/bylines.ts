/**
 * Bylines: who wrote the story, in what role. Chinese papers fuse them with the dateline and the lede
 * (`本报记者郭文生 见习记者任效良天津报道 天津市…`), put them in brackets after a dispatch line
 * (`本报讯(记者 张三)`, `新华社武汉3月12日电(记者 王某 李某)`), or print names behind a mark (`◆郭文生 任效良`).
 * English wire uses a `By …` line, sometimes with the agency on the line below.
 */
import { firstNonSpaceCode, initialsOf, isRegExpSpaceCode } from './chars';
import { isChineseName, isKnownPlace, splitEnglishNames, splitNameAndPlace } from './names';
import { Span } from './text';

export interface Byline {
  name: string;
  /** 本报记者, 见习记者, 通讯员, 记者… or `reporter` for an English `By` line; null when the page gives none. */
  role: string | null;
  span: Span;
}

/** Role words, longest first so that 本报见习记者 wins over 记者. */
const ROLE_WORDS = [
  '本报见习记者', '本报特约记者', '本报实习记者', '本报摄影记者', '本报通讯员', '本报实习生', '本报记者', '新华社记者', '新华社特约记者',
  '中新社记者', '见习记者', '特约记者', '实习记者', '摄影记者', '通讯员', '实习生', '记者',
];
export const ROLE_PATTERN = new RegExp(`^(${ROLE_WORDS.join('|')})`);

/** First characters of the role words: most texts and positions start none, and are refused without the pattern. */
export const ROLE_INITIALS = initialsOf(ROLE_WORDS);

/** Marks that newspapers print before a line of bylines: `◆郭文生 任效良`. */
const BYLINE_MARKS = '◆■●□▲★☆◇';
const BYLINE_MARK = new RegExp(`^[${BYLINE_MARKS}]\\s*`);
const BYLINE_MARK_CODES = initialsOf(Array.from(BYLINE_MARKS));

/** ROLE_PATTERN at a given offset (set `lastIndex`), so a role word is tried in place instead of on a copy. */
const ROLE_AT = new RegExp(ROLE_PATTERN.source.slice(1), 'y');

/** The role word at `at` in `text`, or null. */
export function roleAt(text: string, at: number): string | null {
  if (!ROLE_INITIALS.has(text.charCodeAt(at))) return null;
  ROLE_AT.lastIndex = at;
  const m = ROLE_AT.exec(text);
  return m ? m[1] : null;
}

/** A character a name may hold: a Han character (BMP blocks) or the middle dot of a transliterated name. */
function isNameCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0xb7;
}

/** Spaces (ASCII and ideographic), 、 and commas: what separates roles and names on a byline or credit line. */
export function isNameGapCode(c: number): boolean {
  return c === 0x3001 || c === 0xff0c || c === 0x2c || isRegExpSpaceCode(c);
}

export interface RoleNamesResult {
  bylines: Byline[];
  /** Place fused with the last name (`任效良天津报道` gives 天津). */
  place: string | null;
  placeSpan: Span | null;
  /** Local offset just past what was consumed. */
  end: number;
}

/**
 * Reads `ROLE NAME NAME ROLE NAME…` from `text` at `from`, stopping at `stopWord` (报道) when given.
 * `base` turns local offsets into document offsets.
 */
export function readRolesAndNames(text: string, from: number, base: number, stopWord?: string, initialRole: string | null = null): RoleNamesResult | null {
  const bylines: Byline[] = [];
  let role: string | null = initialRole;
  let p = from;
  let place: string | null = null;
  let placeSpan: Span | null = null;
  let sawRole = initialRole !== null;
  for (;;) {
    while (p < text.length && isNameGapCode(text.charCodeAt(p))) p++;
    if (p >= text.length) break;
    if (stopWord && text.startsWith(stopWord, p)) break;
    // Role words are at most seven characters: matching in place sees what a 12-character slice did.
    const roleWord = roleAt(text, p);
    if (roleWord) {
      role = roleWord;
      sawRole = true;
      p += roleWord.length;
      continue;
    }
    // Read a run of Han characters, stopping before a role word or the stop word.
    let q = p;
    while (q < text.length && isNameCode(text.charCodeAt(q))) {
      if (q > p + 1 && roleAt(text, q) !== null) break;
      if (stopWord && text.startsWith(stopWord, q)) break;
      q++;
    }
    if (q === p) break;
    const run = text.slice(p, q);
    const atStop = stopWord !== undefined && text.startsWith(stopWord, q);
    if (atStop && bylines.length > 0 && placeOnly(run)) {
      place = run;
      placeSpan = { start: base + p, end: base + q };
      p = q;
      break;
    }
    if (isChineseName(run) && !(atStop && run.length >= 4)) {
      bylines.push({ name: run, role, span: { start: base + p, end: base + q } });
      p = q;
      continue;
    }
    if (atStop) {
      const split = splitNameAndPlace(run);
      if (split) {
        bylines.push({ name: split.name, role, span: { start: base + p, end: base + p + split.name.length } });
        place = split.place;
        placeSpan = { start: base + p + split.name.length, end: base + q };
        p = q;
        break;
      }
      if (isChineseName(run)) {
        bylines.push({ name: run, role, span: { start: base + p, end: base + q } });
        p = q;
        break;
      }
    }
    break;
  }
  if (!sawRole && bylines.length === 0) return null;
  return { bylines, place, placeSpan, end: p };
}

function placeOnly(run: string): boolean {
  return run.length >= 2 && (isKnownPlace(run) || !isChineseName(run.slice(0, 3)));
}

/** A line that is only a byline: `本报记者 张三 李四`, `◆郭文生 任效良`, `记者 王某`. */
export function parseBylineLine(text: string, base: number): Byline[] | null {
  const first = text.charCodeAt(0);
  if (!BYLINE_MARK_CODES.has(first) && !ROLE_INITIALS.has(first)) return null;
  const mark = BYLINE_MARK.exec(text);
  const from = mark ? mark[0].length : 0;
  // Checked first: most paragraphs open with neither a mark nor a role word, and reading names is the cost.
  if (!mark && !ROLE_PATTERN.test(text)) return null;
  const result = readRolesAndNames(text, from, base);
  if (!result || result.bylines.length === 0) return null;
  if (text.slice(result.end).trim().length > 0) return null;
  return result.bylines;
}

/** `By JANE DOE and JOHN ROE`, `By Jane Doe, Reuters`, `By Jane Doe | Associated Press`. */
export function parseEnglishByline(text: string, base: number): { bylines: Byline[]; agency: string | null } | null {
  if (!text.startsWith('By')) return null;
  const m = /^By\s+(.+?)(?:\s*(?:[,|–—-])\s*(The Associated Press|Associated Press|AP|Reuters|AFP|Bloomberg(?: News)?|Xinhua))?\s*$/.exec(text);
  if (!m || text.length > 160) return null;
  const names = splitEnglishNames(m[1]);
  if (names.length === 0) return null;
  const bylines: Byline[] = [];
  let cursor = 3;
  for (const name of names) {
    const at = text.indexOf(name, cursor);
    bylines.push({ name, role: 'reporter', span: { start: base + at, end: base + at + name.length } });
    cursor = at + name.length;
  }
  return { bylines, agency: m[2] ?? null };
}

const AGENCY_LINE = /^(?:The\s+)?(Associated Press|AP|Reuters|AFP|Agence France-Presse|Bloomberg(?: News)?|Xinhua)\s*$/;

const AGENCY_FIRST = initialsOf(Array.from('TARBX'));

/** The agency line under an English byline: `Associated Press`. */
export function parseAgencyLine(text: string): string | null {
  // Every agency line starts with T(he), A(ssociated Press, P, FP, gence), R(euters), B(loomberg) or X(inhua).
  if (!AGENCY_FIRST.has(firstNonSpaceCode(text))) return null;
  const m = AGENCY_LINE.exec(text.trim());
  return m ? m[1] : null;
}
