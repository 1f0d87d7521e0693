/**
 * sum-mismatch: listed parts said to make up a total that they do not add up to, beyond rounding. Hit:
 * `州河湿地公园500公顷、环秀湖湿地公园640公顷,共计1240公顷` (1140, not 1240). Near miss: the same with 740公顷,
 * `新增5家,累计70家` (a running total, not a sum of the listed figures) and parts under 其中, which need not
 * cover the whole.
 */
import { Claim, claimRounding, getArticleClaims } from '../claims';
import { Rule } from './types';

/** Words that say the figure after them is the sum of the figures before. */
const TOTAL_AFTER = /(共计|合计|总计|一共|总共|共有|共|for a total of|a total of|totaling|totalling|in total|combined|altogether)[^,，。;；\n\d]{0,6}$/i;
/** Words that say the figures after them are the parts of the figure before. */
const PARTS_AFTER = /^[^。;；\n\d]{0,12}(分别为|分别是|分别有|分别达|respectively)/i;
const SENTENCE_END = /[。！？!?\n]|\.\s/;
const RUNNING = /新增|增加|新建|added|new|more/i;
/** Most parts one sentence lists; the bound keeps huge pages linear. */
const MAX_PARTS = 24;

function summable(c: Claim): boolean {
  return (c.kind === 'count' || c.kind === 'quantity' || c.kind === 'money') && !c.qualifier && c.unit !== '';
}

function sameSentence(text: string, from: number, to: number): boolean {
  return !SENTENCE_END.test(text.slice(from, to));
}

/**
 * How two neighbouring parts are joined. In Chinese 、 and 和 join items of one list while a comma starts a new
 * clause (公园总面积1240公顷,今年修复湿地4.4公顷、恢复植被18公顷), so a list does not run across a comma; in
 * English commas and "and" both join items.
 */
function joint(text: string, english: boolean): 'item' | 'clause' {
  if (/[;；]/.test(text)) return 'clause';
  if (english) return 'item';
  return /[,，]/.test(text) ? 'clause' : 'item';
}

function isEnglish(c: Claim): boolean {
  return c.script === 'english' || /[A-Za-z]/.test(c.text);
}

/** Parts before a total: `A 500公顷、B 740公顷,共计1240公顷`, one list of one unit, stopping at another unit. */
function partsBefore(claims: readonly Claim[], index: number): Claim[] {
  const total = claims[index];
  const text = total.prose.text;
  const lead = text.slice(Math.max(0, total.at.start - 30), total.at.start);
  if (!TOTAL_AFTER.test(lead)) return [];
  const parts: Claim[] = [];
  let kind: 'item' | 'clause' | null = null;
  for (let k = index - 1; k >= Math.max(0, index - MAX_PARTS); k--) {
    const c = claims[k];
    if (c.prose !== total.prose || !sameSentence(text, c.at.end, total.at.start)) break;
    if (c.unit !== total.unit || !summable(c)) break;
    if (parts.length > 0) {
      const j = joint(text.slice(c.at.end, parts[0].at.start), isEnglish(total));
      if (kind !== null && j !== kind) break;
      kind = j;
    }
    parts.unshift(c);
  }
  if (parts.length < 2) return [];
  if (RUNNING.test(text.slice(Math.max(0, parts[0].at.start - 8), total.at.start))) return [];
  return parts;
}

/** Parts after a total with 分别为: `总面积1240公顷,分别为500公顷和740公顷`. */
function partsAfter(claims: readonly Claim[], index: number): Claim[] {
  const total = claims[index];
  const text = total.prose.text;
  if (!PARTS_AFTER.test(text.slice(total.at.end, total.at.end + 24))) return [];
  const parts: Claim[] = [];
  for (const c of claims.slice(index + 1, index + 1 + MAX_PARTS)) {
    if (c.prose !== total.prose || !sameSentence(text, total.at.end, c.at.start)) break;
    if (c.unit !== total.unit || !summable(c)) break;
    if (parts.length > 0 && joint(text.slice(parts[parts.length - 1].at.end, c.at.start), isEnglish(total)) === 'clause') break;
    parts.push(c);
  }
  return parts.length >= 2 ? parts : [];
}

export const sumMismatch: Rule = {
  code: 'sum-mismatch',
  defaultLevel: 'warning',
  summary: 'Listed parts that do not add up to the stated total.',
  description:
    'Adds up figures of one unit that a sentence says make up a total (A 500公顷、B 740公顷,共计1240公顷; 总面积1240公顷,分别为…; 30 in X and 40 in Y, for a total of 70) and reports a sum that differs from the total by more than the rounding of the written figures. Approximate figures (多, 约, about) and running totals (新增…累计) are not added up.',
  example: { hit: '州河湿地公园500公顷、环秀湖湿地公园640公顷,共计1240公顷。', nearMiss: '州河湿地公园500公顷、环秀湖湿地公园740公顷,共计1240公顷。' },
  fixable: false,
  check(context) {
    context.model.articles.forEach((_, a) => {
      const claims = getArticleClaims(context.model, a);
      claims.forEach((total, k) => {
        if (!summable(total)) return;
        const parts = partsBefore(claims, k);
        const listed = parts.length > 0 ? parts : partsAfter(claims, k);
        if (listed.length === 0) return;
        const sum = listed.reduce((s, c) => s + c.value, 0);
        const tolerance = listed.reduce((s, c) => s + claimRounding(c), claimRounding(total));
        if (Math.abs(sum - total.value) <= tolerance) return;
        const shown = listed.map((c) => c.text).join(' + ');
        context.report({
          span: total.span,
          message: context.t(
            `${shown} adds up to ${formatSum(sum)}, not the stated total ${total.text}.`,
            `${shown}合计为${formatSum(sum)}${total.unit}，与所称总数“${total.text}”不符。`,
          ),
          related: listed.map((c) => ({ span: c.span, message: context.t(`part: ${c.text}`, `分项：${c.text}`) })),
        });
      });
    });
  },
};

function formatSum(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}
