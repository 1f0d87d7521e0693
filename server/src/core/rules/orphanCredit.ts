/**
 * orphan-credit: a line of names standing inside an article's body, where the page layout dropped a credit
 * that belongs elsewhere (another article, a photo). Hit: `任效良 董峰` between two body paragraphs of one
 * story. Near miss: `金文` after a story's last paragraph is that story's trailing credit, not an orphan.
 */
import { Rule } from './types';

export const orphanCredit: Rule = {
  code: 'orphan-credit',
  defaultLevel: 'warning',
  summary: 'A credit line inside an article body.',
  description:
    'Flags a line of reporters’ names that stands between body paragraphs of an article. In print such a line closes a story; inside a body it is a leftover of the page layout (a credit of a neighbouring story or photo) and is either moved or deleted by the editor.',
  example: {
    hit: '…持续改善。\n\n任效良 董峰\n\n紧盯三条治污主线',
    nearMiss: '本报讯 ……将进一步增强市民保护湿地的自觉性。\n\n金文\n\n北辰区开展“我为群众办实事”实践活动\n\n现场帮助企业查找治污短板\n\n本报讯 党史学习教育中，北辰区生态环境局扎实开展实践活动。',
  },
  fixable: false,
  check(context) {
    for (const article of context.model.articles) {
      for (const block of article.orphanCredits) {
        context.report({
          span: block.paragraph.span,
          message: context.t(
            `Credit line "${block.paragraph.text}" stands inside the body of "${article.headline?.text ?? 'this article'}"; move it to the story it belongs to or delete it.`,
            `署名行“${block.paragraph.text}”位于《${article.headline?.text ?? '本文'}》正文中间，应移至所属稿件或删除。`,
          ),
        });
      }
    }
  },
};
