/**
 * Character classes that news text turns on: Han characters, CJK punctuation, and the marks that may end a
 * sentence. Kept as small predicates over code points so every scanner in the core agrees on them.
 */

/**
 * `text.charCodeAt(i)` within the text, and -1 past either end (which no character test takes, no table or set
 * holds), without ever asking V8 for a unit past an end. V8's optimised code reads `charCodeAt` as if the index were
 * in bounds and throws that code away the first time it is not; it also takes a unit for a small integer, and throws
 * the code away again the first time `charCodeAt`'s NaN comes instead. Each such site costs a function its optimised
 * code once, and V8 compiles it again on its helper thread (`chineseSubject` took 24 ms to compile, in the first
 * keystrokes after a 1 MB page opened, on the two cores the server and the editor share). Scanners that look one unit
 * before or after a match read through this.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** The code point at the start of `ch`, 0 for an empty string (read without going past its end: see `codeAt`). */
function firstCodePoint(ch: string): number {
  return ch.length > 0 ? ch.codePointAt(0)! : 0;
}

export function isHan(ch: string): boolean {
  return isHanCode(firstCodePoint(ch));
}

/** `isHan` on a code point, for scanners that walk `charCodeAt` instead of allocating one string per character. */
export function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x3134f) ||
    c === 0x3007
  );
}

/** Han, kana, hangul and full-width forms: text that is set without spaces between words. */
export function isCJK(ch: string): boolean {
  return isCJKCode(firstCodePoint(ch));
}

/** CJK punctuation, full-width forms and general punctuation such as “ ” and ——. */
export function isCJKPunctuation(ch: string): boolean {
  return isCJKPunctuationCode(firstCodePoint(ch));
}

/**
 * `isCJK` on a code point, or on one UTF-16 unit (as `isCJK(text[i])` reads it: half of a surrogate pair is neither),
 * for scanners that walk a text without a string per character.
 */
export function isCJKCode(c: number): boolean {
  return isHanCode(c) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
}

/** `isCJKPunctuation` on a code point or one UTF-16 unit. */
export function isCJKPunctuationCode(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff65) || (c >= 0x2010 && c <= 0x206f) || c === 0xb7;
}

/** `[A-Za-z]` on one UTF-16 unit (-1 from `codeAt` or NaN from `charCodeAt`, past either end of a text, is none). */
export function isAsciiLetterCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `[0-9]` on one UTF-16 unit. */
export function isAsciiDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * A set of characters as a table indexed by UTF-16 code unit, for scanners that walk `charCodeAt`: a one-character
 * string per look-up would be a new string to make and hash each time. Every character must be in the BMP.
 */
export function codeTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Marks after which a sentence (and so a paragraph) may end. */
const SENTENCE_END = codeTable(['。', '！', '？', '!', '?', '.', '…', '；', ';', '」', '』', '”', '’', '"', "'", ')', '）', '】', '》', ':', '：', '.']);

/** Closing marks that may follow the sentence-final mark: `。”`, `.)`. */
const CLOSERS = codeTable(['”', '’', '"', "'", ')', '）', '】', '》', '」', '』', '*', '_']);

/** Marks that end a sentence themselves. */
const SENTENCE_FINAL = codeTable(['.', '!', '?', '。', '！', '？', '…']);

/** Does this text end a sentence (ignoring trailing spaces and closing quotes or brackets)? */
export function endsSentence(text: string): boolean {
  return endsSentenceAt(text, 0, text.length);
}

/** `endsSentence` of the text from `start` to `end`, read in place (one code unit at a time, as `text[i]` reads it). */
function endsSentenceAt(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && isRegExpSpaceCode(text.charCodeAt(i - 1))) i--;
  while (i > start && CLOSERS[text.charCodeAt(i - 1)] === 1) i--;
  return i > start && SENTENCE_FINAL[text.charCodeAt(i - 1)] === 1;
}

/** Like endsSentence, but also accepts a closing quote or bracket right after text (`“…能”` ends a clause). */
export function endsClause(text: string): boolean {
  return endsClauseAt(text, 0, text.length);
}

/** `endsClause` of the text from `start` to `end`, read in place. */
export function endsClauseAt(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && isRegExpSpaceCode(text.charCodeAt(i - 1))) i--;
  if (i === start) return false;
  return SENTENCE_END[text.charCodeAt(i - 1)] === 1 || endsSentenceAt(text, start, i);
}

/** Count of visible characters: Han characters and letters, ignoring spaces and punctuation. */
export function countCJK(text: string): number {
  let n = 0;
  for (const ch of text) if (isCJK(ch)) n++;
  return n;
}

export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (isHanCode(c)) return true;
    if (c > 0xffff) i++;
  }
  return false;
}

/** Exactly the characters `\s` matches in a JavaScript regular expression. */
export function isRegExpSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  // Han text lands here: above U+3000 only the BOM is a space.
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The code of the first character that `\s` does not match, or -1 when there is none (what `trim()` would keep first). */
export function firstNonSpaceCode(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isRegExpSpaceCode(c)) return c;
  }
  return -1;
}

/** The code of the last character that `\s` does not match, or -1 when there is none (what `trim()` would keep last). */
export function lastNonSpaceCode(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (!isRegExpSpaceCode(c)) return c;
  }
  return -1;
}

/** Length in code points (what a reader counts), not UTF-16 units; whitespace is not counted. */
export function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (!isRegExpSpaceCode(c)) n++;
  }
  return n;
}

/** `visibleLength(text) > limit`, without counting past the limit: a long paragraph is settled in its first characters. */
export function visibleLengthExceeds(text: string, limit: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    } else if (isRegExpSpaceCode(c)) continue;
    if (++n > limit) return true;
  }
  return false;
}

export function latinWordCount(text: string): number {
  const m = text.match(/[A-Za-z0-9][A-Za-z0-9'’.-]*/g);
  return m ? m.length : 0;
}

/**
 * The first UTF-16 units of `words` (of each character, given `Array.from(chars)`), for scanners that refuse a text
 * by one character before a pattern.
 */
export function initialsOf(words: readonly string[]): Set<number> {
  return new Set(words.map((w) => w.charCodeAt(0)));
}
