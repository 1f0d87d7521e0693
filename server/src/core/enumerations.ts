/**
 * The list a stated count announces. News copy enumerates after the count (`三大道理:…“能”、…“行”、…“好”`,
 * `three priorities: A, B and C`), before it (`学史明理、学史增信、学史崇德、学史力行四方面`), or in numbered
 * clauses (`四项机制。一是…二是…三是…四是…`, `“三个行动”:坚持…;坚持…;坚持…`). Because one wrong warning costs
 * the reader's trust, a list yields every item count a reasonable reading allows (和 may join two items or
 * sit inside one), and the count is only wrong when no reading agrees. Open lists (等, such as, including)
 * and lists of figures (8处、11处) are never counted.
 */
import { codeAt, isAsciiLetterCode, isRegExpSpaceCode } from './chars';
import { Claim } from './claims';
import { Memo } from './memo';
import { findNumerals, mayHoldNumerals } from './numerals';
import { firstIndex } from './sorted';

export interface ListEvidence {
  form: 'after' | 'before' | 'clauses';
  /** The item count of the most direct reading, for messages. */
  items: number;
  /** Every item count a reading allows. */
  readings: number[];
  /** The list in the claim's prose text (joined offsets). */
  start: number;
  end: number;
  /** The items as written, for messages. */
  preview: string;
}

const OPEN_LIST = /等|等等|之类|such as|including|among others|\betc\b|\band so on\b|\bincluding\b/i;
const CN_CONJ = /以及|和|及|与|或/g;
const EN_CONJ = /\b(and|or)\b/g;
const CN_ENUM = '一二三四五六七八九十';

/** Words whose period does not end an English sentence (Gov. Greg Abbott, U.S. officials). */
const ABBREVIATION = /(^|[\s(])(Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Lt|Gen|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Mt|Ft|Ave|Blvd|Jan|Feb|Aug|Sept|Oct|Nov|Dec|vs|[A-Z]|[A-Z]\.[A-Z])$/;

/**
 * Sets of characters for scanners that walk `charCodeAt` instead of testing one-character strings: each set is a
 * bit in one table indexed by UTF-16 code unit (every mark in these sets is in the BMP).
 */
const CHAR_CLASSES = new Uint8Array(0x10000);
let nextClass = 1;

function codes(chars: string): number {
  const flag = nextClass;
  nextClass <<= 1;
  for (const c of chars) CHAR_CLASSES[c.charCodeAt(0)] |= flag;
  return flag;
}

function isIn(set: number, code: number): boolean {
  return (CHAR_CLASSES[code] & set) !== 0;
}

const SENTENCE_END_CODES = codes('。！？!?\n');
/** Every character of a Chinese conjunction: an item without one of them holds none. */
const CN_CONJ_CODES = codes('以和及与或');
const FULL_STOP = 46;
const COLON = 58;
const FULL_WIDTH_COLON = 0xff1a;
const ENUMERATION_COMMA = 0x3001;

/** Where the sentence that contains `from` ends; a run-on text is cut after 600 characters. */
function sentenceEnd(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + 600);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isIn(SENTENCE_END_CODES, c)) return i;
    if (c === FULL_STOP && (i + 1 >= text.length || /\s/.test(text[i + 1])) && !/\d/.test(text[i - 1] ?? '') && !ABBREVIATION.test(text.slice(Math.max(0, i - 6), i))) return i;
    i++;
  }
  return i;
}

function range(min: number, max: number): number[] {
  const out: number[] = [];
  for (let n = min; n <= max; n++) out.push(n);
  return out;
}

/** Item counts a piece list allows: each piece is one item, or several when 和/and joins them. */
function pieceReadings(pieces: string[], english: boolean): number[] {
  let conj = 0;
  for (const p of pieces) {
    // Most Chinese items hold no conjunction at all: they are passed over without a regular expression.
    if (!english && !hasAny(p, CN_CONJ_CODES, 0)) continue;
    conj += p.replace(/^\s*(and|or)\s+/i, '').match(english ? EN_CONJ : CN_CONJ)?.length ?? 0;
  }
  return range(pieces.length, pieces.length + conj);
}

