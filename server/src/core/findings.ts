/**
 * Runs the rules over a model. Each rule runs in isolation: one that throws is reported in `failures` and the
 * others still report. Levels come from the configuration, suppression comments remove findings, and the
 * problem cap keeps a 10 MB archive from drowning the editor.
 */
import { NewsmarkConfig } from './config';
import { DocumentModel } from './model';
import { Paragraph } from './paragraphs';
import { RULES } from './rules';
import { Finding, Fix, Level, Locale, Replacement, Report, RelatedInformation, Rule, RuleContext, Severity } from './rules/types';
import { computeSuppressions, Suppressions } from './suppressions';
import { Span } from './text';

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

/**
 * A finding's span: the one reported, unless it is a paragraph (a paragraph is its own span, see `Paragraph`), whose
 * offsets are then copied, so that a finding, its JSON and its comparisons hold a span and nothing more.
 */
function spanOf(span: Span): Span {
  return span instanceof Paragraph ? { start: span.start, end: span.end } : span;
}

/** Related entries whose spans are spans (see `spanOf`): the same list unless one of them is a paragraph. */
function relatedOf(related: RelatedInformation[]): RelatedInformation[] {
  return related.some((r) => r.span instanceof Paragraph) ? related.map((r) => ({ ...r, span: spanOf(r.span) })) : related;
}

/**
 * A finding as a rule reported it. Its `replacement`, if any, is made into its first fix by `handOut`, which every
 * path that gives findings out of the core calls (`settleFindings`, and the incremental findings' settle and
 * `findingsAround`); a handed-out finding's `replacement` is null, so that all of them have the same fields.
 */
export interface ReportedFinding extends Finding {
  replacement: Replacement | null;
}

/** Makes a reported finding's replacement into its first fix, in place (the finding keeps its identity). */
export function handOut(f: ReportedFinding): Finding {
  const r = f.replacement;
  if (r !== null) {
    const fix: Fix = { title: r.title, edits: [{ span: { start: f.span.start, end: f.span.end }, newText: r.newText }], safe: r.safe };
    f.fixes = f.fixes.length === 0 ? [fix] : [fix, ...f.fixes];
    f.replacement = null;
  }
  return f;
}

export function levelOf(rule: Rule, config: NewsmarkConfig): Level {
  return config.rules[rule.code]?.level ?? rule.defaultLevel;
}

export function computeFindings(model: DocumentModel, config: NewsmarkConfig, rules: readonly Rule[] = RULES): FindingsResult {
  const cap = config.maxProblems;
  if (cap <= 0) {
    const { findings, failures } = runRules(model, config, rules);
    return settleFindings(model, config, findings, failures);
  }
  // What `settleFindings` gives, with the cap applied per rule while it reports (see FirstFindings): the first `cap`
  // of all rules are among the first `cap` of each.
  const suppressions = computeSuppressions(model);
  const gates: FirstFindings[] = [];
  const { findings, failures } = runRules(model, config, rules, (rule) => {
    const first = new FirstFindings(cap, rule.code, suppressions);
    gates.push(first);
    return first;
  });
  findings.sort(byPosition);
  if (findings.length > cap) findings.length = cap;
  for (const f of findings) handOut(f);
  let total = 0;
  for (const first of gates) total += first.total;
  return { findings, failures, omitted: total - findings.length };
}

