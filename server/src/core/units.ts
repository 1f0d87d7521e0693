/**
 * What a number measures, read from the words around it: the unit (公顷, 微克/立方米, %, 元, km), the
 * classifier of a count (座, 项, 家, states) and the qualifier that makes it approximate (多, 余, 约, about) or a
 * bound (不超过, 至少, up to). Two figures are only compared when their units agree, so units are normalised:
 * 6座 and 六座 share 座, `3 states` and `three states` share `state`.
 */
import { codeAt, isRegExpSpaceCode } from './chars';

export type ClaimKind = 'count' | 'quantity' | 'percent' | 'money' | 'date' | 'rank';

export type QualifierKind = 'approximate' | 'atLeast' | 'atMost';

export interface Qualifier {
  kind: QualifierKind;
  text: string;
}

export interface UnitReading {
  unit: string;
  kind: ClaimKind;
  /** Length of the unit text (and any qualifier inside it) after the number. */
  length: number;
  /** 多 or 余 between the number and the unit, or 以上/左右 after it. */
  qualifier: Qualifier | null;
}

const EN_PERCENT = /^\s?(%|percent\b|per cent\b|pct\b|percentage points?\b)/i;
const EN_MEASURE = /^\s?(square kilometers|square kilometres|square miles|kilometers|kilometres|km|miles|hectares|acres|tons|tonnes|meters|metres|feet|inches|yards|centimeters|millimeters|gallons|barrels|liters|litres|kilograms|kg|hours|days|weeks|months|years|minutes|mph|degrees)\b/i;
const EN_MONEY = /^\s?(dollars|yuan|euros|pounds|yen|US dollars)\b/i;
const EN_STOP = /^(of|in|at|to|and|or|for|the|a|an|that|which|who|were|was|are|is|have|has|had|with|from|by|on|as|than|more|less|per|each|this|these|those|its|their|his|her|percent)$/i;
const MONTHS = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$/;

/**
 * A word list indexed by the code of its first character, in its order: every claim reads several lists, and only
 * the words that start with the text's first character can match. Keyed by code, not by a one-character string:
 * `text[0]` of a Han character makes a new string (and hashes it) at every look-up. `bit` marks the list's first
 * characters in FIRST_CHARACTERS, so a character that starts none of its words is refused by one table look-up.
 */
interface WordList {
  bit: number;
  byFirst: ReadonlyMap<number, readonly string[]>;
}

/** For each UTF-16 code unit, the bits of the word lists that have a word starting with it. */
const FIRST_CHARACTERS = new Uint8Array(0x10000);
let nextListBit = 1;

function byFirstCharacter(list: readonly string[]): WordList {
  const bit = nextListBit;
  nextListBit <<= 1;
  const index = new Map<number, string[]>();
  for (const w of list) {
    index.set(w.charCodeAt(0), [...(index.get(w.charCodeAt(0)) ?? []), w]);
    FIRST_CHARACTERS[w.charCodeAt(0)] |= bit;
  }
  return { bit, byFirst: index };
}

/** The first word of the list that `text` starts with at `at`, or null. */
function startsWithAny(text: string, list: WordList, at = 0): string | null {
  const c = codeAt(text, at);
  if (c < 0 || (FIRST_CHARACTERS[c] & list.bit) === 0) return null;
  for (const w of list.byFirst.get(c)!) if (text.startsWith(w, at)) return w;
  return null;
}

const CN_PERCENT = byFirstCharacter(['个百分点', '百分点', '%']);
const CN_MONEY = byFirstCharacter(['元人民币', '人民币', '美元', '欧元', '英镑', '日元', '港元', '元']);
const CN_MEASURES = byFirstCharacter([
  '平方公里', '平方千米', '平方米', '立方米', '公顷', '公里', '千米', '厘米', '毫米', '微克', '毫克', '千克', '公斤', '千瓦时', '千瓦',
  '兆瓦', '万千瓦', '毫升', '小时', '分钟', '个月', '周年', '年', '亩', '米', '吨', '克', '升', '秒', '天', '周', '岁', '倍', '度',
]);
/** Classifiers: what a count counts. 方面 and 大 (三大道理) behave like them. */
const CN_CLASSIFIERS = byFirstCharacter([
  '方面', '人次', '个', '项', '条', '座', '家', '处', '名', '位', '人', '次', '件', '种', '类', '批', '支', '所', '级', '轮', '点', '张',
  '辆', '台', '只', '头', '份', '套', '组', '起', '宗', '笔', '户', '栋', '间', '片', '块', '根', '棵', '株', '篇', '部', '本', '首', '场',
  '届', '期', '段', '步', '层', '道', '环', '大', '对', '艘', '架', '枚',
]);

