/**
 * The acceptance of the structure core on the user's own page (issue 2). Line numbers are 1-based, as the
 * issue states them.
 */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { Article, DocumentModel } from '../../../server/src/core/model';
import { summarizeDocument } from '../../../server/src/core/summary';
import { readSample } from '../../support/text';

describe('sample page: tianjin-environment-page', () => {
  let model: DocumentModel;
  let articles: Article[];
  const line = (offset: number) => model.lines.positionAt(offset).line + 1;

  before(() => {
    model = computeDocumentModel(readSample());
    articles = model.articles;
  });

  it('has seven articles with headlines on lines 3, 29, 43, 61, 77, 99, 137', () => {
    assert.equal(articles.length, 7);
    assert.deepEqual(articles.map((a) => (a.headline ? line(a.headline.span.start) : null)), [3, 29, 43, 61, 77, 99, 137]);
  });

  it('gives each article its subheadline (lines 5, 31, 45, 63, 79, 101, 139)', () => {
    assert.deepEqual(articles.map((a) => a.subheadlines.map((s) => line(s.span.start))), [[5], [31], [45], [63], [79], [101], [139]]);
    assert.equal(articles[3].subheadlines[0].text, '8月底前建成,总面积1240多公顷');
  });

  it('puts the bold column banner of lines 7–9 in the first article', () => {
    const first = articles[0];
    assert.ok(first.kicker);
    assert.equal(first.kicker.text, '奋斗百年路 启航新征程');
    assert.equal(line(first.kicker.span.start), 7);
    assert.equal(line(first.kicker.span.end), 8);
    assert.equal(first.kickerSubtitle?.text, '学党史 悟思想 办实事 开新局');
    assert.equal(line(first.kickerSubtitle!.span.start), 9);
    assert.ok(articles.slice(1).every((a) => a.kicker === null));
  });

  it('names the right people in each article', () => {
    const names = articles.map((a) => [...a.bylines.map((b) => b.name), ...a.credits.map((c) => c.name)]);
    assert.deepEqual(names, [
      ['郭文生', '任效良'],
      ['郭文生', '任效良'],
      ['任效良', '张冬梅'],
      ['金文'],
      ['任效良', '孔超', '赵伟光'],
      ['郭文生', '任效良'],
      [],
    ]);
  });

  it('reads roles from fused bylines', () => {
    assert.deepEqual(articles[0].bylines.map((b) => [b.role, b.name]), [['本报记者', '郭文生'], ['见习记者', '任效良']]);
    assert.deepEqual(articles[2].bylines.map((b) => [b.role, b.name]), [['本报见习记者', '任效良'], ['通讯员', '张冬梅']]);
  });

  it('keeps 金文 and 任效良 孔超 赵伟光 as trailing credits, not bylines', () => {
    assert.deepEqual(articles[3].bylines, []);
    assert.deepEqual(articles[3].credits.map((c) => c.name), ['金文']);
    assert.equal(line(articles[3].credits[0].span.start), 75);
    assert.deepEqual(articles[4].credits.map((c) => c.name), ['任效良', '孔超', '赵伟光']);
    assert.equal(line(articles[4].credits[0].span.start), 91);
    // The prose of line 91 ends before the names.
    const last = articles[4].body[articles[4].body.length - 1];
    assert.ok(model.text.slice(last.content.start, last.content.end).endsWith('高质量发展。'));
  });

  it('finds the dateline place 天津 in articles 1–3 and 本报讯 in 4, 5 and 7', () => {
    assert.deepEqual(articles.slice(0, 3).map((a) => a.dateline?.place), ['天津', '天津', '天津']);
    assert.deepEqual([3, 4, 6].map((i) => articles[i].dateline?.agency), ['本报', '本报', '本报']);
    assert.equal(articles[5].dateline, null);
  });

  it('starts the lede after the opener', () => {
    const lede = articles[0].lede!;
    assert.equal(line(lede.content.start), 11);
    assert.ok(model.text.slice(lede.content.start, lede.content.end).startsWith('天津市生态环境局党组理论学习中心组日前开展集中学习'));
    assert.ok(model.text.slice(articles[3].lede!.content.start).startsWith('天津市蓟州区州河'));
  });

  it('makes the photo on lines 95–97 an item of its own, credited to 张冬梅', () => {
    const photos = model.items.filter((i) => i.kind === 'photo');
    assert.equal(photos.length, 1);
    const photo = photos[0];
    assert.equal(photo.kind, 'photo');
    if (photo.kind !== 'photo') return;
    assert.equal(line(photo.span.start), 95);
    assert.equal(line(photo.span.end), 97);
    assert.equal(photo.caption.credit, '张冬梅');
    assert.deepEqual(model.items.map((i) => i.kind), ['article', 'article', 'article', 'article', 'article', 'photo', 'article', 'article']);
  });

  it('finds the section heads of article 6 on lines 107, 113 and 125', () => {
    assert.deepEqual(articles[5].sections.map((s) => [s.line + 1, s.title]), [
      [107, '坚持一个科学指引'],
      [113, '紧盯三条治污主线'],
      [125, '健全四项工作机制'],
    ]);
    assert.ok(articles.filter((_, i) => i !== 5).every((a) => a.sections.length === 0));
  });

  it('does not take lines 25, 75, 85, 97 or 111 for headlines', () => {
    const headlineLines = new Set(model.blocks.filter((b) => b.role === 'headline' || b.role === 'subheadline').map((b) => b.paragraph.startLine + 1));
    for (const l of [25, 75, 85, 97, 111]) assert.ok(!headlineLines.has(l), `line ${l} is not a headline`);
    const roleAt = (l: number) => model.blocks.find((b) => b.paragraph.startLine + 1 === l)?.role;
    assert.equal(roleAt(25), 'body');
    assert.equal(roleAt(85), 'body');
    assert.equal(roleAt(75), 'credit');
    assert.equal(roleAt(97), 'photoCredit');
    assert.equal(roleAt(111), 'orphanCredit');
  });

  it('treats 任效良 董峰 on line 111 as a stray credit, not a byline or credit of article 6', () => {
    const a = articles[5];
    assert.deepEqual(a.orphanCredits.map((b) => b.paragraph.startLine + 1), [111]);
    assert.ok(!a.bylines.some((b) => b.name === '董峰'));
    assert.ok(!a.credits.some((c) => c.name === '董峰'));
  });

  it('covers every paragraph of the page with exactly one block', () => {
    assert.equal(model.blocks.length, model.paragraphs.length);
    assert.deepEqual(model.blocks.map((b) => b.paragraph.index), model.paragraphs.map((p) => p.index));
  });

  it('summarises to the stable JSON shape with 0-based ranges', () => {
    const summary = summarizeDocument(model);
    assert.equal(summary.articles.length, 7);
    assert.equal(summary.items.length, 8);
    const first = summary.articles[0];
    assert.deepEqual(first.range.start, { line: 2, character: 0 });
    assert.equal(first.range.end.line, 26);
    assert.deepEqual(first.dateline, { place: '天津', date: null, agency: '本报' });
    assert.deepEqual(summary.articles[5].sections, [
      { title: '坚持一个科学指引', line: 106 },
      { title: '紧盯三条治污主线', line: 112 },
      { title: '健全四项工作机制', line: 124 },
    ]);
    const photo = summary.items[5];
    assert.equal(photo.kind, 'photo');
    if (photo.kind !== 'photo') return;
    assert.equal(photo.credit, '张冬梅');
    assert.ok(photo.caption.startsWith('4月上旬') && photo.caption.includes('图为4月8日'));
    assert.deepEqual([photo.range.start.line, photo.range.end.line], [94, 96]);
  });
});
