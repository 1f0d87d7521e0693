/**
 * A long text kept as pieces, so that an edit does not copy it. V8 applies `a.slice(0, i) + x + a.slice(j)` as a
 * rope, but the first reader of a rope (a `charCodeAt`, a regular expression, the next edit's `slice`) copies all
 * of it into one string: in a year of pages that is 20 MB written, and then collected, at every keystroke. Here an
 * edit rebuilds the one piece it falls in and shares the others, and a reader asks for the characters or the slice
 * it needs; the whole text is joined only when something asks for all of it (`toString`), once per version.
 * Instances never change, so a model can keep the text it was read from.
 *
 * The pieces are held in nodes of about `NODE` pieces each, and an edit copies the lists of the node it falls in and
 * the short list of nodes, not a list of every piece. What an edit makes lives as long as its version, through the
 * keystroke's analysis and answers, and so V8 moves it to the old generation, where only a full collection frees
 * it: with one flat list of 8,192-unit pieces a keystroke in a year of pages left 25 KB there (its new piece 16 KB,
 * the lists of 415 pieces and their offsets 8 KB), which typing piled up until the next full collection.
 */

/** What the line index and the model update read from a text: a `string` is one, and so is a `PieceText`. */
export interface TextReader {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
}

/**
 * A piece's usual size in UTF-16 units; an edit that grows one past twice this splits it. An edit copies its piece,
 * so a keystroke writes at most twice this many units.
 */
export const PIECE = 1 << 10;

/** A node's usual number of pieces; a node that an edit leaves with more than twice this is split. */
export const NODE = 64;

/** Pieces and the offset of each within the node, with the node's length last. */
interface Node {
  readonly pieces: readonly string[];
  readonly starts: readonly number[];
}

export class PieceText implements TextReader {
  private joined: string | null = null;
  /** The piece the last `charCodeAt` read and where it lies (readers mostly ask near where they asked before). */
  private piece = '';
  private pieceStart = 0;
  private pieceEnd = 0;

  private constructor(
    private readonly nodes: readonly Node[],
    /** Offset at which each node starts, and the length after the last. */
    private readonly starts: readonly number[],
  ) {}

  /** The text in pieces: slices of `text` (V8 shares a slice's characters with the string it is cut from). */
  static of(text: string): PieceText {
    const nodes = nodesOf(text.length > 0 ? cut(text) : ['']);
    const result = new PieceText(nodes, nodeStarts(nodes));
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
    if (this.joined === null) {
      const parts: string[] = [];
      for (const node of this.nodes) for (const piece of node.pieces) parts.push(piece);
      this.joined = parts.length === 1 ? parts[0] : parts.join('');
    }
    return this.joined;
  }

  charCodeAt(index: number): number {
    if (this.joined !== null) return this.joined.charCodeAt(index);
    // As `String.prototype.charCodeAt` reads its index: NaN is 0, fractions are cut.
    if (!Number.isInteger(index)) index = Number.isNaN(index) ? 0 : Math.trunc(index);
    if (!(index >= this.pieceStart && index < this.pieceEnd)) {
      if (!(index >= 0 && index < this.length)) return NaN;
      const at = this.locate(index);
      this.piece = this.nodes[at.node].pieces[at.piece];
      this.pieceStart = at.start;
      this.pieceEnd = at.start + this.piece.length;
    }
    return this.piece.charCodeAt(index - this.pieceStart);
  }

  slice(start = 0, end = this.length): string {
    const length = this.length;
    const a = clampIndex(start, length);
    const b = Math.max(a, clampIndex(end, length));
    if (this.joined !== null) return this.joined.slice(a, b);
    if (a === b) return '';
    const first = this.locate(a);
    const last = this.locate(b - 1);
    const firstPiece = this.nodes[first.node].pieces[first.piece];
    if (first.node === last.node && first.piece === last.piece) return firstPiece.slice(a - first.start, b - first.start);
    const parts = [firstPiece.slice(a - first.start)];
    for (let n = first.node; n <= last.node; n++) {
      const pieces = this.nodes[n].pieces;
      const from = n === first.node ? first.piece + 1 : 0;
      const to = n === last.node ? last.piece : pieces.length;
      for (let p = from; p < to; p++) parts.push(pieces[p]);
    }
    parts.push(this.nodes[last.node].pieces[last.piece].slice(0, b - last.start));
    return parts.join('');
  }

