/** Positions are LSP positions: 0-based lines, UTF-16 columns; CRLF, CR, a BOM and astral characters. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
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
});
