/**
 * Applying fixes: the one place that turns findings' edits into new text, for the editor's quick fixes and
 * fix-all and for `newsmark lint --fix`. A fix is applied whole or not at all; fixes whose edits overlap one
 * already taken wait for the next pass, and passes repeat until nothing changes, so fix-all reaches a fixed
 * point and running it again changes nothing. Edits replace exactly their spans: no character outside a span
 * is touched.
 */
import { NewsmarkConfig } from './config';
import { computeDocumentModel } from './documentModel';
import { computeFindings } from './findings';
import { Fix, TextEdit } from './rules/types';
import { Span } from './text';
import { firstIndex } from './sorted';

function overlaps(a: Span, b: Span): boolean {
  // Two insertions at the same offset, or an insertion inside a replaced span, conflict as well.
  return a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);
}

/** Applies non-overlapping edits (in any order) to `text`. Throws if two edits overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at || e.span.end < e.span.start || e.span.end > text.length) throw new Error(`overlapping or out-of-range edit at ${e.span.start}`);
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** Taken edits, kept sorted by start so a clash is found by binary search (a page may have thousands). */
class TakenSpans {
  private readonly spans: Span[] = [];

  private firstEndingAfter(offset: number): number {
    return firstIndex(this.spans.length, (i) => this.spans[i].end >= offset);
  }

  clashes(span: Span): boolean {
    // Taken spans do not overlap each other, so sorted by start they are sorted by end too.
    for (let i = this.firstEndingAfter(span.start); i < this.spans.length && this.spans[i].start <= span.end; i++) {
      if (overlaps(span, this.spans[i])) return true;
    }
    return false;
  }

  add(span: Span): void {
    const i = this.firstEndingAfter(span.start);
    this.spans.splice(i, 0, span);
  }
}

/** Picks whole fixes whose edits overlap no fix picked before; returns their edits. */
export function selectFixes(fixes: readonly Fix[]): { edits: TextEdit[]; applied: number } {
  const taken = new TakenSpans();
  const edits: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const clashes = fix.edits.some((e, i) => taken.clashes(e.span) || fix.edits.some((o, j) => j !== i && overlaps(e.span, o.span)));
    if (clashes) continue;
    for (const e of fix.edits) taken.add(e.span);
    edits.push(...fix.edits);
    applied++;
  }
  return { edits, applied };
}

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  passes: number;
}

const MAX_PASSES = 10;

/** Applies every safe fix the configuration's rules offer, pass after pass, until the text stops changing. */
export function computeFixAll(text: string, config: NewsmarkConfig): FixAllResult {
  const uncapped: NewsmarkConfig = { ...config, maxProblems: 0 };
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const { findings } = computeFindings(computeDocumentModel(current), uncapped);
    const safe = findings.flatMap((f) => f.fixes.filter((x) => x.safe));
    const selected = selectFixes(safe);
    if (selected.applied === 0) break;
    const next = applyEdits(current, selected.edits);
    passes++;
    if (next === current) break;
    applied += selected.applied;
    current = next;
  }
  return { text: current, applied, passes };
}

/** The smallest single edit that turns `before` into `after`: the differing middle, common ends kept. */
export function computeReplacement(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF between the kept ends and the edit.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))) start--;
  while (end > 0 && (isLowSurrogate(before.charCodeAt(before.length - end)) || (before[before.length - end - 1] === '\r' && before[before.length - end] === '\n'))) end--;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
