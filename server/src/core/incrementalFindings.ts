/**
 * Findings kept per unit of the page (an item and the blocks after it, see `core/ruleScope.ts`), so that after an
 * edit only the units it touches are checked again. Rules scoped to articles or blocks run on each unit's view;
 * their findings for units an incremental model update carried over are reused. A kept unit's findings are not
 * rewritten when the text before it grows or shrinks: the unit records how far it has moved, and only the findings
 * that are handed out are moved — in a year of pages that is the first `maxProblems` of a hundred thousand.
 * Rules that compare items keep a summary per unit and compare the summaries; `'document'` rules run on the whole
 * model every time. Suppressions, page order and the problem cap are applied to the whole document, exactly as
 * `computeFindings` does, so both give the same result (a unit test holds them to it).
 */
import { NewsmarkConfig } from './config';
import { isWhole } from './pieceText';
import { byPosition, handOut, RuleFailure, FindingsResult, levelOf, ReportedFinding, ReportGate, runRule, runRules, settleFindings } from './findings';
import { KeptItems } from './incrementalModel';
import { DocumentModel } from './model';
import { unitAt, unitCount, unitStart, withUnitView } from './ruleScope';
import { RULES } from './rules';
import { ComparisonMemo, Finding, Rule } from './rules/types';
import { computeSuppressions, Suppressions } from './suppressions';
import { Span } from './text';

interface UnitFindings {
  /**
   * In page order, at the offsets of the text they were found in; `FindingsState.moved` says how far the unit
   * has moved since, to give today's offsets. Null
   * once dropped: a unit far past the problem cap keeps only `starts` and `codes` (enough to count its findings
   * under suppression comments) and is checked again if its findings are ever asked for — in a year of pages that
   * is a hundred thousand findings nobody is shown, which would otherwise hold most of the server's memory.
   */
  findings: ReportedFinding[] | null;
  /**
   * How far the spans of `findings` have been moved in place since they were made: today's offsets are theirs moved
   * by `FindingsState.moved` less this. Findings handed out are moved in place, so that a finding keeps its identity
   * from keystroke to keystroke (and with it its diagnostic, see features/diagnostics.ts) while text above it grows.
   */
  applied: number;
  /**
   * Start offset and rule (index into `FindingsState.codes`) of each finding, at the same offsets as `findings`: the
   * starts first, then the rules (`markCount`, `markStart`, `markCode`). One typed array, not two: each costs its
   * object and its buffer's object besides its bytes, and a year of pages keeps 3,282 units (in process 0.9 MB of
   * heap less with one, for 0.4 MB more of buffers, the rules taking four bytes each instead of two).
   */
  marks: Int32Array;
  /** The unit's rule failures; `NO_FAILURES` (shared) for none, as nearly every unit has. */
  failures: readonly RuleFailure[];
  /** One summary per item-comparing rule, in the order of `FindingsState.comparing`. */
  summaries: unknown[];
  /** Every finding starts inside the unit's own text, so units can be handed out in order without a global sort. */
  inOrder: boolean;
}

/** What the next call needs from this one. Opaque to callers. */
export interface FindingsState {
  config: NewsmarkConfig;
  rules: readonly Rule[];
  perUnit: UnitFindings[];
  /**
   * Per unit, how far its text has moved since its findings were made: a keystroke sets one number per unit after
   * it rather than making a new record for each.
   */
  moved: Int32Array;
  /** Findings of the rules that read the whole page (document rules, item comparisons), in page order. */
  whole: ReportedFinding[];
  /** Rule codes by the index `UnitFindings.codes` holds. */
  codes: readonly string[];
  /** What each item-comparing rule keeps from one comparison to the next, in the order of its rules. */
  memos: ComparisonMemo[];
}

export class FindingsCancelled extends Error {
  constructor() {
    super('findings cancelled');
  }
}

/**
 * Findings of `model`. `previous` and `kept` (from `computeModelUpdate`) let it reuse the findings of units carried
 * over from the previous version; `isCancelled` is asked between units and stops the work with `FindingsCancelled`.
 */
