/** Helpers for rule tests: run one rule over an inline text, and apply a finding's fix to the text. */
import { defaultConfig, NewsmarkConfig } from '../../server/src/core/config';
import { computeDocumentModel } from '../../server/src/core/documentModel';
import { computeFindings } from '../../server/src/core/findings';
import { applyEdits } from '../../server/src/core/fixes';
import { findRule } from '../../server/src/core/rules';
import { Finding } from '../../server/src/core/rules/types';

export function findingsOf(text: string, code: string, config: NewsmarkConfig = defaultConfig()): Finding[] {
  const rule = findRule(code);
  if (!rule) throw new Error(`no rule ${code}`);
  return computeFindings(computeDocumentModel(text), { ...config, maxProblems: 0 }, [rule]).findings;
}

/** The text after applying fix `index` of `finding`. */
export function applyFix(text: string, finding: Finding, index = 0): string {
  const fix = finding.fixes[index];
  if (!fix) throw new Error(`finding "${finding.message}" has no fix ${index}`);
  return applyEdits(text, fix.edits);
}

/** The text a finding's span covers. */
export function flagged(text: string, finding: Finding): string {
  return text.slice(finding.span.start, finding.span.end);
}
