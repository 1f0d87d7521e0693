/** Documents already converted to front-matter are read as articles with their header from the block. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { joinLines } from '../../support/text';

const DOC = joinLines(
  '---',
  'headline: 蓟州区将添两大国家湿地公园',
  'subheadlines:',
  '  - 8月底前建成，总面积1240多公顷',
  'kicker: 生态文明',
  'bylines:',
  '  - name: 金文',
  '    role: 记者',
  'dateline:',
  '  place: 天津',
  '  agency: 本报',
  'credits:',
  '  - name: 张冬梅',
  '    role: 摄影',
  '---',
  '',
  '天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利。',
  '',
  '据了解，这两个国家湿地公园总面积1240多公顷。',
);

describe('front-matter documents', () => {
  it('takes headline, subheadlines, kicker, bylines, dateline and credits from the block', () => {
    const m = computeDocumentModel(DOC);
    const a = m.articles[0];
    assert.equal(m.articles.length, 1);
    assert.equal(a.format, 'front-matter');
    assert.equal(a.headline?.text, '蓟州区将添两大国家湿地公园');
    assert.deepEqual(a.subheadlines.map((s) => s.text), ['8月底前建成，总面积1240多公顷']);
    assert.equal(a.kicker?.text, '生态文明');
    assert.deepEqual(a.bylines.map((b) => [b.name, b.role]), [['金文', '记者']]);
    assert.deepEqual(a.dateline && [a.dateline.place, a.dateline.agency], ['天津', '本报']);
    assert.deepEqual(a.credits.map((c) => [c.name, c.role]), [['张冬梅', '摄影']]);
  });

  it('points the headline span at its value in the block', () => {
    const m = computeDocumentModel(DOC);
    const h = m.articles[0].headline!;
    assert.equal(m.text.slice(h.span.start, h.span.end), '蓟州区将添两大国家湿地公园');
    assert.equal(m.lines.positionAt(h.span.start).line, 1);
  });

  it('reads the body after the block as prose, the first paragraph as the lede', () => {
    const m = computeDocumentModel(DOC);
    const a = m.articles[0];
    assert.equal(a.body.length, 2);
    assert.ok(m.text.slice(a.lede!.content.start).startsWith('天津市蓟州区'));
  });

  it('starts an article at each block of a converted page', () => {
    const two = joinLines('---', 'headline: 第一篇', '---', '', '正文一。', '', '---', 'headline: 第二篇', '---', '', '正文二。');
    assert.deepEqual(computeDocumentModel(two).articles.map((a) => a.headline?.text), ['第一篇', '第二篇']);
  });

  it('reports a YAML error at its position and still makes an article', () => {
    const broken = joinLines('---', 'headline: [unclosed', '---', '', '正文。');
    const a = computeDocumentModel(broken).articles[0];
    assert.ok(a.frontMatter);
    assert.ok(a.frontMatter.errors.length > 0);
    assert.ok(a.frontMatter.errors[0].span.start >= a.frontMatter.contentSpan.start);
  });

  it('refuses to expand a YAML alias bomb', () => {
    const lines = ['---', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('headline: bomb', '---', '', '正文。');
    const a = computeDocumentModel(lines.join('\n')).articles[0];
    assert.ok(a.frontMatter && a.frontMatter.errors.some((e) => /alias/i.test(e.message)));
  });

  it('does not take a horizontal rule in prose for front-matter', () => {
    const m = computeDocumentModel(joinLines('标题', '', '本报讯 正文第一段。', '', '---', '', '正文第二段。'));
    assert.ok(m.articles.every((a) => a.frontMatter === null));
  });
});
