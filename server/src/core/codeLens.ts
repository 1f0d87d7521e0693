/**
 * Code lens over each article: how long the copy is, and how many findings it has, so an editor sees at a
 * glance which story is over length or still needs work. Length is counted the way each newsroom counts it:
 * Chinese copy in characters (字数: each Han character, kana, hangul or full-width punctuation mark is one,
 * and each run of Latin letters or digits is one, as word processors count 字数), English copy in words. Only
 * the body copy counts: lede and body paragraphs and section heads, without headline, bylines, captions or
 * credits.
 */
import { isCJKCode, isCJKPunctuationCode } from './chars';
import { Finding, Locale } from './rules/types';
import { Article, DocumentModel } from './model';
import { Span } from './text';
import { firstIndex } from './sorted';
import { groupThousands } from './thousands';

export interface ArticleLength {
  count: number;
  unit: 'characters' | 'words';
}

/** Counts figures in an article for the lens; the claims core provides one. `index` is into `model.articles`. */
export type FigureCounter = (model: DocumentModel, article: Article, index: number) => number;

export interface ArticleLens {
  /** Index into `model.articles`. */
  article: number;
  /** Where the lens sits: the headline, or the article's first line. */
  span: Span;
  length: ArticleLength;
  findings: number;
  /** Present only when a figure counter was given. */
  figures: number | null;
}

function bodyText(model: DocumentModel, a: Article): string {
  const parts = a.body.map((b) => model.text.slice(b.content.start, b.content.end));
  for (const s of a.sections) parts.push(s.title);
  return parts.join('\n');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

function isLetterOrDigit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(c));
}

interface Counts {
  /** Han, kana, hangul. */
  cjk: number;
  /** CJK and general punctuation, without the ideographic space. */
  punctuation: number;
  /** Runs between spaces, CJK characters and CJK punctuation that hold a letter or digit. */
  wordsInChinese: number;
  /** Runs between spaces and CJK characters that hold a letter or digit (`said—and` is one word). */
  words: number;
}

/** One pass over the text for both ways of counting. */
function countText(text: string): Counts {
  const counts: Counts = { cjk: 0, punctuation: 0, wordsInChinese: 0, words: 0 };
  let chineseRun = false;
  let englishRun = false;
  const endChinese = () => {
    if (chineseRun) counts.wordsInChinese++;
    chineseRun = false;
  };
  const endEnglish = () => {
    if (englishRun) counts.words++;
    englishRun = false;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isSpace(c)) {
      endChinese();
      endEnglish();
    } else if (isCJKCode(c)) {
      counts.cjk++;
      endChinese();
      endEnglish();
    } else if (isCJKPunctuationCode(c)) {
      counts.punctuation++;
      endChinese();
    } else if (isLetterOrDigit(c)) {
      chineseRun = true;
      englishRun = true;
    }
  }
  endChinese();
  endEnglish();
  return counts;
}

/** Words as word processors count them: runs between spaces that hold a letter or digit (`1,200` is one). */
export function countWords(text: string): number {
  return countText(text).words;
}

/** 字数 of Chinese copy: CJK characters and punctuation one each, each Latin word or number one. */
export function countChineseCharacters(text: string): number {
  const c = countText(text);
  return c.cjk + c.punctuation + c.wordsInChinese;
}

/** Characters for copy that is mostly CJK, words otherwise. */
export function computeLength(text: string): ArticleLength {
  const c = countText(text);
  if (c.cjk > 0 && c.cjk >= c.words) return { count: c.cjk + c.punctuation + c.wordsInChinese, unit: 'characters' };
  return { count: c.words, unit: 'words' };
}

/** The length of an article's copy, as its lens shows it. */
export function getArticleLength(model: DocumentModel, a: Article): ArticleLength {
  return computeLength(bodyText(model, a));
}

/** How many of `starts` (sorted) lie in `[from, to)`. */
function countBetween(starts: readonly number[], from: number, to: number): number {
  const lowerBound = (x: number) => firstIndex(starts.length, (i) => starts[i] >= x);
  return lowerBound(to) - lowerBound(from);
}

/**
 * One lens per article. `lengthOf` may give lengths kept from an earlier version of the page (the server keeps
 * them per article); by default each article's copy is counted.
 */
export function getArticleLenses(
  model: DocumentModel,
  findings: readonly Finding[],
  figureCounter: FigureCounter | null = null,
  lengthOf: (article: Article) => ArticleLength = (a) => getArticleLength(model, a),
): ArticleLens[] {
  // Findings come in page order from the rules, but a caller may pass any list: sort the starts once.
  const starts = findings.map((f) => f.span.start).sort((a, b) => a - b);
  return model.articles.map((a, index) => ({
    article: index,
    span: a.headline && a.format !== 'front-matter' ? a.headline.span : { start: a.span.start, end: a.span.start },
    length: lengthOf(a),
    findings: countBetween(starts, a.span.start, Math.max(a.span.end, a.span.start + 1)),
    figures: figureCounter ? figureCounter(model, a, index) : null,
  }));
}

/** The lens titles in the display language. */
export function formatLens(lens: ArticleLens, locale: Locale): { length: string; findings: string; figures: string | null } {
  const zh = locale === 'zh-cn';
  const count = groupThousands(lens.length.count);
  const length = lens.length.unit === 'characters' ? (zh ? `${count} 字` : `${count} characters`) : zh ? `${count} 词` : `${count} words`;
  const findings = zh ? (lens.findings === 0 ? '无问题' : `${lens.findings} 个问题`) : lens.findings === 0 ? 'no findings' : lens.findings === 1 ? '1 finding' : `${lens.findings} findings`;
  const figures = lens.figures === null ? null : zh ? `${lens.figures} 个数字` : lens.figures === 1 ? '1 figure' : `${lens.figures} figures`;
  return { length, findings, figures };
}
