/**
 * Credits: names printed after the story (`金文`, `…高质量发展。任效良 孔超 赵伟光`, `(记者 王某)`,
 * `Reporting by …; Editing by …`, `… contributed to this report.`), photo credits (`张冬梅摄`,
 * `(AP Photo/Jane Doe)`), and end marks (`(完)`). A line of names inside a story is not a credit of that story
 * but an extraction leftover (an orphan credit); which of the two a line is depends on where it stands, so this
 * file only recognises shapes and the article builder decides.
 */
import { firstNonSpaceCode, initialsOf, isRegExpSpaceCode, lastNonSpaceCode } from './chars';
import { isNameGapCode, ROLE_INITIALS, ROLE_PATTERN, readRolesAndNames } from './bylines';
import { isChineseName, splitEnglishNames } from './names';
import { Span } from './text';

export interface Credit {
  name: string;
  /** null for bare names; 摄影 for a photo credit; reporting, editing, contributor for English wire. */
  role: string | null;
  span: Span;
}

/** The longest token `isChineseName` accepts: four Han characters, or two to four, a dot and up to six more. */
const MAX_NAME_LENGTH = 11;

const EDITOR_ROLES = ['责任编辑', '编辑', '校对', '审校', '文字编辑', '美编'];
const EDITOR_ROLE = new RegExp(`^(${EDITOR_ROLES.join('|')})[:：\\s]*`);
const EDITOR_INITIALS = initialsOf(EDITOR_ROLES);

/** Bare names or role + names: `金文`, `任效良 孔超 赵伟光`, `记者 王某`, `(记者 王某)`, `（责任编辑：张三）`. */
export function parseCreditLine(text: string, base: number): Credit[] | null {
  let inner = text;
  let offset = 0;
  // Each pattern below is tried only where the first character allows it: most lines are bare names or prose.
  const opening = text.charCodeAt(0);
  const bracket = opening === 0x28 || opening === 0xff08 ? /^[(（](.*)[)）]$/.exec(text) : null;
  if (bracket) {
    inner = bracket[1];
    offset = 1;
  }
  const first = inner.charCodeAt(0);
  const editor = EDITOR_INITIALS.has(first) ? EDITOR_ROLE.exec(inner) : null;
  if (editor) {
    const names = namesAt(inner, editor[0].length, base + offset, editor[1]);
    return names && names.length > 0 ? names : null;
  }
  if (ROLE_INITIALS.has(first) && ROLE_PATTERN.test(inner)) {
    const result = readRolesAndNames(inner, 0, base + offset);
    if (!result || result.bylines.length === 0 || inner.slice(result.end).trim().length > 0) return null;
    return result.bylines.map((b) => ({ name: b.name, role: b.role, span: b.span }));
  }
  if (bracket) return null;
  return namesAt(inner, 0, base, null);
}

function namesAt(text: string, from: number, base: number, role: string | null): Credit[] | null {
  const credits: Credit[] = [];
  let p = from;
  while (p < text.length) {
    while (p < text.length && isNameGapCode(text.charCodeAt(p))) p++;
    if (p >= text.length) break;
    let q = p;
    while (q < text.length && !isNameGapCode(text.charCodeAt(q))) {
      // A prose line is one long token: no name, so it is refused before it is cut out.
      if (++q - p > MAX_NAME_LENGTH) return null;
    }
    const token = text.slice(p, q);
    if (!isChineseName(token)) return null;
    credits.push({ name: token, role, span: { start: base + p, end: base + q } });
    p = q;
  }
  return credits.length > 0 && credits.length <= 8 ? credits : null;
}

/**
 * Names fused after the last sentence of a paragraph: `…高质量发展。任效良 孔超 赵伟光`.
 * Returns the credits and the local offset where they start.
 */
export function parseTrailingNames(text: string, base: number): { credits: Credit[]; start: number } | null {
  const start = trailingNamesStart(text);
  if (start < 0) return null;
  const names = text.slice(start);
  const credits = parseCreditLine(names.trim(), base + start + (names.length - names.trimStart().length));
  return credits ? { credits, start } : null;
}

