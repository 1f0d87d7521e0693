/**
 * Inline suppression, as proofreaders write it in the text:
 * `<!-- newsmark-disable-next-line CODE -->`, `<!-- newsmark-disable CODE -->` … `<!-- newsmark-enable CODE -->`.
 * Without codes a directive covers every rule; the last `disable`/`enable` before a finding that covers its
 * rule decides, so `enable CODE` inside a blanket `disable` turns that one rule back on. `disable-next-line`
 * skips blank lines and stacked directives to reach the text it is about. The comments are paragraphs of
 * their own, so they are never read as prose or shown in the outline.
 */
import { DocumentModel } from './model';

interface Region {
  codes: Set<string> | null;
  start: number;
  end: number;
}

/** A `disable` or `enable` directive; `codes` null for every rule. The last one before a finding decides. */
interface Switch {
  offset: number;
  disable: boolean;
  codes: Set<string> | null;
}

const DIRECTIVE = /newsmark-(disable-next-line|disable-line|disable|enable)\b([^>]*?)(?:-->|$)/g;

export interface Suppressions {
  isSuppressed(code: string, offset: number): boolean;
  /** No directive on the page: nothing is suppressed (lets callers skip the per-finding check). */
  isEmpty(): boolean;
}

export function computeSuppressions(model: DocumentModel): Suppressions {
  const regions: Region[] = [];
  const switches: Switch[] = [];
  for (const p of model.paragraphs) {
    if (p.kind !== 'comment') continue;
    for (const m of p.text.matchAll(DIRECTIVE)) {
      const list = m[2].split(/[\s,]+/).filter((c) => /^[a-z][a-z0-9-]*$/.test(c));
      const codes = list.length ? new Set(list) : null;
      if (m[1] === 'disable-next-line' || m[1] === 'disable-line') {
        const line = m[1] === 'disable-line' ? p.startLine : nextTextLine(model, p.endLine);
        if (line < 0) continue;
        regions.push({ codes, start: model.lines.lineStarts[line], end: model.lines.lineEndOffset(line) + 1 });
      } else {
        switches.push({ offset: m[1] === 'disable' ? p.span.end : p.span.start, disable: m[1] === 'disable', codes });
      }
    }
  }
  return {
    isEmpty: () => regions.length === 0 && switches.length === 0,
    isSuppressed(code: string, offset: number): boolean {
      if (regions.some((r) => offset >= r.start && offset < r.end && (r.codes === null || r.codes.has(code)))) return true;
      let disabled = false;
      for (const s of switches) {
        if (s.offset > offset) break;
        if (s.codes === null || s.codes.has(code)) disabled = s.disable;
      }
      return disabled;
    },
  };
}

/** The next line with text after `after`, skipping blank lines and other comments (stacked directives). */
function nextTextLine(model: DocumentModel, after: number): number {
  const commentLines = new Set<number>();
  for (const p of model.paragraphs) if (p.kind === 'comment') for (let l = p.startLine; l <= p.endLine; l++) commentLines.add(l);
  for (let l = after + 1; l < model.lines.lineCount; l++) {
    if (commentLines.has(l)) continue;
    if (model.lines.lineText(l).trim().length > 0) return l;
  }
  return -1;
}
