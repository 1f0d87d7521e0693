/**
 * Folding regions kept per unit of the page (an item and the lines after it): put one after the other they are the
 * regions of the whole page read at once — on every fixture, CRLF, a page header in front-matter, multi-line
 * comments between and inside articles, text before the first article — so the server can keep them per article.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getFoldingRegions, getUnitFoldingRegions } from '../../../server/src/core/folding';
import { readSample } from '../../support/text';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

describe('folding regions per unit', () => {
  const page = readSample();
  const articles = page.split('\n\n');
  const pages: [string, string][] = [
    ...fs.readdirSync(FIXTURES).map((f): [string, string] => [f, fs.readFileSync(path.join(FIXTURES, f), 'utf8')]),
    ['three copies', [page, page.replace(/天津/g, '滨海'), page].join('\n\n')],
    ['CRLF', page.replace(/\n/g, '\r\n')],
    ['a page header in front-matter', '---\npage: 4\nsection: 要闻\n---\n\n' + page],
    ['multi-line comments', ['<!--\n版面说明\n第二行\n-->', ...articles.slice(0, 20), '<!-- newsmark-disable\n待核实\n-->', ...articles.slice(20)].join('\n\n')],
    ['a preamble before the first article', '（本版责任编辑：李明 刘芳）\n\n2021年3月8日 星期一 第4版\n\n' + page],
  ];
  for (const [name, text] of pages) {
    it(`equals the whole page's regions: ${name}`, () => {
      const model = computeDocumentModel(text);
      const whole = getFoldingRegions(model);
      assert.ok(model.items.length > 0 && whole.length > 0);
      assert.deepEqual(model.items.flatMap((_, k) => getUnitFoldingRegions(model, k)), whole);
    });
  }

  it('has comment regions in the comments page, so that case is tested', () => {
    const model = computeDocumentModel(pages.find(([name]) => name === 'multi-line comments')![1]);
    assert.ok(getFoldingRegions(model).filter((r) => r.kind === 'comment').length >= 2);
  });
});
