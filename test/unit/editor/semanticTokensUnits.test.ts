/**
 * Semantic tokens kept per unit of the page (an item and the lines after it): put one after the other they are the
 * tokens of the whole page read at once, on every kind of page (Chinese paper, wires, front-matter, a photo between
 * articles, CRLF line ends, text before the first article), and after edits that the model cache applies
 * incrementally.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { DocumentModel } from '../../../server/src/core/model';
import { encodeSemanticTokens, encodeUnitTokens, unitTokens } from '../../../server/src/features/semanticTokens';
import { readSample } from '../../support/text';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const byUnits = (model: DocumentModel) => encodeUnitTokens(model.items.map((item) => unitTokens(model, item))).data;
const whole = (model: DocumentModel) => encodeSemanticTokens(model).data;

describe('semantic tokens per unit', () => {
  const page = readSample();
  const pages: [string, string][] = [
    ...fs.readdirSync(FIXTURES).map((f): [string, string] => [f, fs.readFileSync(path.join(FIXTURES, f), 'utf8')]),
    ['three copies', [page, page.replace(/天津/g, '滨海'), page].join('\n\n')],
    ['CRLF', page.replace(/\n/g, '\r\n')],
    ['a preamble before the first article', '（本版责任编辑：李明 刘芳）\n\n2021年3月8日 星期一 第4版\n\n' + page],
    ['front-matter', '---\nheadline: 天津发布新规\nbyline:\n  - name: 金文\n    role: 记者\ndateline: 天津\n---\n\n本报讯 天津市今年新增绿地1240多公顷，比上年增长12%。\n\n' + page],
    ['empty', ''],
  ];
  for (const [name, text] of pages) {
    it(`equals the whole page's tokens: ${name}`, () => {
      const model = computeDocumentModel(text);
      assert.deepEqual(byUnits(model), whole(model));
      if (text.length > 0) assert.ok(whole(model).length > 0);
    });
  }
});