/** Marks that end the sentence before trailing names. */
const NAMES_AFTER = initialsOf(Array.from('。！？”」』!?'));

/**
 * Where `/[。！？”」』!?]\s*([^。！？”」』!?]{2,40})$/` would put its group, or -1; read from the end, so a
 * paragraph costs the few dozen characters after its last sentence rather than a pattern tried at each of its
 * full stops. The group cannot hold a final mark, so the mark is the paragraph's last; the spaces after it go
 * to `\s*`, except what the group needs to reach two characters.
 */
function trailingNamesStart(text: string): number {
  let firstText = text.length;
  let i = text.length - 1;
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (NAMES_AFTER.has(c)) break;
    if (!isRegExpSpaceCode(c)) {
      firstText = i;
      if (text.length - i > 40) return -1;
    }
  }
  if (i < 0) return -1;
  const rest = text.length - firstText;
  if (rest >= 2) return firstText;
  const start = text.length - 2;
  return start > i ? start : -1;
}

const PHOTO_CREDIT = /^[(（]?\s*((?:本报|新华社|中新社)?(?:特约)?(?:摄影)?(?:记者|通讯员)?)\s*([\u3400-\u9fff·\s、]{2,40}?)\s*摄(?:影)?\s*[)）]?$/;

/** The last character (before spaces) of every photo credit: 摄, 摄影, or a closing bracket. */
const PHOTO_CREDIT_LAST = initialsOf(Array.from('摄影)）'));

/** `张冬梅摄`, `本报记者 张三 摄`, `(新华社记者 李四 摄)`, `(AP Photo/Jane Doe)`. */
export function parsePhotoCredit(text: string, base: number): Credit[] | null {
  // Both patterns end the line with 摄, 摄影 or a closing bracket: most lines end otherwise and are refused there.
  if (!PHOTO_CREDIT_LAST.has(lastNonSpaceCode(text))) return null;
  // Both hold a key word; the Chinese pattern backtracks before failing.
  if (!text.includes('摄') && !text.includes('Photo')) return null;
  const m = PHOTO_CREDIT.exec(text.trim());
  if (m) {
    const namesStart = text.indexOf(m[2]);
    const credits = namesAt(text.slice(0, namesStart + m[2].length), namesStart, base, '摄影');
    return credits;
  }
  const en = /\((?:AP|Reuters|AFP|Xinhua|Getty Images|Bloomberg)?\s*Photo(?:s)?\s*\/\s*([^)]+)\)\s*$/.exec(text);
  if (en) {
    const at = text.lastIndexOf(en[1]);
    return [{ name: en[1].trim(), role: 'photographer', span: { start: base + at, end: base + at + en[1].trim().length } }];
  }
  return null;
}

/** A photo credit at the end of a caption paragraph: `…运行情况。张冬梅摄`. */
export function parseInlinePhotoCredit(text: string, base: number): { credits: Credit[]; start: number } | null {
  // The pattern is tried at every position; it ends the text with 摄 or a closing bracket, and holds a key word.
  if (!PHOTO_CREDIT_LAST.has(lastNonSpaceCode(text))) return null;
  if (!text.includes('摄') && !text.includes('Photo')) return null;
  const m = /(?:[。！？.)）]\s*|\s+)([^。！？]{2,40}摄[)）]?|\((?:AP|Reuters|AFP|Xinhua)?\s*Photos?\s*\/[^)]+\))\s*$/.exec(text);
  if (!m) return null;
  const start = text.length - m[0].length + m[0].indexOf(m[1]);
  const credits = parsePhotoCredit(text.slice(start), base + start);
  return credits ? { credits, start } : null;
}

/**
 * Can `text` be an English credit line at all? Its first part, after spaces and an opening bracket, must start
 * with one of the role words of EN_CREDIT_ROLE; looking at that one letter spares splitting and matching every
 * short Chinese line.
 */
