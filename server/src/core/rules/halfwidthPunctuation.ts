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
import { isCJK, isCJKPunctuation } from '../chars';
import { Block } from '../model';
import { Span } from '../text';
import { Rule, RuleContext } from './types';

export const FULLWIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

const SPACE = /[ \t]/;
const NUMBER_PART = /[0-9.%‰]/;

/** Marks of this paragraph that are CJK by position: ASCII parentheses already judged Chinese. */
type Chinese = Set<number>;

function isCJKChar(ch: string | undefined): boolean {
  return ch !== undefined && (isCJK(ch) || isCJKPunctuation(ch));
}

interface Neighbour {
  ch: string | undefined;
  index: number;
}

function leftOf(text: string, i: number): Neighbour {
  let j = i - 1;
  while (j >= 0 && SPACE.test(text[j])) j--;
  return { ch: j >= 0 ? text[j] : undefined, index: j };
}

function rightOf(text: string, i: number): Neighbour {
  let j = i + 1;
  while (j < text.length && SPACE.test(text[j])) j++;
  return { ch: j < text.length ? text[j] : undefined, index: j };
}

function leftIsChinese(text: string, i: number, chinese: Chinese): boolean {
  const left = leftOf(text, i);
  if (left.ch === undefined) return false;
  if (isCJKChar(left.ch) || chinese.has(left.index)) return true;
  if (!NUMBER_PART.test(left.ch) || left.index !== i - 1) return false;
  // A number inside Chinese prose: `达到75%,污染`.
  let j = left.index;
  while (j > 0 && NUMBER_PART.test(text[j - 1])) j--;
  return j > 0 && isCJKChar(text[j - 1]);
}

function rightIsChinese(text: string, i: number, chinese: Chinese): boolean {
  const right = rightOf(text, i);
  if (right.ch === undefined) return false;
  if (isCJKChar(right.ch) || chinese.has(right.index)) return true;
  // `求实效,2020年`: after a Chinese character a comma before a number is never a thousands separator.
  return /[0-9]/.test(right.ch) && isCJKChar(leftOf(text, i).ch);
}

/** Matched ASCII parentheses that belong to the Chinese text; returns their offsets in the paragraph. */
function chineseParentheses(text: string): [number, number][] {
  const pairs: [number, number][] = [];
  const stack: number[] = [];
  for (const m of text.matchAll(/[()]/g)) {
    const i = m.index ?? 0;
    if (text[i] === '(') stack.push(i);
    else if (stack.length > 0) {
      const open = stack.pop() as number;
      const inner = text.slice(open + 1, i);
      const enclosesChinese = [...inner].some((ch) => isCJK(ch));
      const between = isCJKChar(leftOf(text, open).ch) && isCJKChar(rightOf(text, i).ch);
      if (enclosesChinese || between) pairs.push([open, i]);
    }
  }
  return pairs;
}

/** The edit span of a mark: the mark and the ASCII spaces that separate it from Chinese text. */
function markSpan(text: string, i: number, base: number, side: 'both' | 'left' | 'right'): Span {
  let start = i;
  let end = i + 1;
  if (side !== 'right') while (start > 0 && SPACE.test(text[start - 1])) start--;
  if (side !== 'left') while (end < text.length && SPACE.test(text[end])) end++;
  // Indentation at the start of a line stays.
  if (start > 0 && text[start - 1] === '\n') start = i;
  return { start: base + start, end: base + end };
}

function checkParagraph(context: RuleContext, block: Block): void {
  const base = block.paragraph.span.start;
  const text = block.paragraph.text;
  const pairs = chineseParentheses(text);
  const chinese: Chinese = new Set(pairs.flat());
  for (const [open, close] of pairs) {
    const openSpan = markSpan(text, open, base, 'left');
    const closeSpan = markSpan(text, close, base, 'right');
    context.report({
      span: { start: base + open, end: base + close + 1 },
      message: context.t('ASCII parentheses in Chinese text: use （ ）.', '中文中使用了半角括号，应改为（ ）。'),
      fixes: [
        {
          title: context.t('Replace ( ) with （ ）', '改为全角括号（ ）'),
          edits: [
            { span: openSpan, newText: '（' },
            { span: closeSpan, newText: '）' },
          ],
          safe: true,
        },
      ],
    });
  }
  for (const m of text.matchAll(/[,:;?!]/g)) {
    const i = m.index ?? 0;
    const ch = m[0];
    if (!leftIsChinese(text, i, chinese)) continue;
    // At the end of a paragraph a mark right after a Chinese character is Chinese: `会议提出以下要求:`.
    const endsParagraph = rightOf(text, i).ch === undefined && isCJKChar(text[i - 1]);
    if (!endsParagraph && !rightIsChinese(text, i, chinese)) continue;
    const span = markSpan(text, i, base, 'both');
    const full = FULLWIDTH[ch];
    context.report({
      span: { start: base + i, end: base + i + 1 },
      message: context.t(`ASCII "${ch}" in Chinese text: use "${full}".`, `中文中使用了半角“${ch}”，应改为“${full}”。`),
      fixes: [{ title: context.t(`Replace "${ch}" with "${full}"`, `改为全角“${full}”`), edits: [{ span, newText: full }], safe: true }],
    });
  }
}

export const halfwidthPunctuation: Rule = {
  code: 'halfwidth-punctuation',
  defaultLevel: 'warning',
  summary: 'ASCII , : ; ? ! ( ) between Chinese characters, where ， ： ； ？ ！ （ ） belong.',
  description:
    'Flags an ASCII comma, colon, semicolon, question mark, exclamation mark or pair of parentheses inside Chinese text, where Chinese typography sets the full-width mark. Extraction from PDF or OCR often swaps the marks for their ASCII look-alikes. A mark is Chinese when the characters on both sides are (a number right after a Chinese character, as in 达到75%, counts as Chinese, and so does a number after a mark that follows a Chinese character, as in 求实效,2020年); a pair of parentheses is converted as a pair when it encloses Chinese text or stands between Chinese characters. The fix replaces the mark, and the ASCII spaces around it, with the full-width mark; fix-all converts the whole document.',
  example: { hit: '天津市生态环境局党组每月设置一个学习专题,采取个人自学', nearMiss: '总面积1,240公顷；10:30开始；(AP Photo/Jane Doe)' },
  fixable: true,
  check(context) {
    for (const block of context.model.blocks) {
      if (block.role === 'comment' || block.role === 'frontMatter' || block.paragraph.kind !== 'text') continue;
      checkParagraph(context, block);
    }
  },
};
