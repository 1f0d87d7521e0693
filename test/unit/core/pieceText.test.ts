/**
 * PieceText against the plain string it stands for. Every version, read through its pieces, must give what
 * String.prototype gives for the same text (length, `slice` with negative and out-of-range ends, `charCodeAt`
 * out of range), and an edit must leave the version it was made from reading as it did: the document store and
 * the model keep old versions. A version made by `PieceText.of` is read from the string it was made from; one
 * made by `replace` is read from its pieces until something calls `toString`, so the checks below read each
 * version through its pieces first and join it last.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NODE, PIECE, PieceText, textOf } from '../../../server/src/core/pieceText';
import { astral, hugeLine, lineBreak, oddity, propertyRuns, sampleFragment } from '../../support/arbitraries';


/** A text in which every line differs, so a piece read in the wrong place or twice cannot go unnoticed. */
function numberedLines(minLength: number, label = '第'): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < minLength; i++) {
    const line = `${label}${i}行𠮷，本报记者\r\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('').slice(0, minLength);
}

/** Every read of `actual` that `expected` answers, at indices around `around` (and either end of the text). */
function assertReadsLike(actual: PieceText, expected: string, around: readonly number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const indices = [-1, 0, expected.length - 1, expected.length, ...around.flatMap((i) => [i - 2, i - 1, i, i + 1])];
  for (const i of indices) {
    assert.equal(actual.charCodeAt(i), expected.charCodeAt(i), `${what}: charCodeAt(${i})`);
    for (const j of indices) assert.equal(actual.slice(i, j), expected.slice(i, j), `${what}: slice(${i}, ${j})`);
  }
  assert.equal(actual.slice(), expected, `${what}: slice()`);
}

// --- The property -------------------------------------------------------------------------------------------

const token = fc.oneof(
  { weight: 4, arbitrary: sampleFragment },
  { weight: 2, arbitrary: fc.constantFrom('𠮷', '\r\n', '字', '新闻。') },
  { weight: 1, arbitrary: astral },
  { weight: 2, arbitrary: lineBreak },
  { weight: 1, arbitrary: oddity },
);
/** A short text, never empty. */
const chunk = fc.array(token, { minLength: 1, maxLength: 12 }).map((t) => t.join('') || '𠮷');
/** A long text: of several pieces (70,000 UTF-16 units and more). */
const longText = (min: number, max: number) => fc.tuple(chunk, fc.integer({ min, max })).map(([c, n]) => hugeLine(c, n));

const initialText = fc.oneof(
  { weight: 3, arbitrary: fc.array(token, { maxLength: 30 }).map((t) => t.join('')) },
  { weight: 3, arbitrary: longText(70_000, 140_000) },
);

type Place = { kind: 'zero' | 'end' | 'any' | 'pieceEdge'; n: number };
const place: fc.Arbitrary<Place> = fc.record({ kind: fc.constantFrom('zero', 'end', 'any', 'any', 'any', 'pieceEdge'), n: fc.nat() });

/** An offset in a text of `length` units; `pieceEdge` is where a piece of the first reading starts. */
function offsetOf(p: Place, length: number): number {
  switch (p.kind) {
    case 'zero':
      return 0;
    case 'end':
      return length;
    case 'pieceEdge':
      return Math.min(length, (p.n % (Math.ceil(length / PIECE) + 1)) * PIECE);
    case 'any':
      return p.n % (length + 1);
  }
}

type Edit =
  | { kind: 'replace'; from: Place; to: Place; insertion: boolean; text: string }
  /** Removes pieces `k` to `k + count` of the first reading (all of them when they run past the end). */
  | { kind: 'cutPieces'; k: number; count: number }
  | { kind: 'replaceAll'; text: string };

const newText = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: chunk },
  // Longer than twice a piece: whatever piece it lands in is split.
  { weight: 1, arbitrary: longText(2 * PIECE + 1, 3 * PIECE) },
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('replace' as const), from: place, to: place, insertion: fc.boolean(), text: newText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cutPieces' as const), k: fc.nat(4), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replaceAll' as const), text: fc.oneof(fc.constant(''), chunk) }) },
);

function spanOf(e: Edit, length: number): { start: number; end: number; text: string } {
  switch (e.kind) {
    case 'replace': {
      const a = offsetOf(e.from, length);
      const b = e.insertion ? a : offsetOf(e.to, length);
      return { start: Math.min(a, b), end: Math.max(a, b), text: e.text };
    }
    case 'cutPieces':
      return { start: Math.min(length, e.k * PIECE), end: Math.min(length, (e.k + e.count) * PIECE), text: '' };
    case 'replaceAll':
      return { start: 0, end: length, text: e.text };
  }
}

type Probe = { kind: 'in' | 'negative' | 'past' | 'pieceEdge' | 'infinite'; n: number };
const probe: fc.Arbitrary<Probe> = fc.record({ kind: fc.constantFrom('in', 'in', 'negative', 'past', 'pieceEdge', 'infinite'), n: fc.nat() });

/** An index to read at: inside the text, counted from its end, past it, either side of a piece's edge, ±∞. */
function indexOf(p: Probe, length: number): number {
  switch (p.kind) {
    case 'in':
      return p.n % (length + 1);
    case 'negative':
      return -1 - (p.n % (length + 3));
    case 'past':
      return length + (p.n % 3);
    case 'pieceEdge':
      return (p.n % (Math.ceil(length / PIECE) + 1)) * PIECE + (Math.floor(p.n / 8) % 3) - 1;
    case 'infinite':
      return p.n % 2 === 0 ? Infinity : -Infinity;
  }
}

/** Reads `actual` through its pieces (it must not be joined yet) and compares every read with the string's. */
function assertReadsThroughPieces(actual: PieceText, expected: string, probes: readonly Probe[], what: string): void {
  const length = expected.length;
  assert.equal(actual.length, length, `${what}: length`);
  assert.equal(actual.charCodeAt(-1), NaN, `${what}: charCodeAt(-1)`);
  assert.equal(actual.charCodeAt(length), NaN, `${what}: charCodeAt(length)`);
  for (const p of probes) {
    const i = indexOf(p, length);
    assert.equal(actual.charCodeAt(i), expected.charCodeAt(i), `${what}: charCodeAt(${i})`);
    assert.equal(actual.slice(i), expected.slice(i), `${what}: slice(${i})`);
    for (const q of probes) {
      const j = indexOf(q, length);
      assert.equal(actual.slice(i, j), expected.slice(i, j), `${what}: slice(${i}, ${j})`);
    }
  }
  // Some 500 reads spread over the whole text, in order, as the line index reads it.
  const stride = Math.max(1, Math.floor(length / 500));
  for (let i = probes.length % stride; i < length; i += stride) {
    assert.equal(actual.charCodeAt(i), expected.charCodeAt(i), `${what}: charCodeAt(${i})`);
  }
  assert.equal(actual.slice(), expected, `${what}: slice()`);
}

/** No piece is empty but the one of the empty text, and none is longer than twice the usual size. */
function assertPieceBounds(actual: PieceText, length: number, what: string): void {
  if (length === 0) {
    assert.equal(actual.pieceCount, 1, `${what}: the empty text is one (empty) piece`);
  } else {
    assert.ok(actual.pieceCount <= length, `${what}: ${actual.pieceCount} pieces for ${length} units: one is empty`);
    assert.ok(actual.pieceCount >= Math.ceil(length / (2 * PIECE)), `${what}: ${actual.pieceCount} pieces for ${length} units: one is past twice the size`);
  }
  const sizes = actual.nodeSizes;
  assert.ok(sizes.length > 0 && sizes.every((n) => n >= 1 && n <= 2 * NODE), `${what}: nodes of ${sizes.join(', ')} pieces (1 to ${2 * NODE} each)`);
}

describe('PieceText', () => {
  it('reads like the string it stands for after any edits, and leaves the version it was edited from unchanged', () => {
    const steps = fc.array(fc.tuple(edit, fc.array(probe, { minLength: 3, maxLength: 6 })), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(initialText, steps, (initial, edits) => {
        let text = PieceText.of(initial);
        let expected = initial;
        assert.equal(text.pieceCount, Math.max(1, Math.ceil(initial.length / PIECE)), 'first reading: pieces of the usual size');
        assert.equal(text.toString(), initial);
        edits.forEach(([e, probes], n) => {
          const { start, end, text: inserted } = spanOf(e, expected.length);
          const next = text.replace(start, end, inserted);
          const nextExpected = expected.slice(0, start) + inserted + expected.slice(end);
          const what = `edit ${n}: [${start}, ${end}) of ${expected.length} by ${inserted.length} units`;
          assertReadsThroughPieces(next, nextExpected, probes, what);
          assertPieceBounds(next, nextExpected.length, what);
          // The version edited from: still its own text, read through its pieces, then joined.
          assertReadsThroughPieces(text, expected, probes, `${what}, the version before`);
          assert.equal(text.toString(), expected, `${what}, the version before: toString()`);
          text = next;
          expected = nextExpected;
        });
        assert.equal(text.toString(), expected, 'last version: toString()');
        assert.equal(text.toString(), expected, 'last version: toString() a second time');
        assert.equal(textOf(text), expected, 'last version: textOf');
        // Joined, it still answers every read as the string does.
        assertReadsLike(text, expected, [0, Math.floor(expected.length / 2)], 'last version, joined');
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  // --- Examples -----------------------------------------------------------------------------------------------

  it('inserts at the very end of a text of several pieces, into its last piece', () => {
    const before = numberedLines(2 * PIECE + 100);
    const text = PieceText.of(before);
    const after = text.replace(before.length, before.length, '（完）𠮷');
    assertReadsLike(after, before + '（完）𠮷', [2 * PIECE, before.length], 'after');
    assert.equal(after.pieceCount, text.pieceCount, 'the last piece grows; no piece is added');
    assert.equal(after.slice(-4), '（完）𠮷'.slice(-4));
    assert.equal(after.toString(), before + '（完）𠮷');
    assert.equal(text.toString(), before, 'the version before is unchanged');
    // And into a text that is empty.
    const empty = PieceText.of('');
    const typed = empty.replace(0, 0, '新闻');
    assertReadsLike(typed, '新闻', [1], 'typed into the empty text');
    assert.equal(empty.length, 0);
  });

  it('deletes everything into one empty piece, and reads what is typed after', () => {
    const before = numberedLines(3 * PIECE + 7);
    const text = PieceText.of(before);
    const emptied = text.replace(0, before.length, '');
    assert.equal(emptied.pieceCount, 1);
    assertReadsLike(emptied, '', [0, 5], 'emptied');
    const typed = emptied.replace(0, 0, '本报讯\r\n𠮷');
    assertReadsLike(typed, '本报讯\r\n𠮷', [2, 5], 'typed after');
    assert.equal(typed.pieceCount, 1);
    assert.equal(text.toString(), before, 'the version before is unchanged');
  });

  it('makes the three pieces an edit spans one', () => {
    const before = numberedLines(4 * PIECE);
    const text = PieceText.of(before);
    assert.equal(text.pieceCount, 4);
    const start = PIECE / 2;
    const end = 2 * PIECE + PIECE / 2;
    const after = text.replace(start, end, '——');
    const expected = before.slice(0, start) + '——' + before.slice(end);
    assert.equal(after.pieceCount, text.pieceCount - 2, 'pieces 0 to 2 become one');
    assertReadsLike(after, expected, [start, start + 2, 3 * PIECE - (end - start) + 2], 'after');
    assert.equal(after.toString(), expected);
    assertReadsLike(text, before, [start, PIECE, 2 * PIECE, end], 'the version before');
  });

  it('rebuilds only the piece an edit falls in, also when the edit starts or ends where a piece does', () => {
    const before = numberedLines(3 * PIECE);
    const text = PieceText.of(before);
    for (const [start, end] of [
      [PIECE / 2, PIECE],
      [PIECE, PIECE + 10],
      [PIECE, PIECE],
      [2 * PIECE - 1, 2 * PIECE],
    ]) {
      const after = text.replace(start, end, '新');
      const expected = before.slice(0, start) + '新' + before.slice(end);
      assert.equal(after.pieceCount, text.pieceCount, `[${start}, ${end}) joins a piece it does not touch`);
      assertReadsLike(after, expected, [start, start + 1, PIECE, 2 * PIECE], `[${start}, ${end})`);
    }
  });

  it('removes a whole piece, and keeps the pieces around it', () => {
    const before = numberedLines(3 * PIECE);
    const text = PieceText.of(before);
    const after = text.replace(PIECE, 2 * PIECE, '');
    const expected = before.slice(0, PIECE) + before.slice(2 * PIECE);
    assert.equal(after.pieceCount, text.pieceCount - 1);
    assertReadsLike(after, expected, [PIECE], 'after');
    assert.equal(after.toString(), expected);
  });

  it('splits a piece that grows past twice the usual size, and only then', () => {
    const before = numberedLines(2 * PIECE + 10);
    const text = PieceText.of(before);
    const at = PIECE + 5;
    // Up to twice the size exactly, the piece is kept whole.
    const filling = numberedLines(PIECE, '段');
    const full = text.replace(at, at, filling);
    const fullExpected = before.slice(0, at) + filling + before.slice(at);
    assert.equal(full.pieceCount, text.pieceCount, 'a piece of exactly twice the size is not split');
    assertReadsLike(full, fullExpected, [at, at + filling.length, 3 * PIECE], 'filled to twice the size');
    // One unit more and it is cut into pieces of the usual size: 2 * PIECE + 1 units make three.
    const grown = text.replace(at, at, filling + '字');
    const grownExpected = before.slice(0, at) + filling + '字' + before.slice(at);
    assert.equal(grown.pieceCount, text.pieceCount - 1 + 3, 'the grown piece becomes three');
    assertReadsLike(grown, grownExpected, [PIECE, 2 * PIECE, 3 * PIECE, 3 * PIECE + 1, at + filling.length + 1], 'split');
    assert.equal(grown.toString(), grownExpected);
    assert.equal(text.toString(), before, 'the version before is unchanged');
  });

  it('copies only the node an edit falls in, and shares every other node with the version before', () => {
    const before = numberedLines(5 * NODE * PIECE);
    const text = PieceText.of(before);
    assert.deepEqual(text.nodeSizes, [NODE, NODE, NODE, NODE, NODE]);
    const at = 2 * NODE * PIECE + 10 * PIECE + 3;
    const typed = text.replace(at, at, '字');
    assertReadsLike(typed, before.slice(0, at) + '字' + before.slice(at), [at, at + 1, 3 * NODE * PIECE], 'typed');
    assert.deepEqual(typed.nodeSizes, text.nodeSizes);
    assert.deepEqual([0, 1, 2, 3, 4].map((n) => text.sharesNode(typed, n)), [true, true, false, true, true], 'the edited node is new, the others are the same objects');
    assertReadsLike(text, before, [at, 3 * NODE * PIECE], 'the version before');
  });

  it('joins what an edit leaves of the nodes it spans into one node, and cuts a long paste into nodes', () => {
    const before = numberedLines(5 * NODE * PIECE);
    const text = PieceText.of(before);
    // From the middle of node 1 to the middle of node 3, at pieces' edges: the halves left of both and the dash's own
    // piece make one node.
    const start = NODE * PIECE + (NODE / 2) * PIECE;
    const end = 3 * NODE * PIECE + (NODE / 2) * PIECE;
    const cutOut = text.replace(start, end, '——');
    assertReadsLike(cutOut, before.slice(0, start) + '——' + before.slice(end), [start, start + 2, NODE * PIECE], 'cut out');
    assert.deepEqual(cutOut.nodeSizes, [NODE, NODE + 1, NODE]);
    assert.deepEqual([0, 4].map((n) => text.sharesNode(cutOut, n)), [true, true], 'the nodes outside the edit are kept');
    // A paste of three nodes' worth of pieces into node 0: its 7 + 56 pieces and the 193 the paste and the piece it
    // fell in make are cut into nodes of the usual size.
    const paste = numberedLines(3 * NODE * PIECE, '贴');
    const at = 7 * PIECE;
    const pasted = cutOut.replace(at, at, paste);
    const expected = before.slice(0, start) + '——' + before.slice(end);
    assertReadsLike(pasted, expected.slice(0, at) + paste + expected.slice(at), [at, at + paste.length, 2 * NODE * PIECE], 'pasted');
    assert.deepEqual(pasted.nodeSizes, [NODE, NODE, NODE, NODE, NODE + 1, NODE]);
    assert.equal(pasted.toString(), expected.slice(0, at) + paste + expected.slice(at));
    // Everything deleted: one empty piece in one node, and typing starts again from there.
    const emptied = pasted.replace(0, pasted.length, '');
    assert.deepEqual(emptied.nodeSizes, [1]);
    assertReadsLike(emptied.replace(0, 0, '本报讯'), '本报讯', [1], 'typed after emptying');
  });

  it('from() keeps a PieceText as it is and reads a string in pieces; textOf() of a string is the string', () => {
    const text = PieceText.of('标题\n正文').replace(2, 3, '\r\n');
    assert.equal(PieceText.from(text), text);
    const long = numberedLines(PIECE + 1);
    const wrapped = PieceText.from(long);
    assert.ok(wrapped instanceof PieceText);
    assert.equal(wrapped.pieceCount, 2);
    assert.equal(wrapped.toString(), long);
    assert.equal(textOf(long), long);
    assert.equal(textOf(text), '标题\r\n正文');
  });
});

describe('PieceText, read at indices that are not integers', () => {
  it('reads them as String does (NaN is 0, fractions are cut), joined or in pieces', () => {
    const text = 'abcdefghij';
    const joined = PieceText.of(text);
    const pieces = joined.replace(0, 0, '');
    for (const reader of [joined, pieces]) {
      for (const i of [NaN, -0.5, 0.5, 2.7, 9.9, -1.5]) assert.equal(Object.is(reader.charCodeAt(i), text.charCodeAt(i)), true, `charCodeAt(${i})`);
      for (const [a, b] of [[-1.5, undefined], [1.5, 4.5], [NaN, 3], [2, NaN], [-2.5, -0.5]] as const) assert.equal(reader.slice(a, b), text.slice(a, b), `slice(${a}, ${b})`);
    }
  });
});
