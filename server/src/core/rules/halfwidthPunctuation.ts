/**
 * halfwidth-punctuation: an ASCII `, : ; ? !` or a pair of ASCII parentheses inside Chinese text, where the
 * house style (and GB/T 15834) sets `， ： ； ？ ！ （ ）`. Extraction from PDF and OCR often turns the full-width
 * marks into their ASCII look-alikes. Hit: `天津市生态环境局党组每月设置一个学习专题,采取` (the comma).
 * Near miss: the thousands separator in `1,240公顷`, the colon in `10:30`, and `(AP Photo)` in English text.
 * A mark counts as Chinese when the characters on both sides are CJK (a number with a CJK character before it,
 * such as `75%`, reads as part of the Chinese sentence, and so does a number right after a mark that follows a
 * CJK character: `求实效,2020年`); a mark right after a CJK character may also end the paragraph. A pair of
 * ASCII parentheses is converted as a pair, when it encloses Chinese or stands between CJK characters.
 */
import { isAsciiDigitCode, isCJKCode, isCJKPunctuationCode } from '../chars';
import { IntList } from '../intList';
import { Block } from '../model';
import { ownBlockRange } from '../ruleScope';
import { Span } from '../text';
import { Replacement, Rule, RuleContext } from './types';

export const FULLWIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

// The scanner reads UTF-16 units with charCodeAt: a page has tens of thousands of marks, and a string or a regular
// expression test per character is most of the work on a 1 MB archive.
const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const OPEN = 0x28;
const CLOSE = 0x29;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** A CJK character or CJK punctuation, one UTF-16 unit as `text[i]` gives it; NaN (past either end) is neither. */
function isCJKUnit(c: number): boolean {
  return c >= 0xb7 && (isCJKCode(c) || isCJKPunctuationCode(c));
}

/** `[0-9.%‰]`: a unit of a number written inside Chinese prose. */
function isNumberPart(c: number): boolean {
  return isAsciiDigitCode(c) || c === 0x2e || c === 0x25 || c === 0x2030;
}

/**
 * The paragraph being checked, read in place in the page's text (`lo` to `hi`, the paragraph's span; a unit outside
 * it reads as nothing), and the parentheses already judged Chinese (they count as CJK marks). One scan per run of
 * the rule, moved from paragraph to paragraph (`start`).
 */
class Scan {
  private chinese: Set<number> | null = null;
  text = '';
  lo = 0;
  hi = 0;

  start(text: string, lo: number, hi: number): void {
    this.text = text;
    this.lo = lo;
    this.hi = hi;
    this.chinese = null;
  }

  /** The unit at `i`, or NaN outside the paragraph (NaN is neither CJK nor a space nor a digit). */
  code(i: number): number {
    return i >= this.lo && i < this.hi ? this.text.charCodeAt(i) : NaN;
  }

  markChinese(open: number, close: number): void {
    (this.chinese ??= new Set()).add(open).add(close);
  }

  isChinese(i: number): boolean {
    return this.chinese !== null && this.chinese.has(i);
  }

  /** Index of the nearest unit left of `i` that is not a space or tab; below `lo` when there is none. */
  leftOf(i: number): number {
    let j = i - 1;
    while (j >= this.lo && isSpace(this.text.charCodeAt(j))) j--;
    return j;
  }

  /** Index of the nearest unit right of `i` that is not a space or tab; `hi` when there is none. */
  rightOf(i: number): number {
    let j = i + 1;
    while (j < this.hi && isSpace(this.text.charCodeAt(j))) j++;
    return j;
  }

  leftIsChinese(i: number): boolean {
    let j = this.leftOf(i);
    if (j < this.lo) return false;
    const c = this.text.charCodeAt(j);
    if (isCJKUnit(c) || this.isChinese(j)) return true;
    if (!isNumberPart(c) || j !== i - 1) return false;
    // A number inside Chinese prose: `达到75%,污染`.
    while (j > this.lo && isNumberPart(this.text.charCodeAt(j - 1))) j--;
    return j > this.lo && isCJKUnit(this.text.charCodeAt(j - 1));
  }

