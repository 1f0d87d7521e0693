/** The document store applies LSP edits without rebuilding its text or line table, and logs them for the model cache. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/src/core/text';
import { NewsDocument } from '../../../server/src/documentStore';
import { astral, hugeLine, lineBreak, propertyRuns, sampleFragment } from '../../support/arbitraries';
import { readSample } from '../../support/text';

/** Lines of prose, 𠮷 and breaks of every kind (a lone CR, CRLF, LF), to repeat into a text of several pieces. */
const lines = fc
  .array(fc.tuple(fc.array(fc.oneof(sampleFragment, astral, fc.constant('𠮷')), { maxLength: 4 }), lineBreak), { minLength: 1, maxLength: 8 })
  .map((ls) => ls.map(([words, br]) => words.join('') + br).join(''));

/** An LSP position, possibly past the end of its line or past the last line (the protocol clamps both). */
const position = fc.record({ line: fc.nat(), character: fc.oneof(fc.nat(40), fc.nat()) });

/** What an edit types: nothing, a line break or a half of one, some lines, or a long line (many times a piece). */
const typed = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('\r', '\n', '\r\n', '字', '𠮷') },
  { weight: 4, arbitrary: lines },
  { weight: 1, arbitrary: fc.tuple(lines, fc.integer({ min: 65_537, max: 80_000 })).map(([l, n]) => hugeLine(l, n)) },
);

describe('document store', () => {
  it('gives the same text, lines and positions as a fresh reading after many edits, CRLF and CR included', () => {
    const doc = new NewsDocument('file:///a.news', 'newsmark', 1, readSample().slice(0, 4000));
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const inserts = ['字', '\n', '\r\n', '\r', '', 'ab\ncd', '\n\n'];
    for (let n = 0; n < 400; n++) {
      const text = doc.getText();
      const a = Math.floor(next() * text.length);
      const b = Math.min(text.length, a + Math.floor(next() * 5));
      const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
      doc.apply([{ range, text: inserts[Math.floor(next() * inserts.length)] }], doc.version + 1);
      const fresh = new LineIndex(doc.getText());
      assert.deepEqual(doc.lineIndex.lineStarts, fresh.lineStarts, `edit ${n}`);
    }
    assert.equal(doc.lineCount, new LineIndex(doc.getText()).lineCount);
  });

  it('logs the edits since the last reading, and forgets them after a full replacement', () => {
    const doc = new NewsDocument('file:///a.news', 'newsmark', 1, '标题\n\n正文。');
    doc.apply([{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: '二' }], 2);
    doc.apply([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: '' }], 3);
    assert.deepEqual(doc.changesSince(1), [
      { span: { start: 2, end: 2 }, newText: '二' },
      { span: { start: 5, end: 6 }, newText: '' },
    ]);
    assert.equal(doc.getText(), '标题二\n\n文。');
    doc.markRead();
    assert.deepEqual(doc.changesSince(3), []);
    assert.equal(doc.changesSince(2), null);
    doc.apply([{ text: 'new' }], 4);
    assert.equal(doc.changesSince(3), null);
    assert.equal(doc.getText({ start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }), 'ew');
  });

  it('after any LSP edits on a text of several pieces, holds the edited string and the line table of a fresh reading', () => {
    const change = fc.tuple(position, position, typed);
    const versions = fc.array(fc.tuple(fc.array(change, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(lines, fc.integer({ min: 70_000, max: 110_000 }), versions, (l, length, edits) => {
        let expected = hugeLine(l, length);
        const doc = new NewsDocument('file:///a.news', 'newsmark', 1, expected);
        edits.forEach(([changes, from, to], n) => {
          const version = n + 2;
          const events: TextDocumentContentChangeEvent[] = [];
          for (const [p, q, text] of changes) {
            // The reference reads positions in a TextDocument made afresh from the string (its incremental update
            // counts a CR typed before an LF as a line of its own), and edits the string. Each change's positions
            // are in the text the changes before it in the list made, as the protocol has it.
            const reference = TextDocument.create('file:///a.news', 'newsmark', version, expected);
            const a = { line: p.line % (reference.lineCount + 1), character: p.character };
            const b = { line: Math.min(reference.lineCount, a.line + (q.line % 3)), character: q.character };
            const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
            events.push({ range: { start, end }, text });
            expected = expected.slice(0, reference.offsetAt(start)) + text + expected.slice(reference.offsetAt(end));
          }
          doc.apply(events, version);
          const what = `version ${version}`;
          assert.equal(doc.getText(), expected, what);
          const fresh = new LineIndex(expected);
          assert.deepEqual(Array.from(doc.lineIndex.lineStarts), Array.from(fresh.lineStarts), `${what}: line starts`);
          assert.equal(doc.lineCount, fresh.lineCount, `${what}: line count`);
          const reference = TextDocument.create('file:///a.news', 'newsmark', version, expected);
          const [a, b] = [from % (expected.length + 1), to % (expected.length + 1)].sort((x, y) => x - y);
          const range = { start: reference.positionAt(a), end: reference.positionAt(b) };
          assert.deepEqual(doc.positionAt(b), range.end, `${what}: positionAt(${b})`);
          assert.equal(doc.offsetAt(range.start), reference.offsetAt(range.start), `${what}: offsetAt(${JSON.stringify(range.start)})`);
          assert.equal(doc.getText(range), reference.getText(range), `${what}: getText(${JSON.stringify(range)})`);
        });
      }),
      { numRuns: propertyRuns(15) },
    );
  });
});
