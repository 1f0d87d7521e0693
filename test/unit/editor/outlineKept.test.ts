/**
 * The outline kept per item past its limit (`newsmark.maxItemsComputed`): an item none of whose children are given
 * keeps its bare symbols and counts, not its children, and its children are made again from the current model when
 * a larger limit or an edit brings them within. Every answer equals the whole outline of a fresh reading, limited.
 */
import * as assert from 'node:assert/strict';
import { DocumentSymbol } from 'vscode-languageserver/node';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { NewsDocument } from '../../../server/src/documentStore';
import { documentOutline, getDocumentSymbols, limitSymbols, outlinePerItem } from '../../../server/src/features/documentSymbols';
import { ModelCache } from '../../../server/src/modelCache';
import { readSample } from '../../support/text';

const uri = 'file:///archive.news';
const count = (list: readonly DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);

/** The limited outline of a fresh reading of `text`, as the editor reads it. */
function fresh(text: string, max: number) {
  return asJson(limitSymbols(getDocumentSymbols(computeDocumentModel(text)).map((s) => [s]), max));
}

/** A value as the editor reads it: the kept symbols are their JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const symbolsOf = (list: readonly object[]): DocumentSymbol[] => JSON.parse(JSON.stringify(list));

describe('outline kept past its limit', () => {
  const page = [readSample(), readSample().replace(/天津/g, '滨海'), readSample().replace(/\d/g, (d) => String((Number(d) + 7) % 10))].join('\n\n');
  const whole = getDocumentSymbols(computeDocumentModel(page));
  // Room for every item and the children of the first two articles that have any.
  const withChildren = whole.map((s, i) => [i, count(s.children ?? [])]).filter(([, n]) => n > 0);
  const max = whole.length + withChildren[0][1] + withChildren[1][1];

  it('keeps the children of the items whose children are given, and only theirs', () => {
    assert.ok(withChildren.length > 6, `${withChildren.length} items with children`);
    const models = new ModelCache();
    const document = new NewsDocument(uri, 'newsmark', 1, page);
    // Items past the limit are left bare as they are made: none of them has to be made again for this answer.
    let madeAgain = 0;
    const itemValue = models.itemValue.bind(models);
    models.itemValue = (...args) => {
      madeAgain++;
      return itemValue(...args);
    };
    const answer = documentOutline(models, document, max);
    assert.deepEqual(asJson(answer), fresh(page, max));
    assert.equal(madeAgain, 0);
    const entries = outlinePerItem(models, document);
    entries.forEach((e, i) => {
      const given = answer.symbols[i] === e.full?.[0];
      assert.equal(e.full !== null, given || e.counts[0] === 0, `item ${i}: children kept ${e.full !== null}, given ${given}`);
      assert.ok(e.full !== null || (e.bare !== null && symbolsOf(e.bare).every((s) => (s.children ?? []).length === 0)), `item ${i} keeps its bare symbols`);
    });
    assert.equal(entries.filter((e) => e.full && e.counts[0] > 0).length, 2);
  });

  it('makes the children again when a larger limit takes them in, the same as a fresh reading, after edits too', () => {
    const models = new ModelCache();
    const document = new NewsDocument(uri, 'newsmark', 1, page);
    documentOutline(models, document, max);
    // A keystroke in the last article and a line break in the first: the text is kept in pieces, and items move by lines.
    const last = document.positionAt(page.lastIndexOf('。') - 1);
    document.apply([{ range: { start: last, end: last }, text: '字' }], 2);
    const first = document.positionAt(page.indexOf('。', page.indexOf('本报讯')) - 2);
    document.apply([{ range: { start: first, end: first }, text: '\n\n' }], 3);
    const text = document.getText();
    assert.deepEqual(asJson(documentOutline(models, document, max)), fresh(text, max));
    const third = withChildren[2][0];
    assert.equal(outlinePerItem(models, document)[third].full, null, 'the third item with children keeps none');
    const larger = max + withChildren[2][1];
    const answer = documentOutline(models, document, larger);
    assert.deepEqual(asJson(answer), fresh(text, larger));
    assert.ok(count(symbolsOf(answer.symbols)[third].children ?? []) > 0, 'its children are given again');
    assert.equal(outlinePerItem(models, document)[third].full?.[0], answer.symbols[third]);
    // And the smaller limit again: the same objects as the larger one's for the items given whole.
    const again = documentOutline(models, document, max);
    assert.deepEqual(asJson(again), fresh(text, max));
    assert.equal(again.symbols[withChildren[0][0]], answer.symbols[withChildren[0][0]]);
  });
});
