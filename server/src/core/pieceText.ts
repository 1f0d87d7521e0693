/**
 * A long text kept as pieces, so that an edit does not copy it. V8 applies `a.slice(0, i) + x + a.slice(j)` as a
 * rope, but the first reader of a rope (a `charCodeAt`, a regular expression, the next edit's `slice`) copies all
 * of it into one string: in a year of pages that is 20 MB written, and then collected, at every keystroke. Here an
 * edit rebuilds the one piece it falls in (a few ten thousand characters) and shares the others, and a reader asks
 * for the characters or the slice it needs; the whole text is joined only when something asks for all of it
 * (`toString`), once per version. Instances never change, so a model can keep the text it was read from.
 */

/** What the line index and the model update read from a text: a `string` is one, and so is a `PieceText`. */
export interface TextReader {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
}

/**
 * A piece's usual size in UTF-16 units; an edit that grows one past twice this splits it. An edit copies its piece,
 * so a keystroke writes at most twice this many units; a year of pages is then about a thousand pieces.
 */
export const PIECE = 1 << 13;

export class PieceText implements TextReader {
  private joined: string | null = null;
  /** The piece the last `charCodeAt` read (readers mostly ask near where they asked before). */
  private last = 0;

  private constructor(
    private readonly pieces: readonly string[],
    /** Offset at which each piece starts, and the length after the last. */
    private readonly starts: readonly number[],
  ) {}

  /** The text in pieces: slices of `text` (V8 shares a slice's characters with the string it is cut from). */
  static of(text: string): PieceText {
    const pieces = text.length > 0 ? cut(text) : [''];
    const starts = [0];
    for (const piece of pieces) starts.push(starts[starts.length - 1] + piece.length);
    const result = new PieceText(pieces, starts);
    result.joined = text;
    return result;
  }

  /** A reader over `text`: itself when it is one, pieces of it when it is a string. */
  static from(text: TextReader): PieceText {
    if (text instanceof PieceText) return text;
    return PieceText.of(typeof text === 'string' ? text : text.slice(0, text.length));
  }

  get length(): number {
    return this.starts[this.starts.length - 1];
  }

  /** The whole text as one string (joined once, then kept). */
  toString(): string {
    this.joined ??= this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    return this.joined;
  }

  charCodeAt(index: number): number {
    if (this.joined !== null) return this.joined.charCodeAt(index);
    // As `String.prototype.charCodeAt` reads its index: NaN is 0, fractions are cut.
    if (!Number.isInteger(index)) index = Number.isNaN(index) ? 0 : Math.trunc(index);
    let p = this.last;
    const starts = this.starts;
    if (!(index >= starts[p] && index < starts[p + 1])) {
      if (!(index >= 0 && index < this.length)) return NaN;
      p = this.pieceAt(index);
      this.last = p;
    }
    return this.pieces[p].charCodeAt(index - starts[p]);
  }

  slice(start = 0, end = this.length): string {
    const length = this.length;
    const a = clampIndex(start, length);
    const b = Math.max(a, clampIndex(end, length));
    if (this.joined !== null) return this.joined.slice(a, b);
    if (a === b) return '';
    const first = this.pieceAt(a);
    const lastPiece = this.pieceAt(b - 1);
    if (first === lastPiece) return this.pieces[first].slice(a - this.starts[first], b - this.starts[first]);
    const parts = [this.pieces[first].slice(a - this.starts[first])];
    for (let p = first + 1; p < lastPiece; p++) parts.push(this.pieces[p]);
    parts.push(this.pieces[lastPiece].slice(0, b - this.starts[lastPiece]));
    return parts.join('');
  }

  /** The text with `[start, end)` replaced by `newText`; this one is unchanged. */
  replace(start: number, end: number, newText: string): PieceText {
    const length = this.length;
    const a = clampIndex(start, length);
    const b = Math.max(a, clampIndex(end, length));
    // The pieces the edit touches: the one holding `a` (the last for an insertion at the end) to the one holding the
    // last replaced character.
    const first = a === length ? this.pieces.length - 1 : this.pieceAt(a);
    const lastPiece = b > a ? this.pieceAt(b - 1) : first;
    const before = this.pieces[first].slice(0, a - this.starts[first]);
    const after = this.pieces[lastPiece].slice(b - this.starts[lastPiece]);
    // Joined flat now: the piece is small, and a rope left in it would be copied by its every reader.
    const merged = [before, newText, after].join('');
    const made = merged.length === 0 ? [] : merged.length <= 2 * PIECE ? [merged] : cut(merged);
    const pieces: string[] = this.pieces.slice(0, first);
    const starts: number[] = this.starts.slice(0, first + 1);
    let at = this.starts[first];
    for (const piece of made) {
      pieces.push(piece);
      at += piece.length;
      starts.push(at);
    }
    const delta = newText.length - (b - a);
    for (let p = lastPiece + 1; p < this.pieces.length; p++) {
      pieces.push(this.pieces[p]);
      starts.push(this.starts[p + 1] + delta);
    }
    if (pieces.length === 0) {
      pieces.push('');
      starts.push(0);
    }
    return new PieceText(pieces, starts);
  }

  /** Has the whole text been joined (or was it made from one string)? Then reading it whole costs nothing. */
  get joinedAlready(): boolean {
    return this.joined !== null;
  }

  /** How many pieces the text is in (for tests). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** The piece holding `index` (0 ≤ index < length). */
  private pieceAt(index: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    // Empty pieces are never kept (but for an empty text), so the piece found holds `index`.
    return lo;
  }
}

/**
 * Is the whole text at hand as one string (a string, or pieces already joined or made from one)? Readers that would
 * otherwise read a text in pieces through views of a unit's own text (`withUnitView`) read it whole then.
 */
export function isWhole(text: TextReader): boolean {
  return typeof text === 'string' || (text instanceof PieceText && text.joinedAlready);
}

/** The whole text of a reader as one string. */
export function textOf(text: TextReader): string {
  return typeof text === 'string' ? text : text.toString();
}

/** `text` cut into pieces of the usual size (the last one shorter). */
function cut(text: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += PIECE) pieces.push(text.slice(at, at + PIECE));
  return pieces;
}

/** `String.prototype.slice`'s reading of an index: negative counts from the end; clamped to the text. */
function clampIndex(index: number, length: number): number {
  if (Number.isNaN(index)) return 0;
  index = Math.trunc(index);
  if (index < 0) return Math.max(0, length + index);
  return Math.min(index, length);
}
