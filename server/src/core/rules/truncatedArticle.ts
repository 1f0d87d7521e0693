/**
 * truncated-article: an article whose text stops mid-sentence at its end, or at the end of the document, so
 * the rest of the story was lost in extraction (the continuation is on another page, or the file was cut).
 * Hit: a last paragraph ending `…提升环境监管水平和` with nothing after it. Near miss: a story whose last
 * paragraph ends `…自觉性。` and is followed by its credit `金文` is complete.
 */
import { isRegExpSpaceCode } from '../chars';
import { getTruncatedEndings } from '../wraps';
import { Rule } from './types';

/** Is there nothing but white space after `offset`? Stops at the first other character, so it reads a few units. */
function onlySpacesAfter(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) if (!isRegExpSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

export const truncatedArticle: Rule = {
  code: 'truncated-article',
  defaultLevel: 'warning',
  // One article at a time. "At the end of the document" is read from the text after the fragment: only spaces, or the
  // next unit's first paragraph. An edit that removes the units after an article re-reads the article with them.
  summary: 'An article whose text stops mid-sentence at its end.',
  description:
    'Flags an article whose last prose paragraph stops without closing its sentence, at the end of the article or of the document. The rest of the story was lost: it jumps to another page, or the extraction or the file was cut short. There is no automatic fix; the missing text has to be found in the source.',
  example: { hit: '会议明确，要继续深入打好污染防治攻坚战。积极开展大气污染防治，清淤运河河', nearMiss: '……将进一步增强市民保护湿地的自觉性。\n\n金文' },
  fixable: false,
  check(context) {
    const { model } = context;
    for (const ending of getTruncatedEndings(model)) {
      const atEnd = onlySpacesAfter(model.text, ending.fragment.end);
      const title = ending.article.headline?.text ?? context.t('this article', '本文');
      context.report({
        span: ending.fragment,
        message: atEnd
          ? context.t(`"${title}" stops mid-sentence at the end of the document; the rest of the story is missing.`, `《${title}》在文档末尾的句中断开，稿件后文缺失。`)
          : context.t(`"${title}" stops mid-sentence at its end; the rest of the story is missing.`, `《${title}》在结尾处句中断开，稿件后文缺失。`),
      });
    }
  },
};
