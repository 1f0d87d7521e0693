/**
 * Numerals as news copy writes them: Arabic digits with thousands separators and decimals (half- or
 * full-width), Chinese numerals (两, 十一, 一千二百四十, 二〇二〇), the two mixed (15.6万, 1.8亿) and English number
 * words (twenty-one, a dozen, fourth). The scanner also decides what is NOT a figure, because a wrong figure
 * is worse than a missed one: 十四五 and 一河一策 are names, PM2.5 and PM_{2.5} are pollutants, 一是/二是 number
 * clauses, and a lone 一 or "one" is an article ("a"), not a count.
 */
import { codeAt, initialsOf, isAsciiDigitCode, isAsciiLetterCode, isHan, isRegExpSpaceCode } from './chars';

export type NumeralScript = 'arabic' | 'chinese' | 'english';

export interface Numeral {
  /** Half-open offsets into the scanned text. */
  start: number;
  end: number;
  value: number;
  script: NumeralScript;
  /** 第四, fourth, 4th. */
  ordinal: boolean;
  /** Digits after the decimal point, for rounding tolerance. */
  decimals: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_DIGIT_OF = new Map(Object.entries(CN_DIGITS).map(([c, d]) => [c.charCodeAt(0), d]));
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const CN_UNIT_OF = new Map(Object.entries(CN_UNITS).map(([c, u]) => [c.charCodeAt(0), u]));
const CN_BIG_OF = new Map(Object.entries(CN_BIG).map(([c, b]) => [c.charCodeAt(0), b]));

/** What a UTF-16 code unit may start, for the scanner: nothing, a digit, a Latin letter, a Chinese numeral, or a full-width form. */
const DIGIT = 1;
const LETTER = 2;
const CHINESE = 3;
const FULL_WIDTH_FORM = 4;
const START = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) START[c] = DIGIT;
for (let c = 65; c <= 90; c++) START[c] = START[c + 32] = LETTER;
for (const c of '零〇一二两三四五六七八九十百千万亿') START[c.charCodeAt(0)] = CHINESE;
for (const c of '０１２３４５６７８９．％－') START[c.charCodeAt(0)] = FULL_WIDTH_FORM;

const FULL_WIDTH = /[０-９．％－]/;

/** Full-width digits, point, percent and minus become ASCII; the string keeps its length. */
export function normalizeDigits(text: string): string {
  // Most copy has no full-width digits: one scan answers that without building a new string.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[０-９．％－]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return c === '．' ? '.' : c === '％' ? '%' : '-';
  });
}

/**
 * The value of a Chinese numeral, or null when it is not a well-formed number (十四五, 一二三). Accepts the
 * spoken abbreviation 一千二 (1200) and digit-by-digit years (二〇二〇).
 */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  // Digit by digit (二〇二〇): every character a digit other than 两. Numeral characters are single code units,
  // so a string with any other character fails here and in the loop below whatever its length in code points.
  if (s.length >= 2) {
    let year = 0;
    let allDigits = true;
    for (let k = 0; k < s.length && allDigits; k++) {
      const d = CN_DIGIT_OF.get(s.charCodeAt(k));
      if (d === undefined || s[k] === '两') allDigits = false;
      else year = year * 10 + d;
    }
    if (allDigits) return s.length === 4 ? year : null;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let lastBig = Infinity;
  let afterZero = false;
  let previousUnit = 0;
  // Code unit by code unit, as above: half of a surrogate pair is in no table, so it fails like any other character.
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    const d = CN_DIGIT_OF.get(code);
    if (d !== undefined) {
      if (digit !== null) return null;
      digit = d;
      if (digit === 0) {
        afterZero = true;
        digit = null;
      }
      continue;
    }
    const u = CN_UNIT_OF.get(code);
    if (u !== undefined) {
      if (u >= lastUnit) return null;
      if (digit === null) {
        // Only 十 stands without a digit: at the start (十一) or after 零 (一千零十).
        const bareTen = u === 10 && (afterZero || (section === 0 && total === 0));
        if (!bareTen) return null;
        digit = 1;
      }
      section += digit * u;
      digit = null;
      lastUnit = u;
      previousUnit = u;
      continue;
    }
    const b = CN_BIG_OF.get(code);
    if (b !== undefined) {
      if (digit === null && section === 0) {
        if (b === 1e4 && total > 0 && lastBig === 1e8) return null;
        if (total === 0) return null;
        total *= b;
      } else {
        if (b >= lastBig && b !== 1e8) return null;
        section += digit ?? 0;
        total = b === 1e8 ? (total + section) * b : total + section * b;
      }
      section = 0;
      digit = null;
      lastUnit = Infinity;
      lastBig = b;
      previousUnit = b;
      afterZero = false;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // 一千二 is 1200 and 三万五 is 35000; after 零 the digit is a plain unit digit (一千零五).
    if (!afterZero && previousUnit >= 100) section += (digit * previousUnit) / 10;
    else section += digit;
  }
  return total + section;
}

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
};