const MORE = '多'.charCodeAt(0);
const ODD = '余'.charCodeAt(0);
const DAY = '日'.charCodeAt(0);
const DAY_NUMBER = '号'.charCodeAt(0);
const SLASH = 47;

const AFTER_QUALIFIERS: [string, QualifierKind][] = [
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['以内', 'atMost'],
  ['左右', 'approximate'],
  ['上下', 'approximate'],
];
/** Their first characters (以, 左, 上): after most units comes none of them. */
const AFTER_QUALIFIER_FIRST = new Set(AFTER_QUALIFIERS.map(([w]) => w.charCodeAt(0)));

/** The reading of a unit `length` long at `i` in `after`, with a qualifier after it (以上, 左右) when none came before. */
function finishUnit(after: string, i: number, qualifier: Qualifier | null, unit: string, kind: ClaimKind, length: number): UnitReading {
  let end = i + length;
  if (!qualifier && AFTER_QUALIFIER_FIRST.has(codeAt(after, end))) {
    for (const [w, k] of AFTER_QUALIFIERS) {
      if (after.startsWith(w, end)) {
        qualifier = { kind: k, text: w };
        end += w.length;
        break;
      }
    }
  }
  return { unit, kind, length: end, qualifier };
}

/** The unit after a Chinese or Arabic number in Chinese text. `after` starts right after the number. */
export function readChineseUnit(after: string, value: number, integerDigits: number, fromChinese: boolean): UnitReading {
  let i = 0;
  let qualifier: Qualifier | null = null;
  const first = codeAt(after, 0);
  if (first === MORE || first === ODD) {
    qualifier = { kind: 'approximate', text: after[0] };
    i += 1;
  }
  // The unit is read at `i` in `after`: most claims take the first branch that matches, before any string is made.
  let w = startsWithAny(after, CN_PERCENT, i);
  if (w) return finishUnit(after, i, qualifier, w === '%' ? '%' : '个百分点', 'percent', w.length);
  w = startsWithAny(after, CN_MONEY, i);
  if (w) return finishUnit(after, i, qualifier, w === '元人民币' || w === '人民币' ? '元' : w, 'money', w.length);
  if (after.startsWith('成', i) && value <= 10 && fromChinese) return finishUnit(after, i, qualifier, '成', 'percent', 1);
  if (after.startsWith('年', i) && !qualifier && ((integerDigits === 4 && value >= 1000 && value <= 2100) || value >= 1900)) {
    const more = /^年(度|底|初|末|前|后)?/.exec(after.slice(i))!;
    return finishUnit(after, i, qualifier, '年', 'date', more[0].length);
  }
  if (after.startsWith('月', i) && !qualifier && Number.isInteger(value) && value >= 1 && value <= 12 && !after.startsWith('月份以来', i)) {
    const more = /^月(份|底|初|末|中旬|上旬|下旬|前|\d{1,2}日|[一二三四五六七八九十]{1,3}日)?/.exec(after.slice(i))!;
    return finishUnit(after, i, qualifier, '月', 'date', more[0].length);
  }
  const next = codeAt(after, i);
  if ((next === DAY || next === DAY_NUMBER) && !qualifier && Number.isInteger(value) && value >= 1 && value <= 31) return finishUnit(after, i, qualifier, '日', 'date', 1);
  // 二季度 is the second quarter (a date); 三个季度 is a duration and reads as a count of 个.
  if (after.startsWith('季度', i) && fromChinese && Number.isInteger(value) && value >= 1 && value <= 4 && !qualifier) return finishUnit(after, i, qualifier, '季度', 'date', 2);
  w = startsWithAny(after, CN_MEASURES, i);
  if (w) {
    let unit = w;
    // Compound units: 微克/立方米, 吨/平方公里.
    if (codeAt(after, i + w.length) === SLASH) {
      const per = /^\/(平方公里|平方千米|立方米|平方米|公顷|小时|天|年|人|吨)/.exec(after.slice(i + w.length));
      if (per) unit += per[0];
    }
    return finishUnit(after, i, qualifier, unit, 'quantity', unit.length);
  }
  w = startsWithAny(after, CN_CLASSIFIERS, i);
  if (w) {
    // 两个月 is a duration, not two of something.
    if (w === '个' && after.startsWith('个月', i)) return finishUnit(after, i, qualifier, '个月', 'quantity', 2);
    const len = w.length + (after.startsWith('(次)', i + w.length) ? 3 : 0);
    return finishUnit(after, i, qualifier, w, 'count', len);
  }
  return finishUnit(after, i, qualifier, '', 'count', 0);
}