export function computeIncrementalFindings(
  model: DocumentModel,
  config: NewsmarkConfig,
  previous: FindingsState | null,
  kept: readonly KeptItems[],
  isCancelled: () => boolean = () => false,
  rules: readonly Rule[] = RULES,
): { result: FindingsResult; state: FindingsState } {
  const unitRules = unitRulesOf(rules);
  const comparing = rules.filter((r) => r.compareItems && levelOf(r, config) !== 'off');
  const documentRules = rules.filter((r) => r.scope === 'document' && !r.compareItems);
  const reusable = previous && previous.config === config && previous.rules === rules ? previous : null;
  const units = unitCount(model);
  const perUnit = new Array<UnitFindings | undefined>(units);
  const moved = new Int32Array(units);
  if (reusable && model.items.length > 0) {
    for (const k of kept) {
      for (let i = k.start; i < k.end; i++) {
        const j = k.previousStart + i - k.start;
        // The first unit also owns the lines before the first item: reusable only if that is still the first item.
        if (i === 0 && j !== 0) continue;
        const old = reusable.perUnit[j];
        if (old) {
          perUnit[i] = old;
          moved[i] = reusable.moved[j] + k.shift;
        }
      }
    }
    // A unit's rules may read its neighbours' blocks: the units beside a changed one are checked again too.
    const changed: number[] = [];
    for (let i = 0; i < units; i++) if (!perUnit[i]) changed.push(i);
    for (const i of changed) {
      if (i > 0) perUnit[i - 1] = undefined;
      if (i + 1 < units) perUnit[i + 1] = undefined;
    }
  }
  const codes = rules.map((r) => r.code);
  const codeIndex = codeIndexOf(codes);
  const cap = config.maxProblems;
  // Findings of the units before this one: past the cap, a unit's findings are dropped as soon as it is checked.
  let before = 0;
  for (let i = 0; i < units; i++) {
    let unit = perUnit[i];
    if (!unit) {
      if (isCancelled()) throw new FindingsCancelled();
      const checked = checkUnit(model, i, config, unitRules, comparing, codeIndex, cap > 0 && before >= cap);
      unit = perUnit[i] = checked.unit;
      moved[i] = checked.base;
    }
    if (cap > 0 && before >= cap && unit.findings !== null) perUnit[i] = unit = { ...unit, findings: null };
    before += markCount(unit);
  }
  if (isCancelled()) throw new FindingsCancelled();
  const done = perUnit as UnitFindings[];
  const findingsOf = (k: number): ReportedFinding[] => unitFindings(model, config, unitRules, codeIndex, done, moved, k);

  const whole = runRules(model, config, documentRules);
  const wholeFindings = [...whole.findings];
  const failures = new Map<string, RuleFailure>();
  for (const f of whole.failures) failures.set(f.code, f);
  const memos = reusable ? reusable.memos : comparing.map((): ComparisonMemo => ({}));
  comparing.forEach((rule, r) => {
    const found = compareUnits(model, config, rule, done.map((u) => u.summaries[r]), memos[r]);
    if ('failure' in found) failures.set(rule.code, found.failure);
    else for (const f of found.findings) wholeFindings.push(f);
  });
  for (const unit of done) for (const f of unit.failures) if (!failures.has(f.code)) failures.set(f.code, f);

  wholeFindings.sort(byPosition);
  const result = settle(model, config, done, moved, findingsOf, wholeFindings, [...failures.values()], codes);
  return { result, state: { config, rules, perUnit: done, moved, whole: wholeFindings, codes, memos } };
}

/**
 * Every finding, past the problem cap too, that the page's units from the one holding `span.start` to the one
 * holding `span.end` have, and the whole-page findings; suppressed ones left out; in page order. For quick fixes
 * at the cursor: a year of pages is not checked again to offer the fixes of one line. `state` must be the one
 * computed for `model`.
 */
export function findingsAround(state: FindingsState, model: DocumentModel, span: Span): Finding[] {
  const units = state.perUnit;
  const ordered = units.every((u) => u.inOrder);
  const from = ordered ? unitAt(model, span.start) : 0;
  const to = ordered ? Math.min(units.length - 1, unitAt(model, span.end)) : units.length - 1;
  const suppressions = computeSuppressions(model);
  const unitRules = unitRulesOf(state.rules);
  const codeIndex = codeIndexOf(state.codes);
  const out: ReportedFinding[] = [];
  for (let k = from; k <= to; k++) {
    for (const f of unitFindings(model, state.config, unitRules, codeIndex, units, state.moved, k)) out.push(f);
  }
  for (const f of state.whole) out.push(f);
  return out
    .filter((f) => !suppressions.isSuppressed(f.code, f.span.start))
    .sort(byPosition)
    .map(handOut);
}

/**
 * The findings of unit `k` at today's offsets, moved there in place. A unit whose findings were dropped (past the
 * problem cap) is checked again, which gives what was dropped; it keeps its summaries, which were never dropped.
 */
