/**
 * Code lens over each article: how long the copy is, and how many findings it has, so an editor sees at a
 * glance which story is over length or still needs work. Length is counted the way each newsroom counts it:
 * Chinese copy in characters (字数: each Han character, kana, hangul or full-width punctuation mark is one,
 * and each run of Latin letters or digits is one, as word processors count 字数), English copy in words. Only
 * the body copy counts: lede and body paragraphs and section heads, without headline, bylines, captions or
 * credits.
 */
import { Finding, Locale } from './rules/types';
import { isCJK, isCJKPunctuation } from './chars';
import { Article, DocumentModel } from './model';
import { Span } from './text';

export interface ArticleLength {
  count: number;
  unit: 'characters' | 'words';
}

/** Counts figures in an article for the lens; the claims core provides one. */
export type FigureCounter = (model: DocumentModel, article: Article) => number;

export interface ArticleLens {
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

/** Words as word processors count them: runs between spaces that hold a letter or digit (`1,200` is one). */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/[\s\u3000]+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

/** 字数 of Chinese copy: CJK characters and punctuation one each, each Latin word or number one. */
export function countChineseCharacters(text: string): number {
  let n = 0;
  let latin = '';
  for (const ch of text) {
    if (isCJK(ch) || (isCJKPunctuation(ch) && ch !== '\u3000')) {
      n++;
      latin += ' ';
    } else {
      latin += ch;
    }
  }
  return n + countWords(latin);
}

/** Characters for copy that is mostly CJK, words otherwise. */
export function computeLength(text: string): ArticleLength {
  let cjk = 0;
  for (const ch of text) if (isCJK(ch)) cjk++;
  const words = countWords(text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu, ' '));
  if (cjk > 0 && cjk >= words) return { count: countChineseCharacters(text), unit: 'characters' };
  return { count: words, unit: 'words' };
}

export function getArticleLenses(model: DocumentModel, findings: readonly Finding[], figureCounter: FigureCounter | null = null): ArticleLens[] {
  return model.articles.map((a) => {
    const inArticle = findings.filter((f) => f.span.start >= a.span.start && f.span.start < Math.max(a.span.end, a.span.start + 1)).length;
    return {
      article: a.index,
      span: a.headline && a.format !== 'front-matter' ? a.headline.span : { start: a.span.start, end: a.span.start },
      length: computeLength(bodyText(model, a)),
      findings: inArticle,
      figures: figureCounter ? figureCounter(model, a) : null,
    };
  });
}

function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/** The lens titles in the display language. */
export function formatLens(lens: ArticleLens, locale: Locale): { length: string; findings: string; figures: string | null } {
  const zh = locale === 'zh-cn';
  const length = lens.length.unit === 'characters' ? (zh ? `${grouped(lens.length.count)} 字` : `${grouped(lens.length.count)} characters`) : zh ? `${grouped(lens.length.count)} 词` : `${grouped(lens.length.count)} words`;
  const findings = zh ? (lens.findings === 0 ? '无问题' : `${lens.findings} 个问题`) : lens.findings === 0 ? 'no findings' : lens.findings === 1 ? '1 finding' : `${lens.findings} findings`;
  const figures = lens.figures === null ? null : zh ? `${lens.figures} 个数字` : lens.figures === 1 ? '1 figure' : `${lens.figures} figures`;
  return { length, findings, figures };
}
