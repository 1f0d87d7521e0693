/**
 * broken-wrap: a prose paragraph that stops mid-sentence and goes on in the next paragraph, where a column or
 * page break of the printed page split it. Hit: `…采取个人自学与集中学习讨论相结合的方式进` followed by a
 * paragraph starting `行。会前，…`. Near miss: a headline, subheadline, byline, credit or section head never ends
 * with a full stop and is not a broken wrap; nor is a paragraph ending `：` that introduces the next.
 * The fix joins the two paragraphs: no space between CJK characters, one space between Latin words.
 */
import { isCJK, isCJKPunctuation } from '../chars';
import { getBrokenWraps } from '../wraps';
import { Fix, Rule } from './types';

/** The last code point of a text (a lone surrogate stands for itself), without spreading the text into an array. */
function lastCodePoint(text: string): string {
  const k = text.length - 1;
  if (k < 0) return '';
  const c = text.charCodeAt(k);
  const d = text.charCodeAt(k - 1);
  return c >= 0xdc00 && c <= 0xdfff && d >= 0xd800 && d <= 0xdbff ? text.slice(k - 1) : text[k];
}

/** What goes where the paragraph break was: nothing inside Chinese text, a space between Latin words. */
export function joinText(before: string, after: string): string {
  const last = lastCodePoint(before);
  const first = after.length > 0 ? String.fromCodePoint(after.codePointAt(0) as number) : '';
  if (last === '' || first === '') return '';
  const cjkSide = (ch: string) => isCJK(ch) || isCJKPunctuation(ch);
  if (cjkSide(last) || cjkSide(first)) return '';
  if (last === '-' && /[a-z]/.test(first)) return '';
  return ' ';
}

export const brokenWrap: Rule = {
  code: 'broken-wrap',
  defaultLevel: 'warning',
  // A wrap joins two blocks of one item: a unit's wraps lie in its own blocks.
  scope: 'blocks',
  summary: 'A paragraph that stops mid-sentence and goes on in the next paragraph.',
  description:
    'Flags a lede or body paragraph that ends without closing its sentence and is followed by another body paragraph of the same article: the text was split where a column or page of the printed edition ended. The fix joins the two paragraphs, with no space between Chinese characters and one space between Latin words. Headlines, subheadlines, bylines, credits and section heads are never flagged, nor is a paragraph that ends with a colon introducing the next.',
  example: {
    hit: '本报讯 天津市生态环境局党组每月设置一个学习专题，采取个人自学与集中学习讨论相结合的方式进\n\n行。会前，每位中心组成员都认真研读了原著。',
    nearMiss: '本报讯 南开区推进生态环境质量持续改善。\n\n坚持一个科学指引\n\n南开区始终坚持以习近平生态文明思想为科学指引。',
  },
  fixable: true,
  check(context) {
    const { model } = context;
    for (const wrap of getBrokenWraps(model)) {
      const before = model.text.slice(model.blocks[wrap.block].content.start, wrap.gap.start);
      const after = model.text.slice(wrap.gap.end, model.blocks[wrap.next].paragraph.span.end);
      const fragment = model.text.slice(wrap.fragment.start, wrap.fragment.end);
      const fix: Fix = {
        title: context.t('Join with the next paragraph', '与下一段合并'),
        edits: [{ span: wrap.gap, newText: joinText(before, after) }],
        safe: true,
      };
      context.report({
        span: wrap.fragment,
        message: context.t(
          `The paragraph stops mid-sentence ("${fragment.length > 12 ? '…' + fragment.slice(-12) : fragment}") and goes on in the next paragraph; join them.`,
          `本段在句中断开（“${fragment.length > 12 ? '…' + fragment.slice(-12) : fragment}”），下文接续在下一段，应合并。`,
        ),
        related: [{ span: model.blocks[wrap.next].paragraph.span, message: context.t('The sentence goes on here.', '句子在此接续。') }],
        fixes: [fix],
      });
    }
  },
};
