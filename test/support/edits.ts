/**
 * Applying fixes in tests, and the checks every fix must pass. `applyEdits` is a small local applier so that
 * the fix properties run before (and independently of) the core's own fix-all; `editProblems` and
 * `preservesOutside` judge any applier's result, so swapping in the core's stays a real check.
 *
 * "A fix never drops a character it does not exist to change", precisely: take the document, cut out the
 * spans its edits replace; the pieces left (the characters outside every edit's span) must appear in the
 * result unchanged and in the same order, each separated only by the edits' new text.
 */
import { Fix, TextEdit } from '../../server/src/core/rules/types';
import { Span } from '../../server/src/core/text';

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Does an offset fall between the two halves of a surrogate pair? */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Does an offset fall between the CR and the LF of a CRLF line break (a place no editor position names)? */
export function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** Why a span is not a valid span of `text`, or null. */
export function spanProblem(text: string, span: Span): string | null {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return `span ${JSON.stringify(span)} has a non-integer offset`;
  if (span.start < 0 || span.end > text.length || span.start > span.end) return `span ${span.start}-${span.end} lies outside 0-${text.length}`;
  if (splitsSurrogatePair(text, span.start)) return `span ${span.start}-${span.end} starts inside a surrogate pair`;
  if (splitsSurrogatePair(text, span.end)) return `span ${span.start}-${span.end} ends inside a surrogate pair`;
  if (splitsCrlf(text, span.start) || splitsCrlf(text, span.end)) return `span ${span.start}-${span.end} has an end between the CR and LF of a line break`;
  return null;
}

export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Why a set of edits cannot be applied cleanly to `text` as one change, or an empty list. */
export function editProblems(text: string, edits: readonly TextEdit[]): string[] {
  const problems: string[] = [];
  const sorted = sortEdits(edits);
  for (const e of sorted) {
    const p = spanProblem(text, e.span);
    if (p) problems.push(p);
    if (typeof e.newText !== 'string') problems.push(`edit at ${e.span.start} has no newText`);
    else if (text.slice(e.span.start, e.span.end) === e.newText) problems.push(`edit at ${e.span.start}-${e.span.end} changes nothing`);
  }
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    // Two insertions at one offset have no defined order, and an edit inside another is an overlap.
    if (b.span.start < a.span.end || (b.span.start === a.span.start && a.span.start === a.span.end && b.span.start === b.span.end)) {
      problems.push(`edits ${a.span.start}-${a.span.end} and ${b.span.start}-${b.span.end} overlap`);
    }
  }
  return problems;
}

/** Applies non-overlapping edits in one pass. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of sortEdits(edits)) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** Is every character outside the edits' spans in `result`, in order, with only the new texts between? */
export function preservesOutside(original: string, edits: readonly TextEdit[], result: string): boolean {
  let from = 0;
  let at = 0;
  for (const e of sortEdits(edits)) {
    const kept = original.slice(from, e.span.start);
    if (result.slice(at, at + kept.length) !== kept) return false;
    at += kept.length;
    if (result.slice(at, at + e.newText.length) !== e.newText) return false;
    at += e.newText.length;
    from = e.span.end;
  }
  const tail = original.slice(from);
  return result.slice(at) === tail;
}

/**
 * Fix-all as the editor and `lint --fix` do it: every safe fix, in document order, skipping a fix whose edits
 * overlap one already taken (the next pass picks it up). Returns the edits of one pass.
 */
export function fixAllEdits(fixes: readonly Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const ordered = fixes.filter((f) => f.safe).sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of ordered) {
    const overlaps = fix.edits.some((e) => taken.some((t) => e.span.start < t.span.end && t.span.start < e.span.end || (e.span.start === t.span.start && e.span.start === e.span.end)));
    if (!overlaps) taken.push(...fix.edits);
  }
  return taken;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.span.start));
}
