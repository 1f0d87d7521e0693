/**
 * Hover on a figure: what Newsmark read there (value, unit, kind, qualifier, subject) and where else the
 * article mentions the same subject, so a proofreader can check a figure without searching the page.
 */
import { Claim, getClaimAt, getRelatedMentions } from '../core/claims';
import { DocumentModel } from '../core/model';
import { unitViewAt } from '../core/ruleScope';
import { groupThousands } from '../core/thousands';
import type { HoverProvider } from './hover';

const KIND: Record<Claim['kind'], string> = {
  count: 'count',
  quantity: 'quantity',
  percent: 'percentage',
  money: 'money',
  date: 'year or date',
  rank: 'rank',
};

const QUALIFIER: Record<NonNullable<Claim['qualifier']>['kind'], string> = {
  approximate: 'approximate',
  atLeast: 'at least',
  atMost: 'at most',
};

function formatValue(n: number): string {
  return Number.isInteger(n) ? groupThousands(n) : String(Math.round(n * 1e6) / 1e6);
}

/** Markdown special characters in document text would otherwise format the hover. */
function code(text: string): string {
  return '`' + text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ') + '`';
}

export function getFigureHover(model: DocumentModel, offset: number): { markdown: string; span: { start: number; end: number } } | null {
  // Claims of the article under the cursor only: in a year of pages, reading every article's figures would take long.
  const view = unitViewAt(model, offset);
  const claim = getClaimAt(view, offset);
  if (!claim) return null;
  const lines = [`**Figure** ${code(claim.text)}`, ''];
  const qualifier = claim.qualifier ? ` (${QUALIFIER[claim.qualifier.kind]}: ${claim.qualifier.text})` : '';
  lines.push(`- value: ${formatValue(claim.value)}${qualifier}`);
  lines.push(`- unit: ${claim.unit ? code(claim.unit) : 'none'} · ${KIND[claim.kind]}`);
  if (claim.subject) lines.push(`- subject: ${code(claim.subject)}`);
  const related = getRelatedMentions(view, claim);
  if (related.length > 0) {
    lines.push('', `Other mentions in this article (${related.length}):`);
    for (const r of related.slice(0, 8)) lines.push(`- line ${model.lines.positionAt(r.span.start).line + 1}: ${code(r.text)}${r.subject ? ' — ' + code(r.subject) : ''}`);
    if (related.length > 8) lines.push(`- … and ${related.length - 8} more`);
  }
  return { markdown: lines.join('\n'), span: claim.span };
}

export const figureHover: HoverProvider = getFigureHover;
