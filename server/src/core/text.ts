/**
 * Offsets and positions. The core works on UTF-16 offsets (JavaScript string indices), which are exactly the
 * columns LSP counts, so a character outside the BMP spans two columns here as it does in the editor.
 */
import { TextReader, textOf } from './pieceText';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Maps offsets to LSP positions. Lines end at \n, \r\n or a lone \r, as in VS Code. Never changed once made: an
 * edit makes a new index (see `shifted`), which may share this one's table.
 */
export class LineIndex {
  /** The text indexed: a string, or the pieces a document store keeps (`core/pieceText.ts`). */
  readonly text: TextReader;
  /**
   * Offset at which each line starts, before `shift`. Typed, so that a copy (a year of pages has a hundred thousand
   * lines) is one block of memory outside the collected heap rather than an array the young generation fills with.
   * Shared with the indexes made from this one by `shifted`, and never written.
   */
  private readonly starts: Int32Array;
  /** Lines from this one on start `shift` later than `starts` says (typing within a line moves every later line). */
  private readonly shiftFrom: number;
  private readonly shift: number;
  private table: Int32Array | null;

  /** The index of `text`, or of a text whose line starts are already known (`starts`, moved as `shifted` says). */
  constructor(text: TextReader, starts?: Int32Array, shiftFrom = 0, shift = 0) {
    this.text = text;
    this.starts = starts ?? scanLineStarts(textOf(text));
    this.shiftFrom = shift === 0 ? this.starts.length : shiftFrom;
    this.shift = shift;
    this.table = shift === 0 ? this.starts : null;
  }

  /** An index whose line starts are already known (an incremental update computed them). */
  static fromLineStarts(text: TextReader, lineStarts: Int32Array): LineIndex {
    return new LineIndex(text, lineStarts);
  }

  /**
   * The index of `text`, which is this index's text with every line from `line` on moved by `delta` and the lines
   * before it where they were (an edit within one line). The table is shared, not copied, while the edits keep
   * moving the lines from the same line on (typing along a line); an edit elsewhere copies it once.
   */
  shifted(text: TextReader, line: number, delta: number): LineIndex {
    if (delta === 0 || line >= this.starts.length) return new LineIndex(text, this.starts, this.shiftFrom, this.shift);
    if (this.shift === 0) return new LineIndex(text, this.starts, line, delta);
    if (this.shiftFrom === line) return new LineIndex(text, this.starts, line, this.shift + delta);
    return new LineIndex(text, this.lineStarts, line, delta);
  }

  /**
   * The index of `text`, which is this index's text from the start of line `from` to the start of line `to - 1` (the
   * page's lines around an article, for a view of its own text; the last is the empty line after the view's last
   * break): this index's table seen through a window, not a new table scanned. Null when an edit moved the window's
   * lines by different amounts (its line is inside: `shiftFrom` between `from` and `to`), which the caller then scans.
   * A new table is memory outside V8's heap, freed only after a collection: a year of pages' first outline after a
   * keystroke reads its 3,282 articles in views, and their tables were 2.9 MB in 9,875 typed arrays (counted).
   */
  window(text: TextReader, from: number, to: number): LineIndex | null {
    if (from < this.shiftFrom && this.shiftFrom < to) return null;
    const shift = (from >= this.shiftFrom ? this.shift : 0) - this.lineStart(from);
    return new LineIndex(text, this.starts.subarray(from, to), 0, shift);
  }

  /**
   * The index of `text`, which is this index's text with lines `keep` to `resume` replaced by lines starting at
   * `inserted` and the lines from `resume` on moved by `delta` (an edit that changes lines). One copy of the table,
   * whatever shift this index has.
   */
  spliced(text: TextReader, keep: number, inserted: readonly number[], resume: number, delta: number): LineIndex {
    const { starts: old, shiftFrom, shift } = this;
    const at = keep + inserted.length;
    const starts = new Int32Array(at + old.length - resume);
    starts.set(old.subarray(0, keep));
    starts.set(inserted, keep);
    starts.set(old.subarray(resume), at);
    for (let l = shiftFrom; l < keep; l++) starts[l] += shift;
    if (delta !== 0 || shift !== 0) for (let l = resume; l < old.length; l++) starts[at + l - resume] += l >= shiftFrom ? shift + delta : delta;
    return new LineIndex(text, starts);
  }

