/**
 * figure-mismatch: a figure in the headline or a subheadline that the body states differently for the same
 * subject and unit. Hit: subheadline `总面积1240多公顷` over a body saying `总面积1340多公顷`. Near miss: a
 * headline `两大国家湿地公园` over a body with `两大国家湿地公园` (六座 and 6座, three and 3, are the same value),
 * and a body figure with another subject (`湿地面积700公顷`) is not compared at all.
 */
import { Claim, claimBounds, claimRounding, describeClaim, getArticleClaims } from '../claims';
import { subjectTokens } from '../subjects';
import { Rule } from './types';

/** Figures of the same unit whose qualifiers make them comparable: a target (不超过45) against a target. */
function comparable(h: Claim, b: Claim): boolean {
  if (h.unit !== b.unit) return false;
  if ((h.kind === 'rank') !== (b.kind === 'rank')) return false;
  const bound = (c: Claim) => (c.qualifier && c.qualifier.kind !== 'approximate' ? c.qualifier.kind : 'exact');
  return bound(h) === bound(b);
}

/** Subject tokens per claim for one run of the rule: each body figure is compared with every headline figure. */
type TokenCache = Map<Claim, string[]>;

function tokensOf(c: Claim, cache: TokenCache): string[] {
  let tokens = cache.get(c);
  if (!tokens) {
    tokens = subjectTokens(c.subject);
    cache.set(c, tokens);
  }
  return tokens;
}

/** Every word of the headline's subject is in the body's: 总面积 in 国家湿地公园总面积, PM2.5浓度 in PM2.5平均浓度. */
function coversSubject(h: Claim, b: Claim, cache: TokenCache): boolean {
  const x = tokensOf(h, cache);
  const y = tokensOf(b, cache);
  if (x.length < 2 && !x.some((t) => /[a-z]/.test(t))) return false;
  return x.every((t) => y.includes(t));
}

/** How far a headline may round: to its last written digit (5% over 5.2%), or to its trailing zeros (500 over 512). */
function headlineRounding(h: Claim): number {
  let step = 1;
  if (h.decimals === 0 && Number.isInteger(h.value) && h.value !== 0 && h.kind !== 'rank') {
    while (h.value % (step * 10) === 0) step *= 10;
  }
  return Math.max(claimRounding(h), step / 2);
}

/** Equal values, a headline that rounds the body (增长5% over 增长5.2%), or approximate figures that overlap. */
function agrees(h: Claim, b: Claim): boolean {
  if (Math.abs(h.value - b.value) <= headlineRounding(h) + 1e-9 * Math.max(1, Math.abs(h.value))) return true;
  const x = claimBounds(h);
  const y = claimBounds(b);
  const approximate = (c: Claim) => c.qualifier?.kind === 'approximate';
  if (!approximate(h) && !approximate(b)) return false;
  return x.low <= y.high && y.low <= x.high;
}

function checked(h: Claim): boolean {
  if (h.kind === 'date') return false;
  if (h.kind === 'count' && h.unit === '') return false;
  return h.subject.length > 0;
}

export const figureMismatch: Rule = {
  code: 'figure-mismatch',
  defaultLevel: 'warning',
  summary: 'A headline or subheadline figure that the body states differently.',
  description:
    'Compares each figure in a headline or subheadline with the body figures of the same unit whose subject contains the headline’s (总面积 in 国家湿地公园总面积). It reports when the body states the subject only with other values; 六座 and 6座, three and 3, and 1240多 against 1245 agree. Dates are not compared.',
  example: { hit: '总面积1340多公顷\n\n本报讯 两个湿地公园总面积1240多公顷。', nearMiss: '总面积1240多公顷\n\n本报讯 两个湿地公园总面积1240多公顷,其中湿地面积700公顷。' },
  fixable: false,
  check(context) {
    context.model.articles.forEach((_, a) => {
      const claims = getArticleClaims(context.model, a);
      const body = claims.filter((c) => c.role === 'body');
      const reported = new Set<Claim>();
      const tokens: TokenCache = new Map();
      for (const h of claims) {
        if (h.role === 'body' || !checked(h)) continue;
        const candidates = body.filter((b) => comparable(h, b) && coversSubject(h, b, tokens));
        if (candidates.length === 0 || candidates.some((b) => agrees(h, b))) continue;
        const b = candidates[0];
        if (reported.has(b)) continue;
        reported.add(b);
        const where = h.role === 'headline' ? context.t('the headline', '标题') : context.t('the subheadline', '副题');
        context.report({
          span: b.span,
          message: context.t(
            `The body says ${describeClaim(b)}, but ${where} says ${describeClaim(h)}.`,
            `正文称“${describeClaim(b)}”，${where}却是“${describeClaim(h)}”。`,
          ),
          related: [{ span: h.span, message: context.t(`${where}: ${h.text}`, `${where}：${h.text}`) }],
        });
      }
    });
  },
};