function unitFindings(
  model: DocumentModel,
  config: NewsmarkConfig,
  unitRules: readonly Rule[],
  codeIndex: ReadonlyMap<string, number>,
  units: UnitFindings[],
  moved: Int32Array,
  k: number,
): ReportedFinding[] {
  let u = units[k];
  if (u.findings === null) {
    const again = checkUnit(model, k, config, unitRules, [], codeIndex);
    u = units[k] = { ...again.unit, summaries: u.summaries };
    moved[k] = again.base;
  }
  const findings = u.findings!;
  const d = moved[k] - u.applied;
  if (d !== 0) {
    for (const f of findings) moveInPlace(f, d);
    u.applied = moved[k];
  }
  return findings;
}

/**
 * Checks unit `k`. Its findings are at the offsets of the text it was checked in, `base` before the page's: a page
 * whose text is kept in pieces (a document store's, after an edit) is checked unit by unit in views of their own
 * text (`withUnitView`), so that checking the unit a keystroke touched does not join a year of pages into one string.
 * A unit past the problem cap is only counted (`countOnly`): its reports are never made into findings.
 */
function checkUnit(
  model: DocumentModel,
  k: number,
  config: NewsmarkConfig,
  unitRules: readonly Rule[],
  comparing: readonly Rule[],
  codeIndex: ReadonlyMap<string, number>,
  countOnly = false,
): { unit: UnitFindings; base: number } {
  // Read before the view moves the model's objects (see `withUnitView`).
  const unitFrom = unitStart(model, k);
  const unitTo = unitStart(model, k + 1);
  return withUnitView(model, k, !isWhole(model.lines.text), (view, base) => {
    const tally = countOnly ? new Tally(codeIndex) : null;
    const { findings, failures } = runRules(view, config, unitRules, tally === null ? undefined : (rule) => tally.gateOf(rule));
    for (const f of findings) ownSpans(f);
    findings.sort(byPosition);
    const summaries = comparing.map((rule) => {
      try {
        return rule.compareItems!.summarize(view);
      } catch {
        // The comparison reports the failure once, from the whole model (see compareUnits).
        return undefined;
      }
    });
    const n = tally ? tally.starts.length : findings.length;
    const marks = new Int32Array(2 * n);
    let inOrder = true;
    for (let i = 0; i < n; i++) {
      const start = tally ? tally.starts[i] : findings[i].span.start;
      marks[i] = start;
      marks[n + i] = tally ? tally.codes[i] : (codeIndex.get(findings[i].code) ?? 0);
      if (start < unitFrom - base || start >= unitTo - base) inOrder = false;
    }
    const unit: UnitFindings = { findings: tally === null ? findings : null, applied: 0, marks, failures: failures.length === 0 ? NO_FAILURES : failures, summaries, inOrder };
    return { unit, base };
  });
}

/**
 * The start and rule of each report of a unit, made into no finding: what a unit past the problem cap keeps. It is
 * the gate of each rule in turn (`runRules` asks for one rule's gate at a time), so that no object is made per rule
 * and unit. A rule that throws is a failure and its reports are dropped, as `runRule` drops the findings of one.
 */
class Tally implements ReportGate {
  starts: number[] = [];
  codes: number[] = [];
  private code = 0;
  private from = 0;

  constructor(private readonly codeIndex: ReadonlyMap<string, number>) {}

  gateOf(rule: Rule): ReportGate {
    this.code = this.codeIndex.get(rule.code) ?? 0;
    this.from = this.starts.length;
    return this;
  }

  admits(start: number): boolean {
    this.starts.push(start);
    this.codes.push(this.code);
    return false;
  }

  added(): void {}

  dropped(): void {
    this.starts.length = this.from;
    this.codes.length = this.from;
  }
}

function compareUnits(
  model: DocumentModel,
  config: NewsmarkConfig,
  rule: Rule,
  summaries: readonly unknown[],
  memo: ComparisonMemo,
): { findings: ReportedFinding[] } | { failure: RuleFailure } {
  // A summary that failed to be made: the rule reads the whole model instead, and its own failure is reported.
  return runRule(model, config, rule, (context) => (summaries.some((s) => s === undefined) ? rule.check(context) : rule.compareItems!.compare(context, summaries, memo)));
}

/** Rules run on each unit's view: all but the whole-page ones and the item-comparing ones. */
function unitRulesOf(rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => r.scope !== 'document' && !r.compareItems);
}

function codeIndexOf(codes: readonly string[]): Map<string, number> {
  return new Map(codes.map((c, i) => [c, i]));
}

