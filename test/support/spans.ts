/**
 * Every span a core result holds, found by walking it: any object with integer `start` and `end` is a span,
 * any object with `start.line`/`end.line` is an LSP range. Walking instead of listing fields means a field
 * added to the model, the outline or a finding later is checked without touching the tests.
 */
import { LineIndex, Position, Range, Span } from '../../server/src/core/text';

/** Values that are the document's own data, not positions in it (front-matter `data` is what the YAML says). */
const DATA_KEYS = new Set(['data', 'text', 'lines', 'options']);

export interface Found<T> {
  path: string;
  value: T;
}

function isSpan(v: unknown): v is Span {
  return !!v && typeof v === 'object' && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number';
}

function isPosition(v: unknown): v is Position {
  return !!v && typeof v === 'object' && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
}

function isRange(v: unknown): v is Range {
  return !!v && typeof v === 'object' && isPosition((v as Range).start) && isPosition((v as Range).end);
}

/** All spans and ranges reachable from `root`, each with the path it was found at. */
export function collectPositions(root: unknown): { spans: Found<Span>[]; ranges: Found<Range>[] } {
  const spans: Found<Span>[] = [];
  const ranges: Found<Range>[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: string) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (isSpan(v)) spans.push({ path, value: v });
    if (isRange(v)) {
      ranges.push({ path, value: v });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
      return;
    }
    for (const [k, x] of Object.entries(v)) if (!DATA_KEYS.has(k)) walk(x, `${path}.${k}`);
  };
  walk(root, '');
  return { spans, ranges };
}

/** Why an LSP position is not in the document, or null. Columns may reach the line's end, not past it. */
export function positionProblem(lines: LineIndex, p: Position): string | null {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `position ${JSON.stringify(p)} is not whole numbers`;
  if (p.line < 0 || p.line >= lines.lineCount) return `line ${p.line} outside 0-${lines.lineCount - 1}`;
  const length = lines.lineEndOffset(p.line) - lines.lineStarts[p.line];
  if (p.character < 0 || p.character > length) return `character ${p.character} outside line ${p.line} (length ${length})`;
  return null;
}