/** The value of English number words (`twenty-one`, `a dozen`, `one hundred and five`, `fourth`), or null. */
export function parseEnglishNumber(words: string): { value: number; ordinal: boolean } | null {
  const tokens = words.toLowerCase().split(/[\s-]+/).filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  let ordinal = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (ordinal) return null;
    if (t === 'and' && seen && i + 1 < tokens.length) continue;
    if (t === 'a' && i === 0 && i + 1 < tokens.length) {
      current = 1;
      continue;
    }
    if (t === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
      continue;
    }
    if (t in ONES) current += ONES[t];
    else if (t in TENS) current += TENS[t];
    else if (t in ORDINALS) {
      current += ORDINALS[t];
      ordinal = true;
    } else if (t in SCALES) {
      const s = SCALES[t];
      if (s === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * s;
        current = 0;
      }
    } else return null;
    seen = true;
  }
  return seen ? { value: total + current, ordinal } : null;
}

const ENGLISH_WORD = /^(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)$/i;

/** Idioms and set phrases whose numerals are not figures. */
const CN_IDIOMS = [
  '四面八方', '五湖四海', '三番五次', '七上八下', '一五一十', '九牛一毛', '十全十美', '三心二意', '千方百计', '万无一失', '千家万户',
  '千山万水', '千军万马', '四通八达', '七嘴八舌', '乱七八糟', '五花八门', '三令五申', '百花齐放', '百家争鸣', '千篇一律', '万众一心',
  '一举两得', '两全其美', '三五成群', '十拿九稳', '千锤百炼', '一心一意', '独一无二', '接二连三', '三天两头', '三言两语', '一干二净',
  '十分', '十足', '万分', '千万', '万一', '一一', '两岸', '两会', '两院', '两委', '三农', '四风', '五四', '三角', '万物', '百姓', '千里',
];

/** Where an idiom holds a character: the idiom and the offset of the character in it. */
interface IdiomPlace {
  idiom: string;
  at: number;
}

/** The places of each character (by code) in the idioms. */
const IDIOM_PLACES = new Map<number, IdiomPlace[]>();
for (const idiom of CN_IDIOMS) {
  for (let at = 0; at < idiom.length; at++) IDIOM_PLACES.set(idiom.charCodeAt(at), [...(IDIOM_PLACES.get(idiom.charCodeAt(at)) ?? []), { idiom, at }]);
}

/**
 * Does an idiom cover the numeral `run` at `start`? Only an idiom that holds the run where it holds the run's first
 * character can, and there the text must read the idiom: one character next to the run is compared before the rest.
 */
function idiomCovers(text: string, start: number, run: string): boolean {
  for (const { idiom, at } of IDIOM_PLACES.get(run.charCodeAt(0)) ?? []) {
    if (at > start || !idiom.startsWith(run, at)) continue;
    const next = at > 0 ? at - 1 : at + run.length;
    if (next < idiom.length && text.charCodeAt(start - at + next) !== idiom.charCodeAt(next)) continue;
    if (text.startsWith(idiom, start - at)) return true;
  }
  return false;
}