  /** The text with `[start, end)` replaced by `newText`; this one is unchanged. */
  replace(start: number, end: number, newText: string): PieceText {
    const length = this.length;
    const a = clampIndex(start, length);
    const b = Math.max(a, clampIndex(end, length));
    // The pieces the edit touches: the one holding `a` (the last for an insertion at the end) to the one holding the
    // last replaced character.
    const first = this.locate(a === length ? Math.max(0, length - 1) : a);
    const last = b > a ? this.locate(b - 1) : first;
    const firstPiece = this.nodes[first.node].pieces[first.piece];
    const lastPiece = this.nodes[last.node].pieces[last.piece];
    const before = firstPiece.slice(0, a - first.start);
    const after = lastPiece.slice(b - last.start);
    // Joined flat now: the piece is small, and a rope left in it would be copied by its every reader.
    const merged = [before, newText, after].join('');
    const made = merged.length === 0 ? [] : merged.length <= 2 * PIECE ? [merged] : cut(merged);
    // The pieces of the nodes the edit spans, with the touched ones replaced by what it made.
    const firstNode = this.nodes[first.node];
    const lastNode = this.nodes[last.node];
    const pieces = firstNode.pieces.slice(0, first.piece);
    for (const piece of made) pieces.push(piece);
    for (let p = last.piece + 1; p < lastNode.pieces.length; p++) pieces.push(lastNode.pieces[p]);
    const rebuilt = pieces.length === 0 ? [] : pieces.length <= 2 * NODE ? [nodeOf(pieces)] : nodesOf(pieces);
    const nodes = this.nodes.slice(0, first.node);
    for (const node of rebuilt) nodes.push(node);
    for (let n = last.node + 1; n < this.nodes.length; n++) nodes.push(this.nodes[n]);
    // Everything deleted: the empty text, one empty piece.
    if (nodes.length === 0) return PieceText.empty();
    // Offsets: those before the edit as they were, the rebuilt nodes' counted, those after moved by the change.
    const starts = this.starts.slice(0, first.node + 1);
    let at = this.starts[first.node];
    for (const node of rebuilt) starts.push((at += lengthOf(node)));
    const delta = newText.length - (b - a);
    for (let n = last.node + 1; n < this.nodes.length; n++) starts.push(this.starts[n + 1] + delta);
    return new PieceText(nodes, starts);
  }

  /** Has the whole text been joined (or was it made from one string)? Then reading it whole costs nothing. */
  get joinedAlready(): boolean {
    return this.joined !== null;
  }

  /** How many pieces the text is in (for tests). */
  get pieceCount(): number {
    let count = 0;
    for (const node of this.nodes) count += node.pieces.length;
    return count;
  }

  /** How many pieces each node holds, in order (for tests). */
  get nodeSizes(): number[] {
    return this.nodes.map((node) => node.pieces.length);
  }

  /** Does `other` hold the very node objects this text holds at `index` (for tests: what an edit shares)? */
  sharesNode(other: PieceText, index: number): boolean {
    return this.nodes[index] !== undefined && other.nodes.includes(this.nodes[index]);
  }

  /** The empty text, in pieces (one empty piece, the only empty piece a text ever holds). */
  private static empty(): PieceText {
    const nodes = [nodeOf([''])];
    return new PieceText(nodes, nodeStarts(nodes));
  }

  /** The node and piece holding `index` (0 ≤ index < length, or 0 in the empty text), and where the piece starts. */
  private locate(index: number): { node: number; piece: number; start: number } {
    const node = pieceAt(this.starts, index);
    const starts = this.nodes[node].starts;
    const piece = pieceAt(starts, index - this.starts[node]);
    return { node, piece, start: this.starts[node] + starts[piece] };
  }
}

/** The entry of `starts` (offsets, ascending, the total last) whose range holds `index`. */
function pieceAt(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  // Empty pieces and nodes are never kept (but for an empty text), so the entry found holds `index`.
  return lo;
}

/** A node of `pieces`. */
function nodeOf(pieces: readonly string[]): Node {
  const starts = [0];
  let at = 0;
  for (const piece of pieces) starts.push((at += piece.length));
  return { pieces, starts };
}

/** `pieces` in nodes of the usual size (the last one smaller). */
function nodesOf(pieces: readonly string[]): Node[] {
  const nodes: Node[] = [];
  for (let at = 0; at < pieces.length; at += NODE) nodes.push(nodeOf(pieces.slice(at, at + NODE)));
  return nodes;
}

/** The UTF-16 units a node holds. */
function lengthOf(node: Node): number {
  return node.starts[node.starts.length - 1];
}

/** Offsets at which `nodes` start, the total last. */
function nodeStarts(nodes: readonly Node[]): number[] {
  const starts = [0];
  let at = 0;
  for (const node of nodes) starts.push((at += lengthOf(node)));
  return starts;
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