/** The unit after a number in English text. `after` starts right after the number; `before` ends at it. */
export function readEnglishUnit(after: string, before: string, value: number, integerDigits: number): UnitReading {
  let m = EN_PERCENT.exec(after);
  if (m) return { unit: /point/i.test(m[1]) ? 'percentage points' : '%', kind: 'percent', length: m[0].length, qualifier: null };
  m = EN_MONEY.exec(after);
  if (m) return { unit: m[1].toLowerCase(), kind: 'money', length: m[0].length, qualifier: null };
  m = EN_MEASURE.exec(after);
  if (m) return { unit: m[1].toLowerCase(), kind: 'quantity', length: m[0].length, qualifier: null };
  const clock = /^\s?(GMT|UTC|ET|EST|EDT|CST|CDT|PST|PDT|CET|BST|a\.m\.|p\.m\.)(?![A-Za-z])/.exec(after);
  if (clock) return { unit: 'time', kind: 'date', length: clock[0].length, qualifier: null };
  const prefix = /(US\$|HK\$|\$|€|£|¥|￥)\s?$/.exec(before);
  if (prefix) return { unit: prefix[1].replace('￥', '¥'), kind: 'money', length: 0, qualifier: null };
  const previousWord = /([A-Za-z.]+)\s+$/.exec(before)?.[1] ?? '';
  if (integerDigits === 4 && value >= 1800 && value <= 2100 && !/^\s?[a-z]/.test(after)) return { unit: 'year', kind: 'date', length: 0, qualifier: null };
  if (MONTHS.test(previousWord) && value >= 1 && value <= 31) return { unit: 'day', kind: 'date', length: 0, qualifier: null };
  const noun = /^\s([a-z][a-z-]*)/.exec(after);
  if (noun && !EN_STOP.test(noun[1])) return { unit: singular(noun[1]), kind: 'count', length: noun[0].length, qualifier: null };
  return { unit: '', kind: 'count', length: 0, qualifier: null };
}

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (/ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (/(ss|us)$/.test(w)) return w;
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

const CN_BEFORE: [string, QualifierKind][] = [
  ['不超过', 'atMost'],
  ['不高于', 'atMost'],
  ['不多于', 'atMost'],
  ['不足', 'atMost'],
  ['不到', 'atMost'],
  ['最多', 'atMost'],
  ['小于', 'atMost'],
  ['低于', 'atMost'],
  ['少于', 'atMost'],
  ['不低于', 'atLeast'],
  ['不少于', 'atLeast'],
  ['超过', 'atLeast'],
  ['高于', 'atLeast'],
  ['大于', 'atLeast'],
  ['多于', 'atLeast'],
  ['达到', 'atLeast'],
  ['至少', 'atLeast'],
  ['多达', 'atLeast'],
  ['将近', 'approximate'],
  ['接近', 'approximate'],
  ['大约', 'approximate'],
  ['约为', 'approximate'],
  ['约', 'approximate'],
  ['近', 'approximate'],
  ['超', 'approximate'],
  ['逾', 'approximate'],
];

/** The Chinese qualifiers by the code of their last character, in list order (不超过 before 超过). */
const CN_BEFORE_BY_LAST = new Map<number, [string, QualifierKind][]>();
for (const entry of CN_BEFORE) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  CN_BEFORE_BY_LAST.set(last, [...(CN_BEFORE_BY_LAST.get(last) ?? []), entry]);
}

const EN_BEFORE: [RegExp, QualifierKind][] = [
  [/\b(more than|over|at least|as many as|as much as|upwards of)\s+$/i, 'atLeast'],
  [/\b(up to|less than|fewer than|under|at most|no more than|below)\s+$/i, 'atMost'],
  [/\b(about|around|roughly|nearly|almost|approximately|some|close to|an estimated)\s+$/i, 'approximate'],
];

/**
 * A qualifier written before the number at `at` in `text`, within the 24 characters before it. The Chinese ones are
 * compared in place; an English one (a word followed by white space) is matched in that window.
 */
export function readQualifierBefore(text: string, at: number): (Qualifier & { length: number }) | null {
  if (at <= 0) return null;
  const last = text.charCodeAt(at - 1);
  for (const [w, kind] of CN_BEFORE_BY_LAST.get(last) ?? []) if (at >= w.length && text.startsWith(w, at - w.length)) return { kind, text: w, length: w.length };
  if (!isRegExpSpaceCode(last)) return null;
  const before = text.slice(Math.max(0, at - 24), at);
  for (const [re, kind] of EN_BEFORE) {
    const m = re.exec(before);
    if (m) return { kind, text: m[1].toLowerCase(), length: m[0].length };
  }
  return null;
}
