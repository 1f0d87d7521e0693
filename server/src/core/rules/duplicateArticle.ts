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

export function isDuplicate(model: DocumentModel, first: Article, second: Article): boolean {
  const a = bodyText(model, first);
  const b = bodyText(model, second);
  if (a.length < MIN_BODY || b.length < MIN_BODY) return false;
  if (a === b) return true;
  const sameHeadline = !!first.headline && !!second.headline && normalize(first.headline.text) === normalize(second.headline.text);
  return sameHeadline && (a.startsWith(b) || b.startsWith(a));
}

export const duplicateArticle: Rule = {
  code: 'duplicate-article',
  defaultLevel: 'information',
  summary: 'The same article twice in one document.',
  description:
    'Reports an article whose body repeats an earlier article of the same document (spacing and punctuation width aside), or that has the same headline and a body that is the start of the other’s. Extraction of a page with its jump page and repeated CMS pastes produce such copies; one of them is deleted before the page goes out. The finding points at the first copy.',
  example: { hit: '(the same headline and body twice in one file)', nearMiss: '(two stories under different headlines that share a boilerplate paragraph)' },
  fixable: false,
  check(context) {
    const { model } = context;
    const articles = model.articles;
    const reported = new Set<number>();
    for (let j = 1; j < articles.length; j++) {
      for (let i = 0; i < j; i++) {
        if (reported.has(j) || !isDuplicate(model, articles[i], articles[j])) continue;
        reported.add(j);
        const first = articles[i];
        const second = articles[j];
        const title = second.headline?.text ?? context.t('untitled', '无标题');
        context.report({
          span: second.headline?.span ?? second.lede?.content ?? second.span,
          message: context.t(
            `"${title}" repeats the article on line ${model.lines.positionAt(first.span.start).line + 1}.`,
            `《${title}》与第 ${model.lines.positionAt(first.span.start).line + 1} 行的稿件重复。`,
          ),
          related: [{ span: first.headline?.span ?? first.span, message: context.t('The first copy.', '第一份。') }],
        });
      }
    }
  },
};