/** `s.split('、')`, which on these short slices of a long prose text cost several times this loop. */
function splitAtCommas(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = s.indexOf('、'); i >= 0; i = s.indexOf('、', from)) {
    out.push(s.slice(from, i));
    from = i + 1;
  }
  out.push(s.slice(from));
  return out;
}

/** Does `s` hold a unit of `set` at or after `from`? */
function hasAny(s: string, set: number, from: number): boolean {
  for (let i = from; i < s.length; i++) if (isIn(set, s.charCodeAt(i))) return true;
  return false;
}

function hasFigure(piece: string): boolean {
  // Most items (学史明理) hold no unit a numeral starts with, which the three tests below all need.
  if (!mayHoldNumerals(piece)) return false;
  if (/\d/.test(piece)) return true;
  if (findNumerals(piece).some((n) => !n.ordinal)) return true;
  return /[一两二三四五六七八九十][个项条大种类名位家座]/.test(piece);
}

const QUOTE_CLOSE_CODES = codes('”"’」』');
/** A list before its count is one clause; longer runs are not read, which keeps huge pages linear. */
const MAX_LIST_BEFORE = 200;
/** How far numbered clauses may run: the first within the next sentence, each next one within a few paragraphs. */
const FIRST_CLAUSE_WITHIN = 300;
const NEXT_CLAUSE_WITHIN = 2000;

/** Marks between a count and its colon that show the colon belongs to something else. */
const BEFORE_COLON_STOP = codes(',，。;；、!！?？\n()（）');
const QUOTE_OPEN = codes('“"‘「『');
const CLAUSE_STOP = codes(',，。;；:：!！?？\n()（）“”"');

/** The list after a count that a colon opens: `三大道理:A、B、C。`, `“三德”:A、B、C,…`, `three steps: A, B and C.` */
function listAfter(claim: Claim, english: boolean): ListEvidence | null {
  const text = claim.prose.text;
  let i = claim.at.end;
  const limit = Math.min(text.length, i + (english ? 40 : 12));
  let c = text.charCodeAt(i);
  while (i < limit && c !== COLON && c !== FULL_WIDTH_COLON) {
    if (isIn(BEFORE_COLON_STOP, c) || (english && c === FULL_STOP)) return null;
    c = text.charCodeAt(++i);
  }
  if (c !== COLON && c !== FULL_WIDTH_COLON) return null;
  const start = i + 1;
  const end = sentenceEnd(text, start);
  const list = text.slice(start, end).trim();
  if (list.length === 0) return null;
  if (/^\s*(一是|其一|第一|首先|1[.、)）]|（一）|\(1\)|first\b)/i.test(list)) return null;
  const readings = new Set<number>();
  let items = 0;
  const semis = list.split(/[;；]/).filter((s) => s.trim().length > 0);
  if (semis.length > 1) {
    if (semis.some((s) => OPEN_LIST.test(s))) return null;
    readings.add(semis.length);
    items = semis.length;
  }
  const clauses = list.split(english ? /[,;]/ : /[,，;；]/).filter((s) => s.trim().length > 0);
  const first: string | undefined = semis.length > 1 ? semis[0] : english ? list : clauses[0];
  // Commas with nothing between them (`五项工作：，。`) list nothing; the rule used to fail on them.
  if (first === undefined) return null;
  // Ages and other bare numbers between commas (John Smith, 45, and Jane Roe, 30) describe an item, not add one.
  const pieces = (english ? first.split(/[,;]/) : splitAtCommas(first))
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !/^(and|or)$/i.test(p) && !(english && /^(and\s+|or\s+)?(aged\s+)?[\d.]+$/i.test(p)));
  if (OPEN_LIST.test(semis.length > 1 ? list : first)) return null;
  if (pieces.length >= 2 || (english && /\b(and|or)\b/.test(first))) {
    for (const n of pieceReadings(pieces, english)) readings.add(n);
    if (!items) items = pieces.length + (english && /\b(and|or)\b/.test(pieces[pieces.length - 1]) && !/^(and|or)\b/i.test(pieces[pieces.length - 1]) ? 1 : 0);
  }
  // Commas alone are weak evidence in Chinese (the last clause is often a purpose: …,确保成效): they add a
  // reading to a list that 、 or ; already shows, never make one.
  if (readings.size === 0) return null;
  if (!english && clauses.length > 1) readings.add(clauses.length);
  if (!items) items = [...readings][0];
  return { form: 'after', items, readings: [...readings], start, end, preview: list };
}

