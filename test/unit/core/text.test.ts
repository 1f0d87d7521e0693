/** Positions are LSP positions: 0-based lines, UTF-16 columns; CRLF, CR, a BOM and astral characters. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { applyTextChange } from '../../../server/src/core/incrementalModel';
import { PieceText } from '../../../server/src/core/pieceText';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/src/core/text';

describe('positions', () => {
  it('counts lines ending in LF, CRLF and a lone CR', () => {
    const index = new LineIndex('a\r\nb\rc\nd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
    assert.equal(index.lineText(0), 'a');
    assert.equal(index.offsetAt({ line: 3, character: 0 }), 7);
  });

  it('counts UTF-16 code units, so a character outside the BMP is two columns', () => {
    const text = '𠮷野家 本报讯';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(text.indexOf('本')), { line: 0, character: 5 });
  });

  it('gives the positions and ranges TextDocument gives, on texts with more lines than the table first has room for', () => {
    // Lines of 0 to 3 characters with LF, CRLF and lone CRs: several hundred lines in a few hundred characters, so
    // the table of line starts (room for one line in 64 characters at first) doubles several times.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const breaks = ['\n', '\r\n', '\r', '\n\n', '\r\r\n'];
    for (let round = 0; round < 6; round++) {
      let text = '';
      while (text.length < 400 + 300 * round) text += '本报讯𠮷a'.slice(0, next(5)) + breaks[next(breaks.length)];
      const index = new LineIndex(text);
      const doc = TextDocument.create('file:///t.news', 'newsmark', 1, text);
      assert.equal(index.lineCount, doc.lineCount);
      for (let o = -2; o <= text.length + 2; o++) assert.deepEqual(index.positionAt(o), doc.positionAt(o), `offset ${o}`);
      for (let k = 0; k < 300; k++) {
        const a = next(text.length + 1);
        const b = next(text.length + 1);
        const span = { start: Math.min(a, b), end: Math.max(a, b) };
        assert.deepEqual(index.rangeOf(span), { start: doc.positionAt(span.start), end: doc.positionAt(span.end) }, `${span.start}-${span.end}`);
      }
    }
  });

  it('clamps positions outside the document', () => {
    const index = new LineIndex('ab\ncd');
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 5);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.deepEqual(index.positionAt(-4), { line: 0, character: 0 });
  });

  it('reads a CRLF page with a BOM like the same page with LF', () => {
    const lf = '天津出台优化执法方式实施方案\n\n年底前建立非现场监管程序规范\n\n本报讯 近日，天津市出台实施方案。\n\n金文';
    const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
    const a = computeDocumentModel(lf).articles[0];
    const b = computeDocumentModel(crlf).articles[0];
    assert.equal(b.headline?.text, a.headline?.text);
    assert.deepEqual(b.credits.map((c) => c.name), ['金文']);
    const m = computeDocumentModel(crlf);
    assert.deepEqual(m.lines.rangeOf(b.credits[0].span), { start: { line: 6, character: 0 }, end: { line: 6, character: 2 } });
  });

  it('puts spans after an astral character at the right columns', () => {
    const text = '𠮷野家开设新门店\n\n本报讯 𠮷野家在天津开设新门店。\n\n金文';
    const m = computeDocumentModel(text);
    const a = m.articles[0];
    assert.equal(a.headline?.text, '𠮷野家开设新门店');
    const lede = m.lines.rangeOf(a.lede!.content);
    assert.deepEqual(lede.start, { line: 2, character: 4 });
    assert.equal(m.text.slice(a.lede!.content.start, a.lede!.content.end), '𠮷野家在天津开设新门店。');
  });

  it('after edits within lines answers as a fresh index of the new text, sharing one table while typing along a line', () => {
    let text = '本报讯 近日，\r\n天津市出台方案。\n\n𠮷野家\r金文\n'.repeat(40);
    let index = new LineIndex(text);
    const table = (x: LineIndex) => (x as unknown as { starts: Int32Array }).starts;
    const first = table(index);
    const check = (what: string) => {
      const fresh = new LineIndex(text);
      assert.equal(index.lineCount, fresh.lineCount, what);
      for (let l = 0; l < fresh.lineCount; l++) {
        assert.equal(index.lineStart(l), fresh.lineStart(l), `${what}: line ${l}`);
        assert.equal(index.lineEndOffset(l), fresh.lineEndOffset(l), `${what}: end of line ${l}`);
      }
      for (let o = 0; o <= text.length; o += 7) {
        const p = fresh.positionAt(o);
        assert.deepEqual(index.positionAt(o), p, `${what}: positionAt(${o})`);
        assert.equal(index.offsetAt(p), fresh.offsetAt(p), `${what}: offsetAt`);
        assert.ok(index.isPositionOf(p, o), `${what}: isPositionOf(${o})`);
      }
    };
    const edit = (start: number, end: number, newText: string) => {
      index = applyTextChange(PieceText.of(text), index, { span: { start, end }, newText }).lines;
      text = text.slice(0, start) + newText + text.slice(end);
    };
    // Typing along line 20, then deleting there: every later line moves, the table is the first one.
    const at = new LineIndex(text).lineStart(20) + 2;
    for (let k = 0; k < 30; k++) edit(at + k, at + k, k % 3 === 0 ? '𠮷' : '字');
    edit(at, at + 4, '');
    check('typing along a line');
    assert.equal(table(index), first, 'no copy while typing along one line');
    // A break typed below the line typed along: the lines between keep the shift, those after it move on.
    edit(index.lineStart(60) + 1, index.lineStart(60) + 1, '\n');
    check('then a break below');
    // On another line, above and below: one copy each time the moved line changes, answers unchanged.
    edit(index.lineStart(3) + 1, index.lineStart(3) + 1, '二');
    check('then above');
    assert.notEqual(table(index), first);
    edit(index.lineStart(90), index.lineStart(90) + 1, '');
    check('then below');
    // Edits that change the lines: a break typed, one joined.
    edit(index.lineStart(50) + 1, index.lineStart(50) + 1, '\r\n');
    edit(index.lineEndOffset(60), index.lineStart(61), '');
    check('then breaks');
    assert.equal(index.lineStarts.length, index.lineCount);
    assert.deepEqual(Array.from(index.lineStarts), Array.from(new LineIndex(text).lineStarts));
  });

  it('answers in a window of lines as a fresh index of the window\'s text, through the same table, after typing along a line too', () => {
    let text = '本报讯 近日，\r\n天津市出台方案。\n\n𠮷野家\r金文\n'.repeat(12) + '末行';
    let index = new LineIndex(text);
    const table = (x: LineIndex) => (x as unknown as { starts: Int32Array }).starts;
    const windows = (what: string, moved: number | null) => {
      let seen = 0;
      for (let from = 0; from < index.lineCount; from += 3) {
        for (const to of [from + 1, from + 2, from + 7, index.lineCount]) {
          if (to > index.lineCount) continue;
          // A view's text runs from its first line's start to its last line's start (the page's end for the last line).
          const start = index.lineStart(from);
          const end = to === index.lineCount ? text.length : index.lineStart(to - 1);
          const part = text.slice(start, end);
          const window = index.window(part, from, to);
          if (moved !== null && from < moved && moved < to) {
            assert.equal(window, null, `${what}: lines ${from} to ${to} hold the line moved from`);
            continue;
          }
          assert.ok(window, `${what}: lines ${from} to ${to}`);
          const fresh = new LineIndex(part);
          assert.deepEqual(Array.from(window.lineStarts), Array.from(fresh.lineStarts), `${what}: lines ${from} to ${to}`);
          for (let o = 0; o <= part.length; o += 3) assert.deepEqual(window.positionAt(o), fresh.positionAt(o), `${what}: positionAt(${o}) in lines ${from} to ${to}`);
          assert.equal(table(window).buffer, table(index).buffer, 'the same table');
          seen++;
        }
      }
      assert.ok(seen > 20, `${what}: ${seen} windows`);
    };
    windows('a fresh index', null);
    // Typing along line 10 moves the lines after it, and the table is shared: windows across line 10 are scanned.
    const at = index.lineStart(10) + 2;
    for (let k = 0; k < 5; k++) {
      index = applyTextChange(PieceText.of(text), index, { span: { start: at + k, end: at + k }, newText: '字' }).lines;
      text = text.slice(0, at + k) + '字' + text.slice(at + k);
    }
    windows('after typing along line 10', 11);
  });
});