const FEW = '几'.charCodeAt(0);
const SEVERAL = '数'.charCodeAt(0);
const ITS = '其'.charCodeAt(0);
/** A company or a brand after the numeral (三棵树涂料有限公司), read at the numeral's end. */
const COMPANY_AFTER = /.{0,4}(公司|集团|有限|股份|牌)/y;

/**
 * Han characters after a numeral that make it part of a name or a word rather than a figure. Read in place: most
 * numerals are figures, and each test looks at a character or two next to them.
 */
function isChineseName(text: string, start: number, end: number, run: string): boolean {
  if (idiomCovers(text, start, run)) return true;
  const before = codeAt(text, start - 1);
  if (before === FEW || before === SEVERAL || text.startsWith('几', end)) return true;
  // 一是、二是 number clauses; 其一、其二 likewise. (The run holds numeral characters only, each one code unit.)
  if (text.startsWith('是', end) && run.length === 1 && run !== '两') return true;
  if (before === ITS) return true;
  COMPANY_AFTER.lastIndex = end;
  if (COMPANY_AFTER.test(text)) return true;
  // 三地 restating 京津冀 (or another regional cluster) is a name for the places, not a figure.
  if (text.startsWith('地', end) && /京津冀|长三角|珠三角|粤港澳|川渝|沪苏浙|江浙沪/.test(text.slice(Math.max(0, start - 40), start))) return true;
  return false;
}

const ORDINAL_MARK = '第'.charCodeAt(0);
const ONE = '一'.charCodeAt(0);
const TEN = '十'.charCodeAt(0);
const PARTY = '方'.charCodeAt(0);
const UNDERSCORE = 95;
const OPEN_BRACE = 123;
const HASH = 35;
const POINT = 46;
const HYPHEN = 45;
const COLON = 58;
const MINUS_SIGN = 0x2212;
/** The first letters of the ordinal suffixes st, nd, rd and th. */
const ORDINAL_SUFFIX_FIRST = initialsOf(Array.from('snrt'));

function scanChinese(text: string, at: number, out: Numeral[]): number {
  // The run of numeral characters, and whether it holds a digit (十 alone counts as one at its start: 十一).
  let end = at;
  let hasDigit = text.charCodeAt(at) === TEN;
  while (end < text.length && START[text.charCodeAt(end)] === CHINESE) {
    if (CN_DIGIT_OF.has(text.charCodeAt(end))) hasDigit = true;
    end++;
  }
  const ordinal = at > 0 && text.charCodeAt(at - 1) === ORDINAL_MARK;
  // A lone 一 (进一步, 一些) is the commonest case by far, and never a figure: decided before any string is made.
  if (end === at + 1 && text.charCodeAt(at) === ONE && !ordinal) return end;
  if (!hasDigit) return end;
  // A lone 零 or 〇 is no figure either.
  if (end === at + 1 && CN_DIGIT_OF.get(text.charCodeAt(at)) === 0) return end;
  const run = text.slice(at, end);
  const value = parseChineseNumeral(run);
  if (value === null) return end;
  if (!ordinal && isChineseName(text, at, end, run)) return end;
  // 第三方 (a third party) names a kind of body, not a rank.
  if (ordinal && run === '三' && codeAt(text, end) === PARTY) return end;
  out.push({ start: ordinal ? at - 1 : at, end, value, script: 'chinese', ordinal, decimals: 0 });
  return end;
}

const ARABIC = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