/** The list right before a Chinese count: `学史明理、学史增信、学史崇德、学史力行四方面`, `“控源、治污、扩容、严管”四措`. */
function listBefore(claim: Claim): ListEvidence | null {
  const text = claim.prose.text;
  const at = claim.at.start;
  // The unit before the count, compared as a number: a one-character string of it for each count cost more.
  const before = text.charCodeAt(at - 1);
  let start: number;
  let end = at;
  if (isIn(QUOTE_CLOSE_CODES, before)) {
    end = at - 1;
    start = end;
    while (start > 0 && !isIn(QUOTE_OPEN, text.charCodeAt(start - 1))) {
      if (isIn(SENTENCE_END_CODES, text.charCodeAt(start - 1)) || end - start > MAX_LIST_BEFORE) return null;
      start--;
    }
  } else {
    if (!(before >= 0x3400 && before <= 0x9fff)) return null;
    start = at;
    while (start > 0 && !isIn(CLAUSE_STOP, text.charCodeAt(start - 1))) {
      if (at - start > MAX_LIST_BEFORE) return null;
      start--;
    }
  }
  // Without a 、 there is one piece, never a list: most counts stop here before any string is made.
  let comma = start;
  while (comma < end && text.charCodeAt(comma) !== ENUMERATION_COMMA) comma++;
  if (comma === end) return null;
  const list = text.slice(start, end);
  if (OPEN_LIST.test(list)) return null;
  const pieces = splitAtCommas(list);
  if (pieces.length < 2 || pieces.some((p) => p.trim().length === 0)) return null;
  if (pieces.some(hasFigure)) return null;
  const items = listItems(pieces);
  if (items.length < 2) return null;
  // The first item is the end of its piece; the list starts there.
  const firstPiece = pieces.length - items.length;
  const pieceStart = pieces.slice(0, firstPiece).reduce((n, p) => n + p.length + 1, 0);
  const itemsStart = start + pieceStart + (pieces[firstPiece].length - items[0].length);
  return { form: 'before', items: items.length, readings: pieceReadings(items, false), start: itemsStart, end, preview: text.slice(itemsStart, end) };
}

/** Words that open a list inside a clause: 从学史明理、…, 健全了调度响应、… */
const LIST_OPENER_WORDS = ['从', '对', '在', '围绕', '通过', '聚焦', '紧盯', '健全了', '健全', '推进', '坚持', '加强', '开展', '包括', '按照', '涉及', '覆盖', '涵盖', '落实', '建立', '完善', '构建', '了'];
const LIST_OPENER = new RegExp(`(${LIST_OPENER_WORDS.join('|')})`, 'g');
const LIST_OPENER_FIRST = codes(LIST_OPENER_WORDS.map((w) => w[0]).join(''));