/**
 * `settleFindings` over units already in page order: the units' findings are moved and merged with the
 * whole-model findings only up to the problem cap; past it they are only counted.
 */
function settle(
  model: DocumentModel,
  config: NewsmarkConfig,
  units: readonly UnitFindings[],
  moved: Int32Array,
  findingsOf: (k: number) => ReportedFinding[],
  whole: ReportedFinding[],
  failures: RuleFailure[],
  codes: readonly string[],
): FindingsResult {
  const cap = config.maxProblems;
  if (cap <= 0 || !units.every((u) => u.inOrder)) {
    const all: ReportedFinding[] = [...whole];
    for (let k = 0; k < units.length; k++) for (const f of findingsOf(k)) all.push(f);
    return settleFindings(model, config, all, failures);
  }
  const suppressions = computeSuppressions(model);
  const none = suppressions.isEmpty();
  const out: Finding[] = [];
  let total = 0;
  let w = 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (out.length >= cap) {
      // Past the cap only the count matters.
      total += none ? markCount(u) : countKept(u, moved[k], suppressions, codes);
      continue;
    }
    const end = unitStart(model, k + 1);
    // The unit's own findings are in page order already (see checkUnit): sorted again only with whole-page ones.
    let batch = findingsOf(k);
    if (w < whole.length && whole[w].span.start < end) {
      const mixed: ReportedFinding[] = [];
      while (w < whole.length && whole[w].span.start < end) mixed.push(whole[w++]);
      for (const f of batch) mixed.push(f);
      batch = mixed.sort(byPosition);
    }
    for (const f of batch) {
      if (!none && suppressions.isSuppressed(f.code, f.span.start)) continue;
      total++;
      if (out.length < cap) out.push(handOut(f));
    }
  }
  for (; w < whole.length; w++) {
    if (!none && suppressions.isSuppressed(whole[w].code, whole[w].span.start)) continue;
    total++;
    if (out.length < cap) out.push(handOut(whole[w]));
  }
  return { findings: out, failures, omitted: total - out.length };
}

function countKept(u: UnitFindings, moved: number, suppressions: Suppressions, codes: readonly string[]): number {
  let n = 0;
  const count = markCount(u);
  for (let i = 0; i < count; i++) if (!suppressions.isSuppressed(codes[markCode(u, i)], markStart(u, i) + moved)) n++;
  return n;
}

/** No rule failed on the unit. */
const NO_FAILURES: readonly RuleFailure[] = Object.freeze([]);

/** How many findings the unit has (given or only counted). */
function markCount(u: UnitFindings): number {
  return u.marks.length >> 1;
}

/** The start of the unit's finding `i`, at the offsets of `findings`. */
function markStart(u: UnitFindings, i: number): number {
  return u.marks[i];
}

/** The rule of the unit's finding `i`, an index into `FindingsState.codes`. */
function markCode(u: UnitFindings, i: number): number {
  return u.marks[(u.marks.length >> 1) + i];
}

/**
 * Gives a finding spans of its own, so that it can be moved in place (see `UnitFindings.applied`). A rule may report
 * a span the model holds (a paragraph's, a headline's), which a model update moves in place
 * (`core/incrementalModel.ts`), and may share its related entries or fixes among findings (a report given again):
 * a shared span would be moved twice. The finding itself was made by the rule for this check, so its fields are
 * replaced in place; most findings have neither related entries nor fixes (one shared empty list each).
 */
function ownSpans(f: ReportedFinding): void {
  f.span = { start: f.span.start, end: f.span.end };
  if (f.related.length > 0) f.related = f.related.map((r) => ({ ...r, span: { start: r.span.start, end: r.span.end } }));
  if (f.fixes.length > 0) f.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, span: { start: e.span.start, end: e.span.end } })) }));
}

/**
 * Moves a finding whose spans are its own (see `ownSpans`) by `d`. Indexed loops: a thousand findings are moved at a
 * keystroke above them, and iterating the shared empty lists made an iterator each.
 */
function moveInPlace(f: ReportedFinding, d: number): void {
  f.span.start += d;
  f.span.end += d;
  const { related, fixes } = f;
  for (let i = 0; i < related.length; i++) {
    related[i].span.start += d;
    related[i].span.end += d;
  }
  for (let i = 0; i < fixes.length; i++) {
    const edits = fixes[i].edits;
    for (let j = 0; j < edits.length; j++) {
      edits[j].span.start += d;
      edits[j].span.end += d;
    }
  }
}
