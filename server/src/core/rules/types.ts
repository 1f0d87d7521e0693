/**
 * The rule plug-in contract. A rule reads the document model and reports findings; it never sees the editor,
 * the protocol or the file system. Codes are stable: they appear in configuration, suppression comments and
 * CI logs, so a code is never renamed once released.
 */
import { DocumentModel } from '../model';
import { Span } from '../text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Level = Severity | 'off';

export const LEVELS: readonly Level[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without review, so part of fix-all (`source.fixAll.newsmark`, `newsmark lint --fix`). */
  safe: boolean;
}

export interface RelatedInformation {
  span: Span;
  message: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related: RelatedInformation[];
  fixes: Fix[];
}

/**
 * A fix that replaces the finding's own span with `newText`. A rule that reports many findings of one kind shares
 * one object among them; it becomes the finding's first `Fix` only when the finding is handed out (see
 * `handOut` in `core/findings.ts`): a page of extracted text has ten thousand ASCII commas, the problem cap shows a
 * thousand, and the fix objects of the others were most of what the rules allocated.
 */
export interface Replacement {
  title: string;
  newText: string;
  safe: boolean;
}

export type Report = Omit<Finding, 'code' | 'severity' | 'related' | 'fixes'> & {
  related?: RelatedInformation[];
  fixes?: Fix[];
  /** The finding's first fix, made when the finding is handed out; `fixes` follow it. */
  replacement?: Replacement;
};

/** Display language of messages. */
export type Locale = 'en' | 'zh-cn';

export interface RuleContext {
  model: DocumentModel;
  /** This rule's options from the configuration (`{ "level": …, "options": { … } }`). */
  options: Readonly<Record<string, unknown>>;
  locale: Locale;
  /** Picks the message in the display language. */
  t(en: string, zh: string): string;
  report(finding: Report): void;
  /**
   * `report({ span: { start, end }, message, replacement })`, for rules that report thousands of such findings on a
   * page: nothing is made for one past the problem cap (it is only counted).
   */
  reportReplacement(start: number, end: number, message: string, replacement: Replacement): void;
}

/** What an item-comparing rule keeps of its last comparison of a document; empty at first. */
export interface ComparisonMemo {
  last?: unknown;
}

/** One option of a rule, described for the JSON Schema of `.newsmarkrc.json` and the docs. */
export interface RuleOption {
  type: 'string' | 'number' | 'boolean' | 'string[]';
  description: string;
  default: unknown;
}

export interface Rule {
  code: string;
  defaultLevel: Level;
  /** One line, for tables and settings. */
  summary: string;
  /** One paragraph: what it catches, why it matters. */
  description: string;
  /** A text the rule flags, and a near miss it must not flag. */
  example: { hit: string; nearMiss: string };
  fixable: boolean;
  /** Options read from `context.options`, by name. */
  options?: Readonly<Record<string, RuleOption>>;
  /**
   * What a rule needs to see; the server re-runs after an edit only what the edit can have changed.
   * - `'article'` (the default): run on the view of one unit (`core/ruleScope.ts`): `items`/`articles` hold one item;
   *   `paragraphs` and `blocks` stay whole, so `firstBlock` and the like still index them.
   * - `'blocks'`: run on the same views, for rules that walk blocks rather than articles: walk
   *   `ownBlockRange(model)` and report only findings anchored in those blocks. The blocks of the units just before
   *   and after may be read (the server re-checks a unit's neighbours when the unit changes), nothing further.
   * - `'document'`: run on the whole model after every edit. Only for rules that cannot be split; a rule that
   *   compares items with each other (duplicate articles) should rather declare `compareItems`.
   */
  scope?: 'article' | 'blocks' | 'document';
  /**
   * For rules that compare items with each other: `summarize` runs on each unit's view (like an article rule) and
   * its result is kept while the unit is unchanged, so it must not hold offsets (they move) — keep what the
   * comparison needs, relative to the item; `compare` runs on the whole model with every unit's summary (index =
   * unit index) and reports. Such a rule's `check` must report exactly what `compare` over all summaries reports.
   * `memo` is the rule's own, kept per document from one comparison to the next (and dropped with the document):
   * what lets it answer the next keystroke's comparison without making it again. Module state would outlive the
   * document, and hold its text through whatever it keeps.
   */
  compareItems?: {
    summarize(view: DocumentModel): unknown;
    compare(context: RuleContext, summaries: readonly unknown[], memo: ComparisonMemo): void;
  };
  check(context: RuleContext): void;
}