  rightIsChinese(i: number): boolean {
    const j = this.rightOf(i);
    if (j >= this.hi) return false;
    const c = this.text.charCodeAt(j);
    if (isCJKUnit(c) || this.isChinese(j)) return true;
    // `求实效,2020年`: after a Chinese character a comma before a number is never a thousands separator.
    return isAsciiDigitCode(c) && isCJKUnit(this.code(this.leftOf(i)));
  }

  /** Is there a space or tab right before or after `i` (inside the paragraph), which the mark's edit takes too? */
  hasSpaceAround(i: number): boolean {
    return (i > this.lo && isSpace(this.text.charCodeAt(i - 1))) || (i + 1 < this.hi && isSpace(this.text.charCodeAt(i + 1)));
  }

  /** The edit span of a mark: the mark and the ASCII spaces that separate it from Chinese text. */
  markSpan(i: number, side: 'both' | 'left' | 'right'): Span {
    const { text, lo, hi } = this;
    let start = i;
    let end = i + 1;
    if (side !== 'right') while (start > lo && isSpace(text.charCodeAt(start - 1))) start--;
    if (side !== 'left') while (end < hi && isSpace(text.charCodeAt(end))) end++;
    // Indentation at the start of a line stays.
    if (start > lo && text.charCodeAt(start - 1) === NEWLINE) start = i;
    return { start, end };
  }
}

/**
 * Matched ASCII parentheses that belong to the Chinese text, as offsets (open, close, open, …) in the order they
 * close. Whether a pair encloses Chinese is read from the last CJK character seen before its `)`, so the paragraph
 * is read once however deeply the parentheses nest.
 */
function chineseParentheses(scan: Scan, from: number): number[] {
  const { text, hi } = scan;
  const pairs: number[] = [];
  const stack: number[] = [];
  let lastCJK = -1;
  for (let i = from; i < hi; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN) stack.push(i);
    else if (c === CLOSE) {
      if (stack.length === 0) continue;
      const open = stack.pop() as number;
      const enclosesChinese = lastCJK > open;
      if (enclosesChinese || (isCJKUnit(scan.code(scan.leftOf(open))) && isCJKUnit(scan.code(scan.rightOf(i))))) pairs.push(open, i);
    } else if (c >= 0x3000) {
      // Whole code points here, as a reader counts them: a Han character outside the BMP encloses Chinese too.
      const cp = i + 1 < hi ? (text.codePointAt(i) as number) : c;
      // On the code point itself (a Han character outside the BMP included), not on a string made of it.
      if (isCJKCode(cp)) lastCJK = i;
      if (cp > 0xffff) i++;
    }
  }
  return pairs;
}

/** Messages, fix titles and the full-width mark, made once per run and per mark rather than once per finding. */
interface MarkTexts {
  message: string;
  /** The fix of a mark with no spaces around it, shared by all its findings. */
  replacement: Replacement;
}

class Texts {
  /** By the mark's UTF-16 unit: looking a one-character string up by name cost a tenth of the rule. */
  private readonly marks: (MarkTexts | undefined)[] = [];
  readonly parentheses: { message: string; title: string };

  constructor(private readonly context: RuleContext) {
    this.parentheses = {
      message: context.t('ASCII parentheses in Chinese text: use （ ）.', '中文中使用了半角括号，应改为（ ）。'),
      title: context.t('Replace ( ) with （ ）', '改为全角括号（ ）'),
    };
  }

  of(code: number): MarkTexts {
    let texts = this.marks[code];
    if (!texts) {
      const ch = String.fromCharCode(code);
      const full = FULLWIDTH[ch];
      const t = this.context.t;
      const title = t(`Replace "${ch}" with "${full}"`, `改为全角“${full}”`);
      texts = { message: t(`ASCII "${ch}" in Chinese text: use "${full}".`, `中文中使用了半角“${ch}”，应改为“${full}”。`), replacement: { title, newText: full, safe: true } };
      this.marks[code] = texts;
    }
    return texts;
  }
}