function opensWithCreditRole(text: string): boolean {
  let i = 0;
  while (i < text.length && isRegExpSpaceCode(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x28) {
    i++;
    while (i < text.length && isRegExpSpaceCode(text.charCodeAt(i))) i++;
  }
  // R(eporting), A(dditional), W(riting), E(diting), C(ompiled), G(raphics), R(esearch), in either case.
  const c = text.charCodeAt(i) | 0x20;
  return c === 0x72 || c === 0x61 || c === 0x77 || c === 0x65 || c === 0x63 || c === 0x67;
}

const EN_CREDIT_ROLE = /^(Reporting|Additional reporting|Writing|Editing|Compiled|Graphics|Research)\s+by\s+(.+)$/i;

/** `(Reporting by Jane Doe; Additional reporting by X; Editing by Y and Z)` */
export function parseEnglishCredits(text: string, base: number): Credit[] | null {
  if (!opensWithCreditRole(text)) return null;
  const bracket = /^\((.*)\)$/.exec(text.trim());
  const inner = bracket ? bracket[1] : text.trim();
  const innerStart = text.indexOf(inner);
  const parts = inner.split(';');
  const credits: Credit[] = [];
  let cursor = innerStart;
  for (const part of parts) {
    const m = EN_CREDIT_ROLE.exec(part.trim());
    if (!m) return null;
    const role = m[1].toLowerCase();
    for (const name of splitEnglishNames(m[2].replace(/\s+in\s+[A-Z][\w ]+$/, ''))) {
      const at = text.indexOf(name, cursor);
      credits.push({ name, role, span: { start: base + at, end: base + at + name.length } });
      cursor = at + name.length;
    }
  }
  return credits.length > 0 ? credits : null;
}

const CONTRIBUTOR_LINE_LAST = initialsOf(Array.from('.dDtTyY'));

/** `Associated Press writer Jane Doe in Dallas contributed to this report.` */
export function parseContributorLine(text: string, base: number): Credit[] | null {
  // The pattern below backtracks over the whole line. It ends the line with `contributed`, `report`, `story` or a
  // full stop, in either case: most lines end otherwise; most of the rest do not even contain its key word.
  if (!CONTRIBUTOR_LINE_LAST.has(lastNonSpaceCode(text))) return null;
  if (!/contributed/i.test(text)) return null;
  const m = /^(?:The\s+)?(?:Associated Press|AP|Reuters)?\s*(?:writers?|reporters?|correspondents?)?\s*(.+?)\s+contributed(?:\s+to\s+this\s+(?:report|story))?\.?$/i.exec(text.trim());
  if (!m) return null;
  const names = m[1]
    .split(/\s*(?:,\s*and\s+|,\s*|\s+and\s+)\s*/)
    .map((s) => s.replace(/\s+(?:in|from)\s+[A-Z][\w .,-]*$/, '').trim())
    .filter((s) => /^[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3}$/u.test(s));
  if (names.length === 0) return null;
  const credits: Credit[] = [];
  let cursor = 0;
  for (const name of names) {
    const at = text.indexOf(name, cursor);
    credits.push({ name, role: 'contributor', span: { start: base + at, end: base + at + name.length } });
    cursor = at + name.length;
  }
  return credits;
}

const END_MARK = /^(?:[(（]\s*(?:完|END|end|ends)\s*[)）]|###|-30-|■|□|—\s*完\s*—|\[?END\]?)$/;

/** What END_MARK can start with (after spaces): most lines start otherwise and are refused before trimming. */
const END_MARK_FIRST = initialsOf(Array.from('(（#-■□—[E'));

export function isEndMark(text: string): boolean {
  if (!END_MARK_FIRST.has(firstNonSpaceCode(text))) return false;
  return END_MARK.test(text.trim());
}

/** An end mark fused after the last sentence: `…发展。(完)`. Returns its local start. */
export function trailingEndMark(text: string): number {
  // The mark ends on a closing bracket: a paragraph ending otherwise is refused without the pattern.
  const close = lastNonSpaceCode(text);
  if (close !== 0x29 && close !== 0xff09) return -1;
  // Anchored on the bracket: a leading `\s*` would be retried at every space of a long run (quadratic).
  const m = /[(（]\s*(?:完|END)\s*[)）]\s*$/.exec(text);
  if (!m) return -1;
  let before = m.index;
  while (before > 0 && isRegExpSpaceCode(text.charCodeAt(before - 1))) before--;
  return before > 0 ? m.index : -1;
}