function tailOf(piece: string): string {
  // Without the first character of an opener past the piece's start, no opener is found where it counts.
  if (!hasAny(piece, LIST_OPENER_FIRST, 1)) return piece;
  let cut = 0;
  // Read on with exec: `matchAll` copies the regular expression for each piece.
  LIST_OPENER.lastIndex = 0;
  for (let m = LIST_OPENER.exec(piece); m; m = LIST_OPENER.exec(piece)) if (m.index > 0) cut = m.index + m[0].length;
  return piece.slice(cut);
}

/**
 * The pieces that are items. The clause before a list also holds its lead-in (`局长温武瑞从学史明理`), so items
 * are counted back from the count while they keep the list's shape; a piece much longer than the others, or
 * one with a list opener (从, 健全了) inside, is the first item.
 */
function listItems(pieces: string[]): string[] {
  const lengths = new Int32Array(pieces.length - 1);
  for (let k = 1; k < pieces.length; k++) lengths[k - 1] = codePointLength(pieces[k]);
  lengths.sort();
  const typical = lengths.length > 0 ? lengths[(lengths.length - 1) >> 1] : 1;
  // Gathered from the count backwards, then turned round.
  const items: string[] = [];
  for (let k = pieces.length - 1; k >= 0; k--) {
    const p = pieces[k];
    if (k < pieces.length - 1) {
      const n = codePointLength(p);
      if (n > 2 * typical + 1) {
        items.push(tailOf(p) || p);
        break;
      }
      if (n > typical) {
        const tail = tailOf(p);
        if (tail !== p && tail.length > 0) {
          items.push(tail);
          break;
        }
      }
    }
    items.push(p);
  }
  return items.reverse();
}

/** Characters as a reader counts them (a character outside the BMP is one), without spreading the string. */
function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Numbered clauses after the count: 一是…二是…, 其一…其二…, 第一,…第二,… */
function numberedClauses(claim: Claim, following: Claim | null): ListEvidence | null {
  const text = claim.prose.text;
  const from = claim.at.end;
  for (const family of ENUMERATOR_FAMILIES) {
    const first = find(family(1), claim, from, FIRST_CLAUSE_WITHIN);
    if (first < 0) continue;
    // The numbered clauses must follow at once: the rest of the count's sentence, then 一是.
    const between = text.slice(from, first).replace(/\s+$/, '');
    const breaks = between.match(/[。！？!?\n]+/g)?.length ?? 0;
    const direct = breaks === 0 ? /[:：]$/.test(between) : breaks === 1 && /[。！？!?\n]$/.test(between);
    if (!direct) continue;
    // Another count between this one and 一是 is the one the clauses belong to.
    if (following && following.prose === claim.prose && following.at.start < first) return null;
    let k = 1;
    let position = first;
    while (k < CN_ENUM.length) {
      const next = find(family(k + 1), claim, position + 1, NEXT_CLAUSE_WITHIN);
      const restart = find(family(1), claim, position + 1, NEXT_CLAUSE_WITHIN);
      if (next < 0 || (restart >= 0 && restart < next)) break;
      k++;
      position = next;
    }
    if (k < 2) return null;
    const end = sentenceEnd(text, position);
    return { form: 'clauses', items: k, readings: [k], start: first, end, preview: text.slice(first, Math.min(end, first + 20)) };
  }
  return null;
}

/** An enumerator: the words it must contain (一是, 其二), and the pattern that finds it at a clause start. */
interface Enumerator {
  literal: string;
  pattern: RegExp;
}

/** The enumerators 一是…十是, 其一…其十 and 第一…第十, compiled once; `family(k)` is the k-th, from 1. */
const ENUMERATOR_FAMILIES: ((k: number) => Enumerator)[] = [
  (k: number) => `${CN_ENUM[k - 1]}是`,
  (k: number) => `其${CN_ENUM[k - 1]}`,
  (k: number) => `第${CN_ENUM[k - 1]}`,
].map((literal, f) => {
  const compiled = [...CN_ENUM].map((_, k) => {
    const word = literal(k + 1);
    const pattern =
      f === 0
        ? new RegExp(`(^|[。;；:：,，\\n])\\s*${word}`, 'g')
        : f === 1
          ? new RegExp(`(^|[。;；:：,，\\n])\\s*${word}[,，、:：]`, 'g')
          : new RegExp(`(^|[。;；:：\\n])\\s*${word}[,，、:：]`, 'g');
    return { literal: word, pattern };
  });
  return (k: number) => compiled[k - 1];
});

