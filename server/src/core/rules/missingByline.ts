/**
 * missing-byline: an article with no byline, dateline or credit, so nobody can be asked about it. Hit: a
 * headline, a subheadline and body paragraphs with no 本报记者, 本报讯, `By …` or trailing names. Near miss: a
 * 本报讯 story credited only at its end (`金文`) has a credit and is not flagged.
 */
import { Rule } from './types';

export const missingByline: Rule = {
  code: 'missing-byline',
  defaultLevel: 'information',
  summary: 'An article with no byline, dateline or credit.',
  description:
    'Reports an article that names no reporter, no dateline and no credit. Wire copy and staff stories always carry at least one; a story without any usually lost its byline in extraction, or is an item that needs attribution before it runs.',
  example: { hit: '河西区明确今年重点工作目标任务\n\n会议提出……', nearMiss: '本报讯 天津市……\n\n金文' },
  fixable: false,
  check(context) {
    for (const article of context.model.articles) {
      if (article.bylines.length > 0 || article.dateline || article.credits.length > 0) continue;
      const span = article.headline?.span ?? article.lede?.content ?? article.span;
      context.report({
        span,
        message: context.t(
          `Article "${article.headline?.text ?? 'untitled'}" has no byline, dateline or credit.`,
          `稿件《${article.headline?.text ?? '无标题'}》没有署名、电头或供稿人。`,
        ),
      });
    }
  },
};
