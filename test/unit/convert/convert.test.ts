/** Conversion of single articles: what the block says, what the body keeps, quoting, and what is left alone. */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits, computeArticleConversion, computeConvertedText, stringifyFrontMatter } from '../../../server/src/core/convert';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getSlug, getSplitFileNames } from '../../../server/src/core/slug';
import { paragraphs, readSample } from '../../support/text';

describe('conversion to front-matter', () => {
  it('replaces the header lines and the opener of one article, leaving the others', () => {
    const m = computeDocumentModel(readSample());
    const c = computeArticleConversion(m, m.articles[3])!;
    const out = applyEdits(m.text, c.edits);
    const expected = [
      '---',
      'headline: 蓟州区将添两大国家湿地公园',
      'subheadlines:',
      '  - 8月底前建成,总面积1240多公顷',
      'dateline:',
      '  agency: 本报',
      '---',
      '',
      '天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利,',
    ].join('\n');
    assert.ok(out.includes(expected), 'block, blank line, lede without 本报讯');
    assert.ok(out.includes('\n\n金文\n'), 'the trailing credit stays in place');
    assert.ok(out.includes('本报记者郭文生 见习记者任效良天津报道 天津市人民政府'), 'article 2 is untouched');
    const after = computeDocumentModel(out);
    assert.equal(after.articles.length, 7);
    assert.equal(after.articles[3].format, 'front-matter');
    assert.deepEqual(after.articles[3].credits.map((c2) => c2.name), ['金文']);
  });

  it('keeps the column banner and its —— line as kicker and kickerSubtitle', () => {
    const m = computeDocumentModel(readSample());
    const c = computeArticleConversion(m, m.articles[0])!;
    assert.equal(c.data.kicker, '奋斗百年路 启航新征程');
    assert.equal(c.data.kickerSubtitle, '学党史 悟思想 办实事 开新局');
    assert.deepEqual(c.data.bylines, [{ name: '郭文生', role: '本报记者' }, { name: '任效良', role: '见习记者' }]);
    assert.deepEqual(c.data.dateline, { place: '天津', agency: '本报' });
  });

  it('quotes values that would read back as something else', () => {
    const data = { headline: '2021', subheadlines: ['yes', 'null', '#1 in sales', 'a: b', '- dash', '"quoted"', '3月12日'] };
    const block = stringifyFrontMatter(data);
    assert.deepEqual(parse(block.replace(/^---\n|---$/g, '')), data);
    assert.match(block, /headline: "2021"|headline: '2021'/);
  });

  it('writes a headline that is a number or a keyword as text the reader gets back', () => {
    const text = paragraphs('2021', 'true', '本报讯 今年全市新建污水处理设施12座。');
    const out = computeConvertedText(computeDocumentModel(text));
    const a = computeDocumentModel(out).articles[0];
    assert.equal(a.headline?.text, '2021');
    assert.deepEqual(a.subheadlines.map((s) => s.text), ['true']);
  });

  it('keeps a suppression comment between the header and the opener, after the block', () => {
    const text = paragraphs('标题一', '副标题', '<!-- newsmark-disable missing-byline -->', '本报讯 正文第一段。');
    const out = computeConvertedText(computeDocumentModel(text));
    assert.match(out, /---\n\n<!-- newsmark-disable missing-byline -->\n\n正文第一段。/);
  });

  it('puts a blank line before a block whose header line directly followed the previous line', () => {
    const text = 'Prior story ends here with a full sentence.\nStorm knocks out power\n\nBy JANE DOE\n\nHOUSTON (AP) — A storm swept through Texas on Tuesday, officials said.\n';
    const m = computeDocumentModel(text);
    const out = computeConvertedText(m);
    assert.ok(!/\n---\nheadline/.test(out.replace(/\n\n---\nheadline/g, '')), 'every block starts after a blank line');
  });

  it('leaves front-matter articles and articles with nothing to put in a block alone', () => {
    const fm = ['---', 'headline: 已转换', '---', '', '正文。'].join('\n');
    assert.equal(computeConvertedText(computeDocumentModel(fm)), fm);
    const bare = '一段没有标题也没有署名的正文，作为文件中唯一的内容出现在这里。\n';
    assert.equal(computeConvertedText(computeDocumentModel(bare)), bare);
  });

  it('never drops a character of the body of any article on the sample page', () => {
    const m = computeDocumentModel(readSample());
    const out = computeConvertedText(m).replace(/\s+/g, '');
    for (const a of m.articles) {
      for (const b of a.body) assert.ok(out.includes(m.text.slice(b.content.start, b.paragraph.span.end).replace(/\s+/g, '')));
    }
  });
});

describe('split file names', () => {
  it('keeps Han characters, lowercases Latin words and replaces everything else with hyphens', () => {
    assert.equal(getSlug('北辰区开展“我为群众办实事”实践活动'), '北辰区开展-我为群众办实事-实践活动');
    assert.equal(getSlug('Storm knocks out power to thousands in Texas'), 'storm-knocks-out-power-to-thousands-in');
    assert.equal(getSlug('Café: São Paulo / Zürich?'), 'cafe-sao-paulo-zurich');
    assert.equal(getSlug('PM_{2.5}浓度不超过45微克/立方米'), 'pm-2-5-浓度不超过45微克-立方米');
    assert.equal(getSlug('***'), 'article');
    assert.equal(getSlug(null), 'article');
  });

  it('numbers by order with at least two digits', () => {
    assert.deepEqual(getSplitFileNames(['天津', null]), ['01-天津.md', '02-article.md']);
    assert.equal(getSplitFileNames(Array(120).fill('x'))[119], '120-x.md');
  });
});

describe('conversion of a CRLF page', () => {
  it('writes the block with CRLF and round-trips the outline', () => {
    const text = readSample().replace(/\r?\n/g, '\r\n');
    const out = computeConvertedText(computeDocumentModel(text));
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF in the output');
    const before = computeDocumentModel(text).articles.map((a) => [a.headline?.text, a.bylines.map((b) => b.name), a.dateline?.place]);
    const after = computeDocumentModel(out).articles.map((a) => [a.headline?.text, a.bylines.map((b) => b.name), a.dateline?.place]);
    assert.deepEqual(after, before);
    assert.equal(computeConvertedText(computeDocumentModel(out)), out);
  });
});
