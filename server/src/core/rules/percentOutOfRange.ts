/**
 * percent-out-of-range: a share, ratio or rate (比例, 占, 覆盖率, 利用率, share of, percent of) above 100% or below
 * 0. Hit: `全区地表水优良水体比例要达到175%`. Near miss: `污染地块安全利用率保持100%`, and growth (`同比增长150%`,
 * `sales rose 120%`), which may exceed 100% and is never flagged.
 */
import { getClaims } from '../claims';
import { Rule } from './types';

const SHARE = /比例|占比|占|比重|份额|覆盖率|利用率|达标率|优良率|合格率|普及率|满意率|参与率|入学率|使用率|处置率|回收率|收集率|治理率|完好率|知晓率|\bshare\b|proportion|percent of (all|the)|accounted for|\bof all\b|of the total/i;
const GROWTH = /增长|增加|增幅|增速|提高|提升|上升|上涨|涨|下降|降低|减少|降幅|同比|环比|翻|完成|超额|growth|grew|rose|rise|increase|jump|climb|fell|drop|decline|gain|surge|soar|\bup\b|\bdown\b|higher|lower|more than|less than/i;
const CLAUSE = /[,，。;；:：!！?？\n]/;

export const percentOutOfRange: Rule = {
  code: 'percent-out-of-range',
  defaultLevel: 'warning',
  summary: 'A share or rate above 100% or below 0.',
  description:
    'Reports a percentage above 100 or below 0 in a clause that makes it a share of something (比例, 占, 比重, 覆盖率, 利用率, share of, accounted for). A growth rate or a change (增长, 同比, 提高, rose, up) may exceed 100% and is never reported.',
  example: { hit: '全区地表水优良水体比例要达到175%。', nearMiss: '全区工业产值同比增长150%。' },
  fixable: false,
  check(context) {
    for (const claim of getClaims(context.model)) {
      if (claim.unit !== '%' || (claim.value <= 100 && claim.value >= 0)) continue;
      const text = claim.prose.text;
      let from = claim.at.start;
      while (from > Math.max(0, claim.at.start - 60) && !CLAUSE.test(text[from - 1])) from--;
      const clause = text.slice(from, claim.at.start) + ' ' + text.slice(claim.at.end, claim.at.end + 16).split(CLAUSE)[0];
      if (!SHARE.test(clause) || GROWTH.test(clause.replace(/made up|makes up|make up/gi, ''))) continue;
      const limit = claim.value > 100 ? '100%' : '0%';
      context.report({
        span: claim.span,
        message: context.t(
          `${claim.subject || 'A share'} ${claim.text} is ${claim.value > 100 ? 'above' : 'below'} ${limit}: a share or rate lies between 0% and 100%.`,
          `${claim.subject || '比例'}“${claim.text}”${claim.value > 100 ? '超过' : '低于'}${limit}，比例或比率应在0%至100%之间。`,
        ),
        related: [],
      });
    }
  },
};
