/**
 * Findings kept per article, so that after an edit only the article it touches is checked again. Article-scoped
 * rules (the default) run on a view of one item at a time (`items` and `articles` hold that item; `paragraphs` and
 * `blocks` stay whole, so indices such as `firstBlock` keep working); their findings for the items an incremental model update
 * carried over are reused, moved by the item's shift. Document-scoped rules run on the whole model every time.
 * Suppressions, page order and the problem cap are applied to the whole document afterwards, exactly as
 * `computeFindings` does, so both give the same result (a unit test holds them to it).
 */
import { NewsmarkConfig } from './config';
import { RuleFailure, FindingsResult, runRules, settleFindings } from './findings';
import { KeptItems } from './incrementalModel';
import { DocumentModel } from './model';
import { RULES } from './rules';
import { Finding, Rule } from './rules/types';
import { Span } from './text';

interface ItemFindings {
  findings: Finding[];
  failures: RuleFailure[];
}

/** What the next call needs from this one. Opaque to callers. */
export interface FindingsState {
  model: DocumentModel;
  config: NewsmarkConfig;
  rules: readonly Rule[];
  perItem: ItemFindings[];
}

export class FindingsCancelled extends Error {
  constructor() {
    super('findings cancelled');
  }
}

/**
 * Findings of `model`. `previous` and `kept` (from `computeModelUpdate`) let it reuse the findings of items carried
 * over from the previous version; `isCancelled` is asked between articles and stops the work with `FindingsCancelled`.
 */
export function computeIncrementalFindings(
  model: DocumentModel,
  config: NewsmarkConfig,
  previous: FindingsState | null,
  kept: readonly KeptItems[],
  isCancelled: () => boolean = () => false,
  rules: readonly Rule[] = RULES,
): { result: FindingsResult; state: FindingsState } {
  const articleRules = rules.filter((r) => r.scope !== 'document');
  const documentRules = rules.filter((r) => r.scope === 'document');
  const reusable = previous && previous.config === config && previous.rules === rules ? previous : null;
  const perItem: ItemFindings[] = new Array<ItemFindings>(model.items.length);
  if (reusable) {
    for (const k of kept) {
      for (let i = k.start; i < k.end; i++) {
        const old = reusable.perItem[k.previousStart + i - k.start];
        if (old) perItem[i] = k.shift === 0 ? old : { findings: old.findings.map((f) => shiftFinding(f, k.shift)), failures: old.failures };
      }
    }
  }
  const { items } = model;
  for (let i = 0; i < items.length; i++) {
    if (perItem[i]) continue;
    if (isCancelled()) throw new FindingsCancelled();
    const item = items[i];
    const view: DocumentModel = { ...model, items: [item], articles: item.kind === 'article' ? [item] : [] };
    perItem[i] = runRules(view, config, articleRules);
  }
  if (isCancelled()) throw new FindingsCancelled();
  const whole = runRules(model, config, documentRules);

  const found: Finding[] = [...whole.findings];
  const failures = new Map<string, RuleFailure>();
  for (const f of whole.failures) failures.set(f.code, f);
  for (const entry of perItem) {
    for (const f of entry.findings) found.push(f);
    for (const f of entry.failures) if (!failures.has(f.code)) failures.set(f.code, f);
  }
  const result = settleFindings(model, config, found, [...failures.values()]);
  return { result, state: { model, config, rules, perItem } };
}

function shiftSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

function shiftFinding(f: Finding, d: number): Finding {
  return {
    ...f,
    span: shiftSpan(f.span, d),
    related: f.related.map((r) => ({ ...r, span: shiftSpan(r.span, d) })),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, span: shiftSpan(e.span, d) })) })),
  };
}
