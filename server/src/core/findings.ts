/**
 * Runs the rules over a model. Each rule runs in isolation: one that throws is reported in `failures` and the
 * others still report. Levels come from the configuration, suppression comments remove findings, and the
 * problem cap keeps a 10 MB archive from drowning the editor.
 */
import { NewsmarkConfig } from './config';
import { DocumentModel } from './model';
import { RULES } from './rules';
import { Finding, Fix, Level, Report, RelatedInformation, Rule, RuleContext, Severity } from './rules/types';
import { computeSuppressions } from './suppressions';

export interface RuleFailure {
  code: string;
  message: string;
}

export interface FindingsResult {
  findings: Finding[];
  failures: RuleFailure[];
  /** Findings left out by the problem cap. */
  omitted: number;
}

/**
 * One frozen empty list for every finding without related information or fixes: a year of pages has a hundred
 * thousand findings, and an empty array each is memory and collection time for nothing.
 */
const NO_RELATED: RelatedInformation[] = Object.freeze([]) as unknown as RelatedInformation[];
const NO_FIXES: Fix[] = Object.freeze([]) as unknown as Fix[];

export function levelOf(rule: Rule, config: NewsmarkConfig): Level {
  return config.rules[rule.code]?.level ?? rule.defaultLevel;
}

export function computeFindings(model: DocumentModel, config: NewsmarkConfig, rules: readonly Rule[] = RULES): FindingsResult {
  const { findings, failures } = runRules(model, config, rules);
  return settleFindings(model, config, findings, failures);
}

/** Runs the rules on a model (or on one article's view of it): findings at their levels, before suppression and the cap. */
export function runRules(model: DocumentModel, config: NewsmarkConfig, rules: readonly Rule[]): { findings: Finding[]; failures: RuleFailure[] } {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    const level = levelOf(rule, config);
    if (level === 'off') continue;
    const severity: Severity = level;
    const found: Finding[] = [];
    const context: RuleContext = {
      model,
      options: config.rules[rule.code]?.options ?? {},
      locale: config.locale,
      t: (en, zh) => (config.locale === 'zh-cn' ? zh : en),
      report(r: Report) {
        found.push({ code: rule.code, severity, message: r.message, span: r.span, related: r.related ?? NO_RELATED, fixes: r.fixes ?? NO_FIXES });
      },
    };
    try {
      rule.check(context);
    } catch (e) {
      failures.push({ code: rule.code, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    // A loop, not push(...found): a hostile page can yield more findings than the call stack takes arguments.
    for (const f of found) findings.push(f);
  }
  return { findings, failures };
}

/** Suppression comments, page order and the problem cap, over the findings of the whole document. */
export function settleFindings(model: DocumentModel, config: NewsmarkConfig, found: readonly Finding[], failures: RuleFailure[]): FindingsResult {
  const suppressions = computeSuppressions(model);
  const findings = found.filter((f) => !suppressions.isSuppressed(f.code, f.span.start));
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  let omitted = 0;
  if (config.maxProblems > 0 && findings.length > config.maxProblems) {
    omitted = findings.length - config.maxProblems;
    findings.length = config.maxProblems;
  }
  return { findings, failures, omitted };
}
