/**
 * Hostile text: inputs built so that a backtracking regular expression or a scan repeated per line would take
 * hours (150,000 spaces in one line, a 100,000-line paragraph). Nothing here is timed; a quadratic scanner
 * shows as a test that never finishes within mocha's timeout. The bench's "hostile inputs" section times them.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';

// Large enough that a quadratic scan takes minutes and fails on the timeout, small enough to read in milliseconds.
const N = 150_000;

function analyse(text: string) {
  const model = computeDocumentModel(text);
  computeFindings(model, defaultConfig());
  return model;
}

describe('hostile inputs', () => {
  it('150,000 spaces inside one line of prose is one paragraph', () => {
    const model = analyse('a' + ' '.repeat(N) + 'b');
    assert.equal(model.paragraphs.length, 1);
    assert.equal(model.articles[0].lede?.paragraph.index, 0);
  });

  it('150,000 spaces before an end mark', () => {
    const model = analyse('本报讯 正文。' + ' '.repeat(N) + '（完）');
    assert.equal(model.paragraphs.length, 1);
  });

  it('a caption with 150,000 spaces before its credit', () => {
    const model = analyse('图为' + ' '.repeat(N) + '张三摄');
    assert.equal(model.items.length, 1);
  });

  it('a hard-wrapped Latin paragraph of 50,000 lines is joined into one paragraph', () => {
    const model = analyse(('word '.repeat(12) + '\n').repeat(50_000));
    assert.equal(model.paragraphs.length, 1);
  });

  it('200,000 header-shaped lines in one article', () => {
    const model = analyse('本报讯 正文。\n\n' + 'a: b\n'.repeat(200_000));
    assert.ok(model.paragraphs.length >= 200_000);
  });

  it('"contributed" bait and bold runs', () => {
    assert.ok(analyse(('AP writer ' + ' '.repeat(50)).repeat(N / 60) + 'x').paragraphs.length >= 1);
    assert.ok(analyse('**' + '字'.repeat(N)).paragraphs.length >= 1);
  });
});
