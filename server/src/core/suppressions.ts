/**
 * Inline suppression, as proofreaders write it in the text:
 * `<!-- newsmark-disable-next-line CODE -->`, `<!-- newsmark-disable CODE -->` … `<!-- newsmark-enable CODE -->`.
 * Without codes a directive covers every rule; the last `disable`/`enable` before a finding that covers its
 * rule decides, so `enable CODE` inside a blanket `disable` turns that one rule back on. `disable-next-line`
 * skips blank lines and stacked directives to reach the text it is about. The comments are paragraphs of
 * their own, so they are never read as prose or shown in the outline.
 */
import { DocumentModel } from './model';
import { firstIndex } from './sorted';

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
  let commentLines: Set<number> | null = null;
  const paragraphs = model.paragraphs;
  // Indexed: a year of pages has a hundred thousand paragraphs, and this runs at every keystroke.
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.kind !== 'comment') continue;
    for (const m of p.text.matchAll(DIRECTIVE)) {
      const list = m[2].split(/[\s,]+/).filter((c) => /^[a-z][a-z0-9-]*$/.test(c));
      const codes = list.length ? new Set(list) : null;
      if (m[1] === 'disable-next-line' || m[1] === 'disable-line') {
        commentLines ??= linesOfComments(model);
        const line = m[1] === 'disable-line' ? p.startLine : nextTextLine(model, p.endLine, commentLines);
        if (line < 0) continue;
        regions.push({ codes, start: model.lines.lineStart(line), end: model.lines.lineEndOffset(line) + 1 });
      } else {
        switches.push({ offset: m[1] === 'disable' ? p.span.end : p.span.start, disable: m[1] === 'disable', codes });
      }
    }
  }
  // Thousands of directives and tens of thousands of findings: each question is answered by binary search, not
  // by walking every directive. Regions cover one line each, so only the regions of the finding's line can hold it.
  const regionsByLine = new Map<number, Region[]>();
  for (const r of regions) {
    const line = model.lines.positionAt(r.start).line;
    const list = regionsByLine.get(line);
    if (list) list.push(r);
    else regionsByLine.set(line, [r]);
  }
  // The directives in page order decide until the first one past the finding (as a reader goes down the page):
  // the running maximum of their offsets finds that one, and per rule the last directive before it that names
  // the rule (or every rule) says whether it is off.
  const reach: number[] = [];
  for (const sw of switches) reach.push(Math.max(reach.length > 0 ? reach[reach.length - 1] : -Infinity, sw.offset));
  const relevant = new Map<string, number[]>();
  const switchesFor = (code: string): number[] => {
    let list = relevant.get(code);
    if (!list) {
      list = [];
      switches.forEach((sw, i) => {
        if (sw.codes === null || sw.codes.has(code)) list!.push(i);
      });
      relevant.set(code, list);
    }
    return list;
  };
  return {
    isEmpty: () => regions.length === 0 && switches.length === 0,
    isSuppressed(code: string, offset: number): boolean {
      if (regions.length > 0) {
        const onLine = regionsByLine.get(model.lines.positionAt(offset).line);
        if (onLine && onLine.some((r) => offset >= r.start && offset < r.end && (r.codes === null || r.codes.has(code)))) return true;
      }
      if (switches.length === 0) return false;
      const before = firstIndex(reach.length, (i) => reach[i] > offset);
      const list = switchesFor(code);
      const last = firstIndex(list.length, (i) => list[i] >= before) - 1;
      return last >= 0 && switches[list[last]].disable;
    },
  };
}

function linesOfComments(model: DocumentModel): Set<number> {
  const lines = new Set<number>();
  for (const p of model.paragraphs) if (p.kind === 'comment') for (let l = p.startLine; l <= p.endLine; l++) lines.add(l);
  return lines;
}

/** The next line with text after `after`, skipping blank lines and other comments (stacked directives). */
function nextTextLine(model: DocumentModel, after: number, commentLines: ReadonlySet<number>): number {
  for (let l = after + 1; l < model.lines.lineCount; l++) {
    if (commentLines.has(l)) continue;
    if (model.lines.lineText(l).trim().length > 0) return l;
  }
  return -1;
}
