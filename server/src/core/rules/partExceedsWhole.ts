/**
 * part-exceeds-whole: a part (其中, 包括, of which, including) larger than the whole it belongs to, in the same
 * unit. Hit: `总面积1240多公顷,其中湿地面积1300公顷`. Near miss: `总面积1240多公顷,其中湿地面积700公顷`, and
 * rates (`增长20%,其中…增长35%`), where a part may well grow faster than the whole.
 */
import { Claim, claimBounds, describeClaim, getArticleClaims } from '../claims';
import { Rule } from './types';

const PART_MARKER = /其中|包括|of which|of them|among them|including/i;
const SENTENCE_END = /[。！？!?\n]|\.\s/;
/** Most figures between a part and its whole: a sentence lists a few, and a bound keeps huge pages linear. */
const MAX_LIST = 24;

function measurable(c: Claim): boolean {
  return c.kind === 'count' || c.kind === 'quantity' || c.kind === 'money';
}

/**
 * The whole a part belongs to: the nearest figure of the same unit before the part marker, in the same sentence.
 * Earlier parts of the same list (其中A 500公顷、B 800公顷) lead back to it; a figure of another unit in between
 * (…,宣教长廊20米,滨岸植被带恢复18公顷) means the list has ended and this figure is no part of that whole.
 */
function wholeOf(claims: readonly Claim[], index: number): Claim | null {
  const part = claims[index];
  const text = part.prose.text;
  let current = part;
  for (let k = index - 1; k >= Math.max(0, index - MAX_LIST); k--) {
    const w = claims[k];
    if (w.prose !== part.prose) continue;
    const between = text.slice(w.at.end, current.at.start);
    if (SENTENCE_END.test(between)) return null;
    const unitMatches = w.unit === part.unit || (part.unit === '' && part.script !== 'chinese' && w.kind === 'count');
    if (!unitMatches || !measurable(w)) return null;
    if (PART_MARKER.test(between)) return w;
    current = w;
  }
  return null;
}

export const partExceedsWhole: Rule = {
  code: 'part-exceeds-whole',
  defaultLevel: 'warning',
  summary: 'A part (其中, of which) larger than its whole.',
  description:
    'Finds a whole and a part introduced by 其中, 包括, of which or including in the same sentence and unit, and reports a part larger than the whole. Qualifiers are honoured: 1240多公顷 allows up to 1250, 约100 up to 110, and a whole stated as a lower bound (超过, 以上, more than) is never exceeded. Percentages are not compared, since a part may grow faster than the whole.',
  example: { hit: '总面积1240多公顷,其中湿地面积1300公顷。', nearMiss: '总面积1240多公顷,其中湿地面积700公顷。' },
  fixable: false,
  check(context) {
    context.model.articles.forEach((_, a) => {
      const claims = getArticleClaims(context.model, a);
      claims.forEach((part, k) => {
        if (!measurable(part) || part.qualifier?.kind === 'atMost') return;
        const whole = wholeOf(claims, k);
        if (!whole) return;
        const high = claimBounds(whole).high;
        const low = part.qualifier?.kind === 'approximate' ? claimBounds(part).low : part.value;
        if (!(low > high * (1 + 1e-9))) return;
        context.report({
          span: part.span,
          message: context.t(
            `The part ${describeClaim(part)} is larger than the whole ${describeClaim(whole)}.`,
            `部分“${describeClaim(part)}”大于总数“${describeClaim(whole)}”。`,
          ),
          related: [{ span: whole.span, message: context.t(`the whole: ${whole.text}`, `总数：${whole.text}`) }],
        });
      });
    });
  },
};