/** Offsets of the paragraph's , : ; ? ! marks, reused from paragraph to paragraph. */
const marks = new IntList(256);

function checkParagraph(context: RuleContext, texts: Texts, scan: Scan, text: string, block: Block): void {
  const { start: lo, end: hi } = block.paragraph.span;
  scan.start(text, lo, hi);
  marks.length = 0;
  let firstOpen = -1;
  for (let i = lo; i < hi; i++) {
    const c = text.charCodeAt(i);
    // All the marks are below 0x40: a Han character is passed over with one comparison.
    if (c > 0x3f) continue;
    if (c === 0x2c || c === 0x3a || c === 0x3b || c === 0x3f || c === 0x21) marks.push(i);
    else if (c === OPEN && firstOpen < 0) firstOpen = i;
  }
  if (firstOpen >= 0) {
    const pairs = chineseParentheses(scan, firstOpen);
    for (let p = 0; p < pairs.length; p += 2) scan.markChinese(pairs[p], pairs[p + 1]);
    for (let p = 0; p < pairs.length; p += 2) {
      const open = pairs[p];
      const close = pairs[p + 1];
      context.report({
        span: { start: open, end: close + 1 },
        message: texts.parentheses.message,
        fixes: [
          {
            title: texts.parentheses.title,
            edits: [
              { span: scan.markSpan(open, 'left'), newText: '（' },
              { span: scan.markSpan(close, 'right'), newText: '）' },
            ],
            safe: true,
          },
        ],
      });
    }
  }
  for (let m = 0; m < marks.length; m++) {
    const i = marks.get(m);
    if (!scan.leftIsChinese(i)) continue;
    // At the end of a paragraph a mark right after a Chinese character is Chinese: `会议提出以下要求:`.
    const endsParagraph = scan.rightOf(i) >= hi && isCJKUnit(scan.code(i - 1));
    if (!endsParagraph && !scan.rightIsChinese(i)) continue;
    const { message, replacement } = texts.of(text.charCodeAt(i));
    // Most marks have no spaces around them: their fix replaces the finding's span, and is made only if it is shown.
    if (!scan.hasSpaceAround(i)) context.reportReplacement(i, i + 1, message, replacement);
    else context.report({ span: { start: i, end: i + 1 }, message, fixes: [{ title: replacement.title, edits: [{ span: scan.markSpan(i, 'both'), newText: replacement.newText }], safe: true }] });
  }
}

export const halfwidthPunctuation: Rule = {
  code: 'halfwidth-punctuation',
  defaultLevel: 'warning',
  // Each paragraph is read on its own: a unit checks its own blocks.
  scope: 'blocks',
  summary: 'ASCII , : ; ? ! ( ) between Chinese characters, where ， ： ； ？ ！ （ ） belong.',
  description:
    'Flags an ASCII comma, colon, semicolon, question mark, exclamation mark or pair of parentheses inside Chinese text, where Chinese typography sets the full-width mark. Extraction from PDF or OCR often swaps the marks for their ASCII look-alikes. A mark is Chinese when the characters on both sides are (a number right after a Chinese character, as in 达到75%, counts as Chinese, and so does a number after a mark that follows a Chinese character, as in 求实效,2020年); a pair of parentheses is converted as a pair when it encloses Chinese text or stands between Chinese characters. The fix replaces the mark, and the ASCII spaces around it, with the full-width mark; fix-all converts the whole document.',
  example: { hit: '天津市生态环境局党组每月设置一个学习专题,采取个人自学', nearMiss: '总面积1,240公顷；10:30开始；(AP Photo/Jane Doe)' },
  fixable: true,
  check(context) {
    const { blocks } = context.model;
    const own = ownBlockRange(context.model);
    const texts = new Texts(context);
    const scan = new Scan();
    for (let b = own.start; b < own.end; b++) {
      const block = blocks[b];
      if (block.role === 'comment' || block.role === 'frontMatter' || block.paragraph.kind !== 'text') continue;
      checkParagraph(context, texts, scan, context.model.text, block);
    }
  },
};
