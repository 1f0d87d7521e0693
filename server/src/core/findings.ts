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
    if (levelOf(rule, config) === 'off') continue;
    const outcome = runRule(model, config, rule);
    if ('failure' in outcome) {
      failures.push(outcome.failure);
      continue;
    }
    // A loop, not push(...found): a hostile page can yield more findings than the call stack takes arguments.
    for (const f of outcome.findings) findings.push(f);
  }
  return { findings, failures };
}

/**
 * Runs one rule that is not off, in isolation: `run` is given the rule's context (its level, options and the display
 * language) and calls the rule (`check` by default; item-comparing rules call `compare`). A rule that throws is a
 * failure, and what it reported before is dropped.
 */
export function runRule(model: DocumentModel, config: NewsmarkConfig, rule: Rule, run: (context: RuleContext) => void = (c) => rule.check(c)): { findings: Finding[] } | { failure: RuleFailure } {
  const severity = levelOf(rule, config) as Severity;
  const findings: Finding[] = [];
  const context: RuleContext = {
    model,
    options: config.rules[rule.code]?.options ?? {},
    locale: config.locale,
    t: (en, zh) => (config.locale === 'zh-cn' ? zh : en),
    report(r: Report) {
      findings.push({ code: rule.code, severity, message: r.message, span: r.span, related: r.related ?? NO_RELATED, fixes: r.fixes ?? NO_FIXES });
    },
  };
  try {
    run(context);
  } catch (e) {
    return { failure: { code: rule.code, message: e instanceof Error ? e.message : String(e) } };
  }
  return { findings };
}

/** Page order of findings: by start, then end, then rule code. */
export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code);
}

/** Suppression comments, page order and the problem cap, over the findings of the whole document. */
export function settleFindings(model: DocumentModel, config: NewsmarkConfig, found: readonly Finding[], failures: RuleFailure[]): FindingsResult {
  const suppressions = computeSuppressions(model);
  // Without a directive on the page nothing is suppressed: the findings are not asked about one by one.
  const findings = suppressions.isEmpty() ? [...found] : found.filter((f) => !suppressions.isSuppressed(f.code, f.span.start));
  findings.sort(byPosition);
  let omitted = 0;
  if (config.maxProblems > 0 && findings.length > config.maxProblems) {
    omitted = findings.length - config.maxProblems;
    findings.length = config.maxProblems;
  }
  return { findings, failures, omitted };
}
