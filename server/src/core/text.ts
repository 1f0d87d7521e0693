/**
 * Offsets and positions. The core works on UTF-16 offsets (JavaScript string indices), which are exactly the
 * columns LSP counts, so a character outside the BMP spans two columns here as it does in the editor.
 */
import { TextReader } from './pieceText';
import { lastIndexBefore } from './sorted';

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

/** Maps offsets to LSP positions. Lines end at \n, \r\n or a lone \r, as in VS Code. */
export class LineIndex {
  /**
   * Offset at which each line starts. Typed, so that the copy an edit makes (a year of pages has a hundred thousand
   * lines) is one block of memory outside the collected heap rather than an array the young generation fills with.
   */
  readonly lineStarts: Int32Array;
  /** The text indexed: a string, or the pieces a document store keeps (`core/pieceText.ts`). */
  readonly text: TextReader;

  constructor(text: string) {
    this.text = text;
    // Line breaks are found with indexOf, which the engine runs far faster than a charCodeAt loop over every
    // character; the next \n and the next \r are tracked apart, so a file without CRs pays one scan for them.
    const starts = [0];
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        let next = cr + 1;
        // A CRLF is one break.
        if (text.charCodeAt(next) === 10) {
          next++;
          lf = text.indexOf('\n', next);
        }
        starts.push(next);
        cr = text.indexOf('\r', next);
      } else {
        starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
    this.lineStarts = new Int32Array(starts);
  }

  /** An index whose line starts are already known (an incremental update computed them). */
  static fromLineStarts(text: TextReader, lineStarts: Int32Array): LineIndex {
    const index = Object.create(LineIndex.prototype) as { text: TextReader; lineStarts: Int32Array };
    index.text = text;
    index.lineStarts = lineStarts;
    return index as LineIndex;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = this.positionedOffset(offset);
    const line = lastIndexBefore(this.lineStarts.length, (i) => this.lineStarts[i] > o);
    return { line, character: o - this.lineStarts[line] };
  }

  /**
   * Is `p` what `positionAt(offset)` gives? Answered without searching the lines: `p`'s line must hold the offset
   * (a position kept from an earlier version of the text stays right only while it does).
   */
  isPositionOf(p: Position, offset: number): boolean {
    const starts = this.lineStarts;
    const o = this.positionedOffset(offset);
    return p.line >= 0 && p.line < starts.length && starts[p.line] + p.character === o && (p.line + 1 === starts.length || starts[p.line + 1] > o);
  }

  /** The offset `positionAt` places: clamped to the text, and the line's end for one between the \r and \n of a CRLF. */
  private positionedOffset(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and \n of a CRLF there is no column: answer the line's end, as TextDocument does.
    return o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10 ? o - 1 : o;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEndOffset(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEndOffset(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEndOffset(line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
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
