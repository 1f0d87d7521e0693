/**
 * count-mismatch: a stated count that disagrees with the list it announces — a "four-point plan" that lists
 * three points. Hit: `从学史明理、学史增信、学史崇德、学史力行五方面` (four items, five stated). Near miss:
 * `健全了调度响应、领导协调、协商减排、整改处置四项机制` followed by 一是…四是… agrees, and an open list
 * (`大气、水、土壤等三项`, `three goals, including …`) is never counted.
 */
import { isRegExpSpaceCode } from '../chars';
import { Claim, getArticleClaims } from '../claims';
import { getListEvidence, isListCount, ListEvidence } from '../enumerations';
import { Rule } from './types';

const FORM_EN: Record<ListEvidence['form'], string> = { before: 'before it', after: 'after it', clauses: 'in the numbered clauses after it' };
const FORM_ZH: Record<ListEvidence['form'], string> = { before: '前面列举', after: '后面列举', clauses: '后面分条列出' };

const PREVIEW_LENGTH = 40;

/**
 * The list as the message quotes it: runs of whitespace as one space, trimmed, cut after 40 code points with an
 * ellipsis. Read from the start only as far as the cut: a list can run to the end of a 4 MB paragraph without a
 * sentence end, and flattening all of it for each of its counts made a hostile page take seconds.
 */
function preview(text: string): string {
  let out = '';
  let points = 0;
  let space = false;
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i) as number;
    const units = c > 0xffff ? 2 : 1;
    if (isRegExpSpaceCode(c)) {
      // Leading whitespace is trimmed; a run inside is one space, written only when something follows it.
      space = points > 0;
      i++;
      continue;
    }
    if (space) {
      if (points === PREVIEW_LENGTH) return out + '…';
      out += ' ';
      points++;
      space = false;
    }
    if (points === PREVIEW_LENGTH) return out + '…';
    out += units === 1 ? text[i] : text.slice(i, i + 2);
    points++;
    i += units;
  }
  return out;
}

/** The count with the noun that follows it, as the reader sees it: 四项机制, “三德”, four priorities. */
function statedCount(claim: Claim): string {
  const text = claim.prose.text;
  let end = claim.at.end;
  if (/^[”"]/.test(text.slice(end))) end++;
  if (claim.subject && text.startsWith(claim.subject, end)) return text.slice(claim.at.start, end + claim.subject.length);
  const word = /^\s?[A-Za-z]+/.exec(text.slice(claim.at.end));
  return word ? text.slice(claim.at.start, claim.at.end + word[0].length) : claim.text;
}

export const countMismatch: Rule = {
  code: 'count-mismatch',
  defaultLevel: 'warning',
  summary: 'A stated count that disagrees with the items listed with it.',
  description:
    'Compares a count (四方面, 三大道理, “三个行动”, four priorities) with the list it announces: items before it joined by 、, items after a colon joined by 、 , ; 和 及 and/or, or numbered clauses (一是…二是…). A list is counted every reasonable way (和 may join two items or sit inside one); the rule only reports when no reading agrees. Open lists (等, such as, including) are not counted.',
  example: { hit: '从学史明理、学史增信、学史崇德、学史力行五方面谈了体会。', nearMiss: '从学史明理、学史增信、学史崇德、学史力行四方面谈了体会。' },
  fixable: false,
  check(context) {
    context.model.articles.forEach((_, a) => {
      const claims = getArticleClaims(context.model, a);
      const counts = claims.filter(isListCount);
      for (let k = 0; k < counts.length; k++) {
        const claim = counts[k];
        const evidence = getListEvidence(claim, counts[k + 1] ?? null);
        if (evidence.length === 0) continue;
        if (evidence.some((e) => e.readings.includes(claim.value))) continue;
        const e = evidence[0];
        const listSpan = claim.prose.spanOf(e.start, e.end);
        const items = preview(e.preview);
        const stated = statedCount(claim);
        context.report({
          span: claim.span,
          message: context.t(
            `"${stated}" says ${claim.value}, but ${e.items} item${e.items === 1 ? ' is' : 's are'} listed ${FORM_EN[e.form]}: ${items}`,
            `“${stated}”说是${claim.value}项，但${FORM_ZH[e.form]}的是${e.items}项：${items}`,
          ),
          related: [{ span: listSpan, message: context.t(`the list: ${e.items} item${e.items === 1 ? '' : 's'}`, `所列${e.items}项`) }],
        });
      }
    });
  },
};