/**
 * Where the words of each enumerator occur in a text, found once per text and enumerator: an article's counts
 * look for 一是 in the same body again and again, and a search from each count to the end of a long body would
 * make the check quadratic.
 */
const occurrences = new Memo<object, Map<string, number[]>>('enumeratorOccurrences');
const ENUMERATOR_WORDS = /[一二三四五六七八九十]是|[其第][一二三四五六七八九十]/g;
const NONE: readonly number[] = [];

function occurrencesOf(owner: object, text: string, literal: string): readonly number[] {
  let byLiteral = occurrences.get(owner);
  if (!byLiteral) {
    // One pass finds every enumerator's words (一是, 其二, 第三), overlapping ones too (第一是 holds 第一 and 一是).
    byLiteral = new Map();
    const re = ENUMERATOR_WORDS;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const list = byLiteral.get(m[0]);
      if (list) list.push(m.index);
      else byLiteral.set(m[0], [m.index]);
      re.lastIndex = m.index + 1;
    }
    occurrences.set(owner, byLiteral);
  }
  return byLiteral.get(literal) ?? NONE;
}

/** The first occurrence at or after `from`, or -1. */
function firstAtOrAfter(sorted: readonly number[], from: number): number {
  const i = firstIndex(sorted.length, (j) => sorted[j] >= from);
  return i < sorted.length ? sorted[i] : -1;
}

/** The position of an enumerator within `window` characters after `from` in the claim's prose, or -1. */
function find(enumerator: Enumerator, claim: Claim, from: number, window: number): number {
  const text = claim.prose.text;
  // Its words must appear inside the window: the list of where they occur rules out most windows at once.
  const at = firstAtOrAfter(occurrencesOf(claim.prose, text, enumerator.literal), from);
  if (at < 0 || at + enumerator.literal.length > from + window) return -1;
  const re = enumerator.pattern;
  // The character before `from` is kept so that a clause start right at `from` still matches.
  const base = Math.max(0, from - 1);
  const slice = text.slice(base, from + window);
  re.lastIndex = from - base;
  const m = re.exec(slice);
  return m ? base + m.index + m[1].length : -1;
}

const ASPECT = /^(个|项|条|方面|点|种|类|大|措|环|步|道|批|招|件|级|句|字|)$/;

/** A claim that states how many things there are, small enough to be a list's length. */
export function isListCount(claim: Claim): boolean {
  return claim.kind === 'count' && !claim.qualifier && Number.isInteger(claim.value) && claim.value >= 2 && claim.value <= 20 && claim.role === 'body';
}

/** The lists a count announces, most direct first. `following` is the next count in the article, if any. */
export function getListEvidence(claim: Claim, following: Claim | null): ListEvidence[] {
  const next = codeAt(claim.prose.text, claim.at.end);
  const english = claim.script === 'english' || isRegExpSpaceCode(next) || isAsciiLetterCode(next);
  // In Chinese copy a count that announces a list is written in words (四项机制); digits (3家企业) are statistics.
  if (!english && claim.script !== 'chinese') return [];
  const out: ListEvidence[] = [];
  // Numbered clauses follow counts of aspects (三方面, 四项, 两个, 五条), not of things (两座, 三家).
  const clauses = english || !ASPECT.test(claim.unit) ? null : numberedClauses(claim, following);
  const after = listAfter(claim, english);
  const before = english ? null : listBefore(claim);
  for (const e of [before, after, clauses]) if (e) out.push(e);
  return out;
}