/** An Arabic number at `at`. The characters around it are read by code: most are Han, and `text[i]` would make a string of each. */
function scanArabic(text: string, at: number, out: Numeral[]): number {
  ARABIC.lastIndex = at;
  if (!ARABIC.test(text)) return at + 1;
  let end = ARABIC.lastIndex;
  // Past either end of the text the unit is -1, which matches nothing below (`codeAt`).
  const before = codeAt(text, at - 1);
  const after = codeAt(text, end);
  // PM2.5, PM_{2.5}, SO2, COVID-19, G20, 5G, 3D, times (10:30) and dates written 2021-06-01 are not figures.
  if (isAsciiLetterCode(before) || before === UNDERSCORE || before === OPEN_BRACE || before === HASH || before === POINT) return end;
  if (before === HYPHEN && isAsciiLetterCode(codeAt(text, at - 2))) return end;
  if ((after >= 65 && after <= 90) || (after === COLON && isAsciiDigitCode(codeAt(text, end + 1))) || (before === COLON && isAsciiDigitCode(codeAt(text, at - 2)))) return end;
  if (after === POINT && isAsciiDigitCode(codeAt(text, end + 1))) return end;
  const written = text.slice(at, end);
  let value = Number(written.includes(',') ? written.replace(/,/g, '') : written);
  const point = written.indexOf('.');
  const decimals = point >= 0 ? written.length - point - 1 : 0;
  let start = at;
  if ((before === HYPHEN || before === MINUS_SIGN) && !isAsciiDigitCode(codeAt(text, at - 2)) && !isAsciiLetterCode(codeAt(text, at - 2))) {
    value = -value;
    start = at - 1;
  }
  let ordinal = codeAt(text, start - 1) === ORDINAL_MARK;
  if (ordinal) start--;
  const suffix = ORDINAL_SUFFIX_FIRST.has(after) ? /^(st|nd|rd|th)\b/.exec(text.slice(end, end + 3)) : null;
  if (suffix && !ordinal) {
    ordinal = true;
    end += suffix[0].length;
  }
  out.push({ start, end, value, script: 'arabic', ordinal, decimals });
  return end;
}

const ENGLISH_TOKEN = /[A-Za-z]+(?:-[A-Za-z]+)?/y;

/** Number words in lower case, for a first look at a word before the full scan. */
const NUMBER_WORDS = new Set(ENGLISH_WORD.source.slice(2, -2).split('|'));
const LONGEST_NUMBER_WORD = Math.max(...[...NUMBER_WORDS].map((w) => w.length));

function scanEnglish(text: string, at: number, out: Numeral[]): number {
  // Most words are no number: the letters up to the first non-letter must be a number word or "a" (the first
  // token, hyphenated or not, begins with them), else the word is skipped without building any tokens.
  const wordEnd = firstWordEnd(text, at);
  if (wordEnd - at > LONGEST_NUMBER_WORD) return wordEnd;
  const first = text.slice(at, wordEnd).toLowerCase();
  if (first !== 'a' && !NUMBER_WORDS.has(first)) return wordEnd;
  const tokens: { start: number; end: number; word: string }[] = [];
  let i = at;
  for (;;) {
    ENGLISH_TOKEN.lastIndex = i;
    const m = ENGLISH_TOKEN.exec(text);
    if (!m) break;
    const word = m[0].toLowerCase();
    const parts = word.split('-');
    const isNumberWord = parts.every((p) => ENGLISH_WORD.test(p));
    const glue = (word === 'and' && tokens.length > 0) || (word === 'a' && tokens.length === 0);
    if (!isNumberWord && !glue) break;
    tokens.push({ start: i, end: i + m[0].length, word });
    let next = i + m[0].length;
    while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
    const spaced = next > i + m[0].length;
    i = next;
    if (!spaced) break;
  }
  while (tokens.length > 0 && (tokens[tokens.length - 1].word === 'and' || tokens[tokens.length - 1].word === 'a')) tokens.pop();
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0].word === 'a')) return firstWordEnd(text, at);
  const words = tokens.map((t) => t.word);
  const parsed = parseEnglishNumber(words.join(' '));
  if (!parsed) return tokens[tokens.length - 1].end;
  const end = tokens[tokens.length - 1].end;
  // "one" and "first" alone are mostly pronouns and phrases ("one of", "first time"); "second" is also a time unit.
  if (words.length === 1 && (words[0] === 'one' || words[0] === 'zero')) return end;
  if (words.length === 1 && words[0] === 'second' && !/\bthe\s+$/i.test(text.slice(Math.max(0, at - 5), at))) return end;
  if (words[0] === 'a' && words.length === 2 && words[1] === 'second') return end;
  out.push({ start: tokens[0].start, end, value: parsed.value, script: 'english', ordinal: parsed.ordinal, decimals: 0 });
  return end;
}

function firstWordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && START[text.charCodeAt(i)] === LETTER) i++;
  return Math.max(i, at + 1);
}

/** Every numeral in a text, in order, with what is not a figure already left out. */
export function findNumerals(source: string): Numeral[] {
  return scanNumerals(source).numerals;
}

/**
 * The numerals of a text and the text they were read in: `source` itself, or its copy with full-width digits made
 * ASCII (`normalizeDigits`) when it has any, so a caller reading the words around a numeral need not normalise again.
 */
export function scanNumerals(source: string): { text: string; numerals: Numeral[] } {
  let text = source;
  let out: Numeral[] = [];
  // A full-width digit, point, percent or minus: the whole text is read again in its ASCII form.
  if (!scanInto(text, out)) {
    text = normalizeDigits(source);
    out = [];
    scanInto(text, out);
  }
  const numerals = joinMixed(text, out);
  // A numeral that starts inside the one before it (which took a scale word: 3万) is dropped, in place: most texts
  // have none, and a copy per text was an array for every paragraph and list item read.
  let kept = 0;
  let previousEnd = 0;
  for (let k = 0; k < numerals.length; k++) {
    const n = numerals[k];
    if (k === 0 || n.start >= previousEnd) numerals[kept++] = n;
    previousEnd = n.end;
  }
  numerals.length = kept;
  return { text, numerals };
}

/** Whether any unit of `text` can start a numeral (a digit, a Chinese numeral, a Latin letter, a full-width form): without one, `findNumerals` finds nothing. */
export function mayHoldNumerals(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (START[text.charCodeAt(i)] !== 0) return true;
  return false;
}

/**
 * Adds the numerals of a text to `out`; false, at once, at a full-width form (digit, point, percent, minus). This loop
 * sees every character of prose: one table look-up per character, and a scanner only where a numeral can start (a
 * digit, a Chinese numeral character, the first letter of a Latin word).
 */
function scanInto(text: string, out: Numeral[]): boolean {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const kind = START[text.charCodeAt(i)];
    if (kind === 0) i++;
    else if (kind === DIGIT) i = scanArabic(text, i, out);
    else if (kind === LETTER) {
      if (i > 0 && START[text.charCodeAt(i - 1)] === LETTER) i++;
      else i = scanEnglish(text, i, out);
    } else if (kind === CHINESE) i = scanChinese(text, i, out);
    else return false;
  }
  return true;
}

/** The characters a Chinese scale word after a number starts with. */
const CN_SCALE_FIRST = initialsOf(Array.from('万亿千百'));

/** 15.6万, 1.8亿 and "1.2 million": an Arabic number scaled by the word after it. */
function joinMixed(text: string, numerals: Numeral[]): Numeral[] {
  for (const n of numerals) {
    if (n.script !== 'arabic' || n.ordinal) continue;
    const cn = CN_SCALE_FIRST.has(codeAt(text, n.end)) ? /^(万亿|亿万|千万|百万|万|亿|千|百)/.exec(text.slice(n.end, n.end + 2)) : null;
    if (cn && !isHanWordAfter(text, n.end + cn[0].length, cn[0])) {
      n.value *= [...cn[0]].reduce((p, ch) => p * (CN_BIG[ch] ?? CN_UNITS[ch]), 1);
      n.end += cn[0].length;
      continue;
    }
    const en = isRegExpSpaceCode(codeAt(text, n.end)) ? /^\s(hundred|thousand|million|billion|trillion)\b/i.exec(text.slice(n.end, n.end + 12)) : null;
    if (en) {
      n.value *= SCALES[en[1].toLowerCase()];
      n.end += en[0].length;
    }
  }
  return numerals;
}

/** 百 in 百姓 or 千 in 千瓦 is the start of a word, not a multiplier. */
function isHanWordAfter(text: string, at: number, multiplier: string): boolean {
  const next = text[at] ?? '';
  if (!isHan(next)) return false;
  if (multiplier === '千' && /[瓦克米]/.test(next)) return true;
  if (multiplier === '百' && /[姓分]/.test(next)) return true;
  return false;
}