/** Runs the rules on a model (or on one article's view of it): findings at their levels, before suppression and the cap. */
export function runRules(
  model: DocumentModel,
  config: NewsmarkConfig,
  rules: readonly Rule[],
  gateOf: (rule: Rule) => ReportGate | null = () => null,
): { findings: ReportedFinding[]; failures: RuleFailure[] } {
  const findings: ReportedFinding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    if (levelOf(rule, config) === 'off') continue;
    const outcome = runRule(model, config, rule, undefined, gateOf(rule));
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
 * Decides, report by report, which of a rule's reports are made into findings: the problem cap applied while the
 * rule reports (`FirstFindings`), or only counting them (a unit of the page past the cap, `core/incrementalFindings.ts`).
 */
export interface ReportGate {
  admits(start: number, end: number): boolean;
  /** After an admitted report was added to `findings` (the rule's, in report order). */
  added(findings: ReportedFinding[]): void;
  /** The rule threw: what it reported is dropped. */
  dropped(): void;
}

/**
 * Runs one rule that is not off, in isolation: `run` is given the rule's context (its level, options and the display
 * language) and calls the rule (`check` by default; item-comparing rules call `compare`). A rule that throws is a
 * failure, and what it reported before is dropped.
 */
export function runRule(
  model: DocumentModel,
  config: NewsmarkConfig,
  rule: Rule,
  run: (context: RuleContext) => void = (c) => rule.check(c),
  gate: ReportGate | null = null,
): { findings: ReportedFinding[] } | { failure: RuleFailure } {
  const context = new RuleRun(model, config, rule, gate);
  try {
    run(context);
  } catch (e) {
    gate?.dropped();
    return { failure: { code: rule.code, message: e instanceof Error ? e.message : String(e) } };
  }
  return { findings: context.findings };
}

const inEnglish = (en: string): string => en;
const inChinese = (_en: string, zh: string): string => zh;

/**
 * A rule's context for one run: its methods on the class, not closures made per run, for the server runs every rule
 * on every unit of a page it opens (3,282 units and 15 rules on a year of pages). `t` is a plain function, which a
 * rule may take out of the context.
 */
class RuleRun implements RuleContext {
  readonly findings: ReportedFinding[] = [];
  readonly options: Readonly<Record<string, unknown>>;
  readonly locale: Locale;
  readonly t: (en: string, zh: string) => string;
  private readonly severity: Severity;

  constructor(
    readonly model: DocumentModel,
    config: NewsmarkConfig,
    private readonly rule: Rule,
    private readonly gate: ReportGate | null,
  ) {
    this.options = config.rules[rule.code]?.options ?? {};
    this.locale = config.locale;
    this.t = config.locale === 'zh-cn' ? inChinese : inEnglish;
    this.severity = levelOf(rule, config) as Severity;
  }

  report(r: Report): void {
    const gate = this.gate;
    if (gate !== null && !gate.admits(r.span.start, r.span.end)) return;
    this.findings.push({ code: this.rule.code, severity: this.severity, message: r.message, span: spanOf(r.span), related: r.related ? relatedOf(r.related) : NO_RELATED, fixes: r.fixes ?? NO_FIXES, replacement: r.replacement ?? null });
    if (gate !== null) gate.added(this.findings);
  }

  reportReplacement(start: number, end: number, message: string, replacement: Replacement): void {
    const gate = this.gate;
    if (gate !== null && !gate.admits(start, end)) return;
    this.findings.push({ code: this.rule.code, severity: this.severity, message, span: { start, end }, related: NO_RELATED, fixes: NO_FIXES, replacement });
    if (gate !== null) gate.added(this.findings);
  }
}

/**
 * Page order of findings: by start, then end, then rule code (codes compared as code units: `localeCompare` would
 * load ICU's collation data into the server, 2.2 MB of Node's executable, for codes that are ASCII).
 */
export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Suppression comments, page order and the problem cap, over the findings of the whole document. */
export function settleFindings(model: DocumentModel, config: NewsmarkConfig, found: readonly ReportedFinding[], failures: RuleFailure[]): FindingsResult {
  const suppressions = computeSuppressions(model);
  // Without a directive on the page nothing is suppressed: the findings are not asked about one by one.
  const findings = suppressions.isEmpty() ? [...found] : found.filter((f) => !suppressions.isSuppressed(f.code, f.span.start));
  findings.sort(byPosition);
  let omitted = 0;
  if (config.maxProblems > 0 && findings.length > config.maxProblems) {
    omitted = findings.length - config.maxProblems;
    findings.length = config.maxProblems;
  }
  for (const f of findings) handOut(f);
  return { findings, failures, omitted };
}

/**
 * The problem cap applied while a rule reports, instead of after. A page of extracted text has fifteen thousand
 * ASCII commas per megabyte, and the cap shows the first thousand findings in page order: made into objects and
 * held until the end, the others were most of what the rules phase kept alive, and so most of its collection
 * time. A rule's reports mostly come in page order, so once a rule has reported twice the cap, its findings are
 * sorted and cut to the cap; a later report that sorts after the last kept one is only counted.
 */
export class FirstFindings implements ReportGate {
  /** Reports not suppressed, kept or not. */
  total = 0;
  /** The span of the last finding kept, once the findings have been cut to the cap. */
  private last: Span | null = null;
  private readonly anySuppressed: boolean;

  constructor(
    readonly cap: number,
    private readonly code: string,
    private readonly suppressions: Suppressions,
  ) {
    this.anySuppressed = !suppressions.isEmpty();
  }

  /**
   * Whether a report at `[start, end)` is to be made into a finding; it is counted if it is not suppressed. All of a
   * rule's findings have its code, and a later report sorts after an earlier one at the same span (the sort is
   * stable), so one at or after the last kept span cannot be among the first `cap`.
   */
  admits(start: number, end: number): boolean {
    if (this.anySuppressed && this.suppressions.isSuppressed(this.code, start)) return false;
    this.total++;
    const last = this.last;
    return last === null || start < last.start || (start === last.start && end < last.end);
  }

  /** Cuts `findings` (this rule's, in report order) to the first `cap` in page order, when they are twice that. */
  added(findings: ReportedFinding[]): void {
    if (findings.length < 2 * this.cap) return;
    findings.sort(byPosition);
    findings.length = this.cap;
    const last = findings[this.cap - 1].span;
    this.last = { start: last.start, end: last.end };
  }

  /** A rule that throws is a failure: none of its reports is counted. */
  dropped(): void {
    this.total = 0;
  }
}
