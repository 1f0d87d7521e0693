/**
 * The outline's limit (`newsmark.maxItemsComputed`): past it every article keeps its node and children are given
 * in page order while they fit, so a year of pages stays navigable by headline.
 */
import * as assert from 'node:assert/strict';
import { DocumentSymbol } from 'vscode-languageserver/node';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getDocumentSymbols, limitSymbols } from '../../../server/src/features/documentSymbols';
import { DEFAULT_MAX_ITEMS_COMPUTED, maxItemsComputed } from '../../../server/src/settings';
import { readSample } from '../../support/text';

const count = (list: readonly DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);

describe('outline limit', () => {
  const full = getDocumentSymbols(computeDocumentModel(readSample()));
  const perItem = full.map((s) => [s]);
  const total = count(full);

  it('gives the whole outline within the limit, and with no limit (0)', () => {
    assert.ok(total > 20, `the sample has ${total} symbols`);
    assert.deepEqual(limitSymbols(perItem, total), { symbols: full, leftOut: 0 });
    assert.deepEqual(limitSymbols(perItem, 0), { symbols: full, leftOut: 0 });
  });

  it('keeps every headline and gives children in page order while they fit', () => {
    const max = full.length + (full[0].children?.length ?? 0) + 1;
    const { symbols, leftOut } = limitSymbols(perItem, max);
    assert.deepEqual(symbols.map((s) => s.name), full.map((s) => s.name));
    assert.deepEqual(symbols[0], full[0]);
    assert.ok(symbols.slice(1).every((s) => (s.children ?? []).length === 0), 'children stop at the first article that does not fit');
    assert.ok(count(symbols) <= max);
    assert.equal(leftOut, total - count(symbols));
    assert.ok(leftOut > 0);
  });

  it('gives the first items when the items alone pass the limit', () => {
    const { symbols, leftOut } = limitSymbols(perItem, 3);
    assert.deepEqual(symbols.map((s) => s.name), full.slice(0, 3).map((s) => s.name));
    assert.equal(count(symbols), 3);
    assert.equal(leftOut, total - 3);
  });

  it('answers the same when asked again with the same symbols, at any limit, sharing the childless copies', () => {
    for (const max of [3, full.length + 2, total - 1, total]) {
      const first = limitSymbols(perItem, max);
      const again = limitSymbols(perItem.map((list) => [...list]), max);
      assert.deepEqual(again, first);
      assert.equal(count(again.symbols) + again.leftOut, total);
      again.symbols.forEach((s, i) => assert.equal(s, first.symbols[i], `symbol ${i} at limit ${max} is the one given before`));
    }
    assert.equal(count(full), total, 'the symbols given are not changed by the limit');
  });

  it('reads the setting: a whole number of 0 or more, else the default', () => {
    assert.equal(DEFAULT_MAX_ITEMS_COMPUTED, 5000);
    assert.equal(maxItemsComputed({ maxItemsComputed: 12.7 }), 12);
    assert.equal(maxItemsComputed({ maxItemsComputed: 0 }), 0);
    assert.equal(maxItemsComputed({ maxItemsComputed: -1 }), 5000);
    assert.equal(maxItemsComputed(null), 5000);
  });
});
