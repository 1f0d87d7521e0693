/**
 * The subject of a figure: the few words that say what is measured. Chinese puts it before the figure
 * (湿地面积700公顷, PM2.5平均浓度不超过45) or, for a count, after the classifier (四项机制, 3家企业); English puts a
 * count's noun after it (1,200 customers) and a measure's subject before (factory output rose 5%). The words are
 * trimmed to the noun phrase: scope words (今年, 全区), verbs (确保, 达到, rose) and particles go. A figure whose
 * clause names nothing (力争小于43) takes the subject of the figure before it in the same sentence.
 */
import { codeAt, codeTable, isAsciiDigitCode, isAsciiLetterCode } from './chars';
import { ClaimKind } from './units';

export interface SubjectRequest {
  start: number;
  end: number;
  numberEnd: number;
  kind: ClaimKind;
  unit: string;
  english: boolean;
}

interface PreviousClaim {
  at: { start: number; end: number };
  subject: string;
  unit: string;
}

/** Marks that end the clause before a figure. */
const CLAUSE_BREAK = codeTable(',，。;；:：!！?？、()（）《》“”"\n');
/** Marks that end a sentence, for telling whether two figures share one. */
const SENTENCE_BREAK = codeTable('。！？!?\n');
const CN_MAX = 12;
/** Words after which the subject starts: verbs of planning and saying, scope and time words, demonstratives. */
const CN_LEAD_WORDS = '确保|力争|要求|提出|明确|实现|其中|包括|据了解|目前|今年|去年|全年|同比|环比|一年来|已经|已|将|要|把|对|在|是|为|了|的|使|让|这|该|其|以|共有|累计|合计|总计|新建|建设|建|完成|修复|开展|出动|检查|获得|恢复|宣教|投入|自筹|帮扶|超过|达到|不超过'.split('|');
const CN_LEADS = new Set(CN_LEAD_WORDS);
/** The longest lead word: a longer clause is never one alone. */
const LEAD_MAX = Math.max(...CN_LEAD_WORDS.map((w) => w.length));
/** The lead words by the code of their first character, in list order (the order a pattern would try them in). */
const CN_LEADS_BY_FIRST = wordsBy(CN_LEAD_WORDS, (w) => w.charCodeAt(0));
/** Their first characters: most characters of a clause start none, and are passed by one table look-up. */
const LEAD_FIRST = codeTable(CN_LEAD_WORDS.map((w) => w[0]));
const CN_SCOPE = /^(全区|全市|全省|全国|全县|全年|今年|各|本)/;
/**
 * The first (or last) characters of the words a pattern anchored at the start (or end) can match, by code: a text
 * that starts (or ends) with another character cannot match, and most figures are checked without running it.
 */
function edgeCharacters(pattern: RegExp, edge: 'first' | 'last'): Set<number> {
  const words = pattern.source.replace(/^\^?\(|\)\$?$/g, '').split('|');
  return new Set(words.map((w) => (edge === 'first' ? w.charCodeAt(0) : w.charCodeAt(w.length - 1))));
}
const SCOPE_FIRST = edgeCharacters(CN_SCOPE, 'first');
/** A verb right after a count (从四方面谈了): the classifier itself was the noun. */
const VERB_AFTER_COUNT = /^(谈|进行|开展|推进|并举|联合|共同|同时|分别|均|都|以上|以下|左右|进|来|前|后)/;
const VERB_AFTER_COUNT_FIRST = edgeCharacters(VERB_AFTER_COUNT, 'first');
const VERB_ENDING_NOUN = /(进行|开展|获得|实现|提升)$/;
const VERB_ENDING_NOUN_LAST = edgeCharacters(VERB_ENDING_NOUN, 'last');
/** Words trimmed off the end of a clause (达到 in 优良天数比例达到), the longest first: of those a clause ends with, the longest goes. */
const CN_TRAIL_WORDS = '要达到|达到|保持|为|是|达|有|约|近|超|共|计|已|要|将|均为|分别为|分别是|分别|在|了|的|至|到|增长|下降|提高|减少|降低|增加|上升|控制在|稳定在|不超过|小于|低于|高于|超过|大于|不低于|至少'
  .split('|')
  .sort((x, y) => y.length - x.length);
