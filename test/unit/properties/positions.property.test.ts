/**
 * LineIndex against two independent references: a naive scan written here, and the TextDocument the server
 * keeps documents in (vscode-languageserver-textdocument). The server takes positions from the editor through
 * one and gives them back through the other, so they must agree on every offset, in particular right around
 * characters outside the BMP (two UTF-16 columns) and around CR, LF and CRLF.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, Position } from '../../../server/src/core/text';
import { astral, document, lineBreak, oddity, propertyRuns, sampleFragment } from '../../support/arbitraries';

/** The position of an offset, by walking the text: lines end at \n, \r\n or a lone \r. */
function naivePosition(text: string, at: number): Position {
  // Between the \r and \n of a CRLF is the end of the line.
  const offset = at > 0 && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10 ? at - 1 : at;
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

const astralHeavy = fc.array(fc.oneof(astral, astral, lineBreak, sampleFragment, oddity), { maxLength: 40 }).map((t) => t.join(''));
const anyDocument = fc.oneof(document, astralHeavy);

describe('properties: LSP positions (LineIndex)', () => {
  it('agree with a naive scan and with TextDocument on every offset', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const index = new LineIndex(text);
        const doc = TextDocument.create('file:///t.news', 'newsmark', 1, text);
        assert.equal(index.lineCount, doc.lineCount);
        for (let o = 0; o <= text.length; o++) {
          const p = index.positionAt(o);
          assert.deepEqual(p, naivePosition(text, o), `offset ${o}`);
          assert.deepEqual(p, doc.positionAt(o), `offset ${o} (TextDocument)`);
          // Inside a CRLF there is no position of its own: both map it to the line's end.
          const insideCrlf = text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
          if (!insideCrlf) assert.equal(index.offsetAt(p), o, `round trip of offset ${o}`);
          assert.equal(index.offsetAt(p), doc.offsetAt(p), `offsetAt ${JSON.stringify(p)}`);
          // A kept position is checked without a search: it holds for its own offset, and for no other.
          assert.equal(index.isPositionOf(p, o), true, `isPositionOf ${JSON.stringify(p)}, ${o}`);
          for (const q of [{ ...p, character: p.character + 1 }, { ...p, line: p.line + 1 }, { ...p, line: p.line - 1 }]) {
            assert.equal(index.isPositionOf(q, o), false, `isPositionOf ${JSON.stringify(q)}, ${o}`);
          }
        }
      }),
      { numRuns: propertyRuns(600) },
    );
  });

  it('count a character outside the BMP as two columns, wherever it stands on a line', () => {
    const piece = fc.tuple(sampleFragment, astral, sampleFragment, fc.constantFrom('', '\n', '\r\n', '\r'));
    fc.assert(
      fc.property(piece, ([before, ch, after, br]) => {
        const text = br + before + ch + after;
        const index = new LineIndex(text);
        const at = br.length + before.length;
        const p = index.positionAt(at);
        const q = index.positionAt(at + ch.length);
        assert.equal(p.line, q.line);
        assert.equal(q.character - p.character, ch.length, `${JSON.stringify(ch)} spans ${ch.length} UTF-16 columns`);
        assert.equal(index.offsetAt(q), at + ch.length);
        assert.equal(index.lineText(p.line).slice(p.character, q.character), ch);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('clamp positions outside the document to its lines, as the protocol asks', () => {
    const position = fc.record({ line: fc.integer({ min: -5, max: 1000 }), character: fc.integer({ min: -5, max: 1_000_000 }) });
    fc.assert(
      fc.property(anyDocument, position, (text, p) => {
        const index = new LineIndex(text);
        const o = index.offsetAt(p);
        assert.ok(o >= 0 && o <= text.length);
        if (p.line >= 0 && p.line < index.lineCount) assert.ok(o >= index.lineStarts[p.line] && o <= index.lineEndOffset(p.line));
        const doc = TextDocument.create('file:///t.news', 'newsmark', 1, text);
        if (p.line >= 0 && p.character >= 0) assert.equal(o, doc.offsetAt(p));
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
