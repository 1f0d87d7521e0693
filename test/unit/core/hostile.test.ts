/**
 * The hostile documents of bench/hostile.ts, at small sizes, read correctly: a YAML alias bomb is refused
 * with an error and its article is still there, a huge front-matter block is read, a story with 10,000 credit
 * lines keeps them all, and binary data keeps every span inside the text. Timing is the benchmark's job
 * (`npm run bench:hostile`); these tests only check what the answers are.
 */
import * as assert from 'node:assert/strict';
import { HOSTILE_CASES, yamlAliasBomb } from '../../../bench/hostile';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { getOutline } from '../../../server/src/core/outline';
import { spanProblem } from '../../support/edits';
import { collectPositions } from '../../support/spans';

function hostile(name: string, scale: number): string {
  const c = HOSTILE_CASES.find((x) => x.name === name);
  assert.ok(c, name);
  return c.make(scale);
}

describe('hostile documents (small versions of the benchmark)', () => {
  it('refuses a YAML alias bomb with an error, keeps its article and reads the body', () => {
    const model = computeDocumentModel(yamlAliasBomb(9));
    const fm = model.articles[0].frontMatter;
    assert.ok(fm, 'the block is front-matter');
    assert.equal(fm.data, null, 'nothing expanded');
    assert.ok(fm.errors.some((e) => /alias/i.test(e.message)), fm.errors.map((e) => e.message).join('; '));
    assert.equal(model.articles.length, 1);
    assert.equal(model.articles[0].lede?.paragraph.text, '天津市蓟州区两大国家湿地公园建设进展顺利。');
  });

  it('expands a small alias tree that is within the limit', () => {
    const model = computeDocumentModel('---\nheadline: 标题\nl0: &l0 [a, b]\nl1: [*l0, *l0]\n---\n\n本报讯 正文。\n');
    const fm = model.articles[0].frontMatter!;
    assert.deepEqual(fm.errors, []);
    assert.deepEqual(fm.data?.l1, [['a', 'b'], ['a', 'b']]);
    assert.equal(model.articles[0].headline?.text, '标题');
  });

  it('reads a front-matter block of 1,990 lines, and treats an unclosed fence as text', () => {
    const model = computeDocumentModel(hostile('front-matter-huge', 1));
    assert.equal(model.articles[0].headline?.text, '标题');
    assert.equal(Object.keys(model.articles[0].frontMatter!.data!).length, 1991);
    const unclosed = hostile('front-matter-unclosed', 0.01);
    const m = computeDocumentModel(unclosed);
    assert.ok(m.paragraphs.every((p) => p.kind !== 'frontMatter'));
    assert.equal(m.paragraphs.map((p) => p.text).join('\n'), unclosed);
  });

  it('refuses front-matter nested deeper than 64 levels before parsing it, and still makes the article', () => {
    const model = computeDocumentModel(hostile('front-matter-nested-flow', 0.02));
    assert.match(model.articles[0].frontMatter!.errors[0].message, /nested 1001 levels deep \(more than 64\); not read/);
    assert.equal(model.articles.length, 1);
    assert.equal(model.articles[0].lede?.paragraph.text, '天津市蓟州区两大国家湿地公园建设进展顺利。');
  });

  it('reads nesting up to 64 levels, flow or block, and refuses 65', () => {
    const flow = (n: number) => `---\nheadline: 标题\ndeep: ${'['.repeat(n - 1)}x${']'.repeat(n - 1)}\n---\n\n正文。`;
    assert.deepEqual(computeDocumentModel(flow(64)).articles[0].frontMatter!.errors, []);
    assert.match(computeDocumentModel(flow(66)).articles[0].frontMatter!.errors[0].message, /not read/);
    const block = (n: number) => ['---', 'headline: 标题', ...Array.from({ length: n - 1 }, (_, i) => `${' '.repeat(i)}k${i}:`), '---', '', '正文。'].join('\n');
    const ok = computeDocumentModel(block(60)).articles[0].frontMatter!;
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.headline?.text, '标题');
    assert.match(computeDocumentModel(block(80)).articles[0].frontMatter!.errors[0].message, /not read/);
  });

  it('keeps all 10,000 trailing credit lines of a story, in order', () => {
    const text = '标题在这里\n\n本报讯 正文第一段。\n\n' + '任效良 孔超 赵伟光\n\n'.repeat(10_000);
    const model = computeDocumentModel(text);
    assert.equal(model.articles.length, 1);
    const credits = model.articles[0].credits;
    assert.equal(credits.length, 30_000);
    assert.deepEqual(credits.slice(0, 4).map((c) => c.name), ['任效良', '孔超', '赵伟光', '任效良']);
    assert.ok(credits.every((c, i) => i === 0 || c.span.start > credits[i - 1].span.start), 'in page order');
  });

  it('reads 200,000 `1、` as one paragraph of one article', () => {
    const model = computeDocumentModel(hostile('enumeration-1、', 1));
    assert.equal(model.paragraphs.length, 1);
    assert.equal(model.articles.length, 1);
    assert.equal(getOutline(model).length, 1);
  });

  for (const name of ['binary-utf8', 'binary-utf16', 'brackets-unclosed', 'brackets-nested', 'digits-and-separators', 'quotes-unclosed-lines', 'comments-unclosed', 'blank-lines']) {
    it(`${name}: no rule fails and every span lies inside the text`, () => {
      const text = hostile(name, 0.02);
      const model = computeDocumentModel(text);
      const result = computeFindings(model, defaultConfig());
      assert.deepEqual(result.failures, []);
      for (const s of collectPositions({ model, findings: result.findings, outline: getOutline(model) }).spans) {
        assert.equal(spanProblem(text, s.value), null, s.path);
      }
    });
  }
});
