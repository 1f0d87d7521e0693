/**
 * duplicate-article: the same article twice in one document, as happens when a page is extracted with its
 * jump page, or a CMS paste is repeated. Hit: two articles with the same headline and the same body (spacing
 * and punctuation width aside), or the same headline where one body is the start of the other. Near miss: two
 * stories under different headlines that share a paragraph of boilerplate are different articles.
 */
import { Article, DocumentModel } from '../model';
import { Rule } from './types';

/** Text as a reader compares it: no spaces, no punctuation, ASCII and full-width alike. */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

function bodyText(model: DocumentModel, article: Article): string {
  return normalize(article.body.map((b) => model.text.slice(b.content.start, b.content.end)).join(''));
}

const MIN_BODY = 20;

interface Key {
  body: string;
  headline: string | null;
}

function isDuplicate(a: Key, b: Key): boolean {
  if (a.body.length < MIN_BODY || b.body.length < MIN_BODY) return false;
  if (a.body === b.body) return true;
  return a.headline !== null && a.headline === b.headline && (a.body.startsWith(b.body) || b.body.startsWith(a.body));
}

/** For each article, the earlier article it repeats, or -1. Compares only articles that share a body or a headline. */
export function findDuplicates(model: DocumentModel): number[] {
  const keys: Key[] = model.articles.map((a) => ({ body: bodyText(model, a), headline: a.headline ? normalize(a.headline.text) : null }));
  const firstByBody = new Map<string, number>();
  const byHeadline = new Map<string, number[]>();
  return keys.map((key, j) => {
    let original = firstByBody.get(key.body) ?? -1;
    if (original >= 0 && !isDuplicate(keys[original], key)) original = -1;
    if (original < 0 && key.headline !== null) original = (byHeadline.get(key.headline) ?? []).find((i) => isDuplicate(keys[i], key)) ?? -1;
    if (!firstByBody.has(key.body)) firstByBody.set(key.body, j);
    if (key.headline !== null) byHeadline.set(key.headline, [...(byHeadline.get(key.headline) ?? []), j]);
    return original;
  });
}

export const duplicateArticle: Rule = {
  code: 'duplicate-article',
  defaultLevel: 'information',
  summary: 'The same article twice in one document.',
  description:
    'Reports an article whose body repeats an earlier article of the same document (spacing and punctuation width aside), or that has the same headline and a body that is the start of the other’s. Extraction of a page with its jump page and repeated CMS pastes produce such copies; one of them is deleted before the page goes out. The finding points at the first copy.',
  example: {
    hit: '蓟州区将添两大国家湿地公园\n\n本报讯 两大国家湿地公园建设进展顺利，预计8月底前建成。\n\n……\n\n蓟州区将添两大国家湿地公园\n\n本报讯 两大国家湿地公园建设进展顺利,预计8月底前建成。',
    nearMiss: '蓟州区将添两大国家湿地公园\n\n本报讯 ……\n\n蓟州区将添两座国家森林公园\n\n本报讯 ……（another story sharing one paragraph）',
  },
  fixable: false,
  check(context) {
    const { model } = context;
    const articles = model.articles;
    findDuplicates(model).forEach((i, j) => {
      if (i < 0) return;
      const first = articles[i];
      const second = articles[j];
      const title = second.headline?.text ?? context.t('untitled', '无标题');
      const line = model.lines.positionAt(first.span.start).line + 1;
      context.report({
        span: second.headline?.span ?? second.lede?.content ?? second.span,
        message: context.t(`"${title}" repeats the article on line ${line}.`, `《${title}》与第 ${line} 行的稿件重复。`),
        related: [{ span: first.headline?.span ?? first.span, message: context.t('The first copy.', '第一份。') }],
      });
    });
  },
};
