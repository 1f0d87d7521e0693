/**
 * Inline suppression, as proofreaders write it in the text:
 * `<!-- newsmark-disable-next-line CODE -->`, `<!-- newsmark-disable CODE -->` … `<!-- newsmark-enable CODE -->`.
 * Without codes a directive covers every rule. The comments are paragraphs of their own, so they are never
 * read as prose or shown in the outline.
 */
import { DocumentModel } from './model';

interface Region {
  codes: Set<string> | null;
  start: number;
  end: number;
}

const DIRECTIVE = /newsmark-(disable-next-line|disable-line|disable|enable)\b([^>]*?)(?:-->|$)/g;

export interface Suppressions {
  isSuppressed(code: string, offset: number): boolean;
}

export function computeSuppressions(model: DocumentModel): Suppressions {
  const regions: Region[] = [];
  const open = new Map<string, number>();
  for (const p of model.paragraphs) {
    if (p.kind !== 'comment') continue;
    for (const m of p.text.matchAll(DIRECTIVE)) {
      const codes = m[2].split(/[\s,]+/).filter((c) => /^[a-z][a-z0-9-]*$/.test(c));
      const key = codes.length === 0 ? '*' : null;
      if (m[1] === 'disable-next-line' || m[1] === 'disable-line') {
        const line = m[1] === 'disable-line' ? p.startLine : nextContentLine(model, p.endLine);
        if (line < 0) continue;
        const start = model.lines.lineStarts[line];
        regions.push({ codes: codes.length ? new Set(codes) : null, start, end: model.lines.lineEndOffset(line) + 1 });
      } else if (m[1] === 'disable') {
        for (const c of key ? [key] : codes) if (!open.has(c)) open.set(c, p.span.end);
      } else {
        for (const c of key ? [...open.keys()] : codes) {
          const start = open.get(c);
          if (start === undefined) continue;
          open.delete(c);
          regions.push({ codes: c === '*' ? null : new Set([c]), start, end: p.span.start });
        }
      }
    }
  }
  for (const [c, start] of open) regions.push({ codes: c === '*' ? null : new Set([c]), start, end: Number.MAX_SAFE_INTEGER });
  return {
    isSuppressed(code: string, offset: number): boolean {
      return regions.some((r) => offset >= r.start && offset < r.end && (r.codes === null || r.codes.has(code)));
    },
  };
}

function nextContentLine(model: DocumentModel, after: number): number {
  for (let l = after + 1; l < model.lines.lineCount; l++) {
    if (model.lines.lineText(l).trim().length > 0) return l;
  }
  return -1;
}