  /** Offset at which each line starts (made once, on first asking, for an index that shares a moved table). */
  get lineStarts(): Int32Array {
    if (this.table === null) {
      const table = this.starts.slice();
      for (let l = this.shiftFrom; l < table.length; l++) table[l] += this.shift;
      this.table = table;
    }
    return this.table;
  }

  /** Offset at which line `line` starts (0 ≤ line < lineCount). */
  lineStart(line: number): number {
    return line >= this.shiftFrom ? this.starts[line] + this.shift : this.starts[line];
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    return this.positionFrom(offset, 0);
  }

  /** `positionAt(offset)`, its line searched from line `from` on, which must start at or before the offset. */
  private positionFrom(offset: number, from: number): Position {
    const o = this.positionedOffset(offset);
    const line = this.lineOf(o, from);
    return { line, character: o - this.lineStart(line) };
  }

  /**
   * The line holding offset `o` (the last line starting at or before it), searched from line `from` on, which must
   * start at or before `o`. Written out rather than with `lastIndexBefore`: a position is asked for every symbol,
   * diagnostic and highlight, and a search given a closure made one more object each time (with its context), which
   * V8 did not optimise away (a fifth of what opening a 1 MB page made for its outline).
   */
  private lineOf(o: number, from: number): number {
    let lo = from;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lineStart(mid) > o) hi = mid;
      else lo = mid + 1;
    }
    return Math.max(0, lo - 1);
  }

  /**
   * Is `p` what `positionAt(offset)` gives? Answered without searching the lines: `p`'s line must hold the offset
   * (a position kept from an earlier version of the text stays right only while it does).
   */
  isPositionOf(p: Position, offset: number): boolean {
    const o = this.positionedOffset(offset);
    const count = this.starts.length;
    return p.line >= 0 && p.line < count && this.lineStart(p.line) + p.character === o && (p.line + 1 === count || this.lineStart(p.line + 1) > o);
  }

  /** The offset `positionAt` places: clamped to the text, and the line's end for one between the \r and \n of a CRLF. */
  private positionedOffset(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and \n of a CRLF there is no column: answer the line's end, as TextDocument does.
    return o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10 ? o - 1 : o;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    const end = this.lineEndOffset(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEndOffset(line: number): number {
    const start = this.lineStart(line);
    let end = line + 1 < this.starts.length ? this.lineStart(line + 1) : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEndOffset(line));
  }

  rangeOf(span: Span): Range {
    const start = this.positionAt(span.start);
    // The end is on the start's line or after it (unless the span is reversed).
    return { start, end: this.positionFrom(span.end, span.end < span.start ? 0 : start.line) };
  }
}

/**
 * Offset at which each line of `text` starts. Line breaks are found with indexOf, which the engine runs far faster
 * than a charCodeAt loop over every character; the next \n and the next \r are tracked apart, so a file without CRs
 * pays one scan for them. The offsets go into a typed array that doubles when full (a news page has a line every
 * 40 to 100 characters), not into a list the young generation holds while it grows.
 */
function scanLineStarts(text: string): Int32Array {
  let starts = new Int32Array(Math.max(16, text.length >> 6));
  let count = 1;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    let next: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      next = cr + 1;
      // A CRLF is one break.
      if (text.charCodeAt(next) === 10) {
        next++;
        lf = text.indexOf('\n', next);
      }
      cr = text.indexOf('\r', next);
    } else {
      next = lf + 1;
      lf = text.indexOf('\n', next);
    }
    if (count === starts.length) {
      const grown = new Int32Array(2 * count);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = next;
  }
  return count === starts.length ? starts : starts.slice(0, count);
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** Shrinks a span so that it starts and ends on non-whitespace (a BOM counts as whitespace). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}