/** Those words by the code of their last character: a clause ending in anything else has nothing to trim. */
const CN_TRAIL_BY_LAST = wordsBy(CN_TRAIL_WORDS, (w) => w.charCodeAt(w.length - 1));

function wordsBy(words: readonly string[], key: (w: string) => number): Map<number, string[]> {
  const index = new Map<number, string[]>();
  for (const w of words) index.set(key(w), [...(index.get(key(w)) ?? []), w]);
  return index;
}
const EN_STOP = new Set(
  'a an the of in at to and or for that which who were was are is be been have has had with from by on as than more less about around roughly nearly almost approximately some over under up least most rose fell grew jumped climbed dropped slipped increased decreased declined gained lost reached hit totaled totalled stood said says reported made make makes this these those its their his her our last next year years'.split(' '),
);
/** What ends the noun after a count: these marks and particles, digits and white space (as `\s` reads it). */
const NOUN_STOP = codeTable('的和与及、,，。;；:：!！?？()（）“”"');

const LEFT_QUOTE = '“'.charCodeAt(0);
const QUOTE = 34;

function isNounStop(code: number): boolean {
  if (NOUN_STOP[code] === 1 || (code >= 48 && code <= 57)) return true;
  if (code < 0x80) return code === 0x20 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Tokens for comparing subjects: Han characters one by one, Latin words and names like pm2.5 whole. */
export function subjectTokens(subject: string): string[] {
  // Read by character code: a regular expression match, a lower-case copy and a replacement per Han character were
  // most of figure-mismatch's time, which tokenises every body figure's subject.
  const out: string[] = [];
  for (let i = 0; i < subject.length; i++) {
    const c = subject.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) out.push(subject[i]);
    else if (isAsciiLetterCode(c)) {
      let end = i + 1;
      while (end < subject.length && isWordPart(subject.charCodeAt(end))) end++;
      // A word is ASCII: lower-casing it changes its letters only; a final full stop is not part of it.
      const word = subject.slice(i, subject.charCodeAt(end - 1) === 0x2e ? end - 1 : end).toLowerCase();
      out.push(word);
      i = end - 1;
    }
  }
  return out;
}

/** `[A-Za-z0-9.]`: what a Latin word or a name like PM2.5 continues with. */
function isWordPart(c: number): boolean {
  return isAsciiLetterCode(c) || isAsciiDigitCode(c) || c === 0x2e;
}

const NEEDS_NORMALIZING = /[_\s]/;

/** PM_{2.5} and PM2.5 are the same pollutant; subjects show it the usual way. */
export function normalizeSubject(s: string): string {
  // Most subjects have neither: skip building two new strings.
  if (!NEEDS_NORMALIZING.test(s)) return s;
  return s.replace(/_\{([^}]*)\}/g, '$1').replace(/\s+/g, ' ').trim();
}

export function getSubject(text: string, request: SubjectRequest, previous: PreviousClaim | null): string {
  let subject = request.english ? englishSubject(text, request) : chineseSubject(text, request, previous);
  subject = normalizeSubject(subject);
  if (!subject && previous && previous.unit === request.unit && sameSentence(text, previous.at.end, request.start)) subject = previous.subject;
  return subject;
}

function sameSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_BREAK[text.charCodeAt(i)] === 1) return false;
  return true;
}

function clauseBefore(text: string, at: number, floor: number): string {
  let i = at;
  const limit = Math.max(floor, at - 40);
  while (i > limit && CLAUSE_BREAK[text.charCodeAt(i - 1)] !== 1) i--;
  return text.slice(i, at);
}

/** The clause without the longest trail word it ends with (达到, 控制在), or the clause itself. */
function withoutTrail(clause: string): string {
  for (const w of CN_TRAIL_BY_LAST.get(codeAt(clause, clause.length - 1)) ?? []) {
    if (clause.endsWith(w)) return clause.slice(0, clause.length - w.length);
  }
  return clause;
}

/**
 * Where the subject starts in a clause: after the last lead word that does not end it. Lead words are matched as
 * one pattern of them would match, left to right without overlaps, the first listed winning at an offset.
 */
function afterLastLead(clause: string): number {
  let cut = 0;
  let p = 0;
  while (p < clause.length) {
    const code = clause.charCodeAt(p);
    let end = -1;
    if (LEAD_FIRST[code] === 1) {
      for (const w of CN_LEADS_BY_FIRST.get(code)!) {
        if (clause.startsWith(w, p)) {
          end = p + w.length;
          break;
        }
      }
    }
    if (end < 0) p++;
    else {
      if (end < clause.length) cut = end;
      p = end;
    }
  }
  return cut;
}

