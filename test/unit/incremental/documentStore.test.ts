/** The document store applies LSP edits without rebuilding its text or line table, and logs them for the model cache. */
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text';
import { NewsDocument } from '../../../server/src/documentStore';
import { readSample } from '../../support/text';

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
});