function chineseSubject(text: string, r: SubjectRequest, previous: PreviousClaim | null): string {
  if (r.kind === 'count') {
    const noun = nounAfter(text, r.end);
    if (noun) return noun;
  }
  const floor = previous && sameSentence(text, previous.at.end, r.start) ? previous.at.end : 0;
  let clause = clauseBefore(text, r.start, floor);
  for (let changed = true; changed; ) {
    const trimmed = withoutTrail(clause);
    changed = trimmed !== clause && trimmed.length > 0;
    if (trimmed !== clause) clause = trimmed;
  }
  clause = clause.slice(afterLastLead(clause));
  if (clause.length <= LEAD_MAX && CN_LEADS.has(clause)) return '';
  if (SCOPE_FIRST.has(codeAt(clause, 0))) clause = clause.replace(CN_SCOPE, '');
  if (clause.length <= CN_MAX) return clause;
  // The last CN_MAX characters as a reader counts them (a surrogate pair is one).
  const from = lastCodePointsStart(clause, CN_MAX);
  if (from === 0) return clause;
  // Never start inside a Latin word (…newsmark优良天数比例 keeps 优良天数比例, PM2.5 stays whole).
  const tail = clause.slice(from);
  return LATIN_NAME[clause.charCodeAt(from - 1)] === 1 ? tail.replace(/^[A-Za-z0-9._{}]+/, '') : tail;
}

/** Letters, digits and marks that make up a Latin name such as PM2.5 or PM_{2.5}. */
const LATIN_NAME = codeTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._{}');

/**
 * Where the last `count` code points of a text start (0 when it has no more), counting a surrogate pair as one and
 * a lone surrogate as one, as spreading the string into an array does.
 */
function lastCodePointsStart(text: string, count: number): number {
  let i = text.length;
  for (let k = 0; k < count && i > 0; k++) {
    const c = text.charCodeAt(i - 1);
    const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
    i -= pair ? 2 : 1;
  }
  return i;
}

/** The noun a Chinese count counts: 四项机制 → 机制, 两大国家湿地公园 → 国家湿地公园. */
function nounAfter(text: string, at: number): string {
  let i = at;
  const open = codeAt(text, i);
  if (open === LEFT_QUOTE || open === QUOTE) i++;
  let j = i;
  while (j < text.length && j - i < 8 && !isNounStop(text.charCodeAt(j))) j++;
  const noun = text.slice(i, j);
  // A verb right after the count (从四方面谈了) means the classifier itself was the noun.
  if (VERB_AFTER_COUNT_FIRST.has(codeAt(noun, 0)) && VERB_AFTER_COUNT.test(noun)) return '';
  return VERB_ENDING_NOUN_LAST.has(codeAt(noun, noun.length - 1)) ? noun.replace(VERB_ENDING_NOUN, '') : noun;
}

function englishSubject(text: string, r: SubjectRequest): string {
  if (r.kind === 'count' || r.kind === 'rank') {
    const words = text.slice(r.numberEnd).match(/^(\s+[A-Za-z][A-Za-z-]*){1,3}/)?.[0].trim().split(/\s+/) ?? [];
    const phrase: string[] = [];
    for (const w of words) {
      if (EN_STOP.has(w.toLowerCase())) break;
      phrase.push(w);
    }
    if (phrase.length > 0) return phrase.join(' ');
  }
  const from = Math.max(0, r.start - 60);
  let before = text.slice(from, r.start);
  if (from > 0 && /[A-Za-z]/.test(text[from - 1])) before = before.replace(/^[A-Za-z]+/, '');
  const clause = before.split(/[,;:.!?()"“”\n]/).pop() ?? '';
  const words = clause.trim().split(/\s+/).filter((w) => w.length > 0);
  while (words.length > 0 && EN_STOP.has(words[words.length - 1].toLowerCase())) words.pop();
  const out: string[] = [];
  for (let k = words.length - 1; k >= 0 && out.length < 3; k--) {
    if (EN_STOP.has(words[k].toLowerCase())) break;
    out.unshift(words[k]);
  }
  return out.join(' ');
}
