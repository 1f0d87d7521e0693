import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeIncrementalFindings } from '../../../server/src/core/incrementalFindings';
import { computeModelUpdate } from '../../../server/src/core/incrementalModel';
import { findingsOf, flagged } from '../../support/findings';
import { lineOf, paragraphs, readSample } from '../../support/text';

const WETLAND = ['蓟州区将添两大国家湿地公园', '8月底前建成,总面积1240多公顷', '本报讯 天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利,预计将于今年8月底前全部建成。', '据了解,这两个国家湿地公园总面积1240多公顷,其中湿地面积700公顷。', '金文'];
const OTHER = ['北辰区开展实践活动', '现场帮助企业查找治污短板', '本报讯 天津市北辰区生态环境局扎实开展“我为群众办实事”实践活动,对辖区内3家企业开展帮扶。', '任效良'];

/** The line of each article's headline in a page of articles, each a headline and its body paragraphs. */
function headlineLines(bodies: readonly string[][]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const body of bodies) {
    lines.push(line);
    line += 2 * (body.length + 1);
  }
  return lines;
}

describe('rule duplicate-article', () => {
  it('finds nothing on the sample page', () => {
    assert.deepEqual(findingsOf(readSample(), 'duplicate-article'), []);
  });

  it('reports the second copy of an article at information level, pointing at the first', () => {
    const copy = WETLAND.map((p) => p.replace(/,/g, '，'));
    const text = paragraphs(...WETLAND, ...OTHER, ...copy);
    const [f, ...rest] = findingsOf(text, 'duplicate-article');
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'information');
    assert.equal(flagged(text, f), '蓟州区将添两大国家湿地公园');
    assert.equal(lineOf(text, f.span.start), 19);
    assert.equal(lineOf(text, f.related[0].span.start), 1);
  });

  it('reports a copy under the same headline that was cut short', () => {
    const cut = [...WETLAND.slice(0, 3)];
    const text = paragraphs(...WETLAND, ...OTHER, ...cut);
    const found = findingsOf(text, 'duplicate-article');
    assert.equal(found.length, 1);
    assert.equal(lineOf(text, found[0].span.start), 19);
  });

  it('does not report two stories that share only a headline word or a paragraph', () => {
    const text = paragraphs(...WETLAND, ...OTHER, '蓟州区将添两座国家森林公园', '本报讯 天津市蓟州区两座国家森林公园建设进展顺利。', '据了解,这两个国家湿地公园总面积1240多公顷,其中湿地面积700公顷。');
    assert.deepEqual(findingsOf(text, 'duplicate-article'), []);
  });

  it('among many articles under one headline, reports each copy and cut copy against the first article it repeats', () => {
    const lede = '本报讯 天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利，预计将于今年8月底前全部建成。';
    const size = '据了解，这两个国家湿地公园总面积1240多公顷，其中湿地面积700公顷。';
    const invest = (n: number) => `另据统计，今年已完成投资${n}亿元。`;
    const more = '下一步将加快配套设施建设。';
    // Nine stories under one headline: more than are compared pair by pair.
    const bodies = [
      [lede, size, invest(1)],
      [lede, size, invest(2)],
      [lede, size],
      [lede, size, invest(2)],
      [lede],
      [lede, size, invest(3)],
      [lede, size, invest(3), more],
      [lede, size, invest(4)],
      [lede, size, invest(1), more],
    ];
    const text = paragraphs(...bodies.flatMap((body) => ['蓟州区将添两大国家湿地公园', ...body]));
    const headlines = headlineLines(bodies);
    const found = findingsOf(text, 'duplicate-article').map((f) => [lineOf(text, f.span.start), lineOf(text, f.related[0].span.start)]);
    const copy = (article: number, of: number) => [headlines[article], headlines[of]];
    // The cut copy (article 2) begins every later story with the same first two paragraphs: they all repeat it.
    assert.deepEqual(found, [copy(2, 0), copy(3, 1), copy(4, 0), copy(5, 2), copy(6, 2), copy(7, 2), copy(8, 0)]);
  });

  it('under a recurring headline, tells stories of one length apart and still finds the copy and the cut copy among them', () => {
    // A column that runs every day under one headline, each day's story the same length and opening: only the copy of
    // day 3 and the cut copy of day 5 repeat anything.
    const day = (n: number) => [`本报讯 今日全市空气质量总体良好，首要污染物为细颗粒物，第${n}号监测站报告数据正常。`, `预计明天风力${n}级，空气质量等级为良，适宜户外活动。`];
    const bodies = [1, 2, 3, 4, 5, 6].map(day);
    bodies.push(day(3), [day(5)[0]], day(7));
    const text = paragraphs(...bodies.flatMap((body) => ['空气质量日报', ...body]));
    const headlines = headlineLines(bodies);
    const found = findingsOf(text, 'duplicate-article').map((f) => [lineOf(text, f.span.start), lineOf(text, f.related[0].span.start)]);
    assert.deepEqual(found, [
      [headlines[6], headlines[2]],
      [headlines[7], headlines[4]],
    ]);
  });

  it('compares bodies that need full normalisation (a combining accent, half-width kana) with bodies that do not', () => {
    // é written as one character and as e with a combining accent, ｶﾞ in half-width and full-width kana: the same text
    // once normalised, though only the first copy of each can be normalised character by character.
    const body = (e: string, ga: string) => `本报讯 天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利,由Andr${e}公司承建,今年${ga}8月底前全部建成。`;
    const other = `本报讯 天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利,由Andre公司承建,今年ガ8月底前全部建成。`;
    const text = paragraphs('蓟州区将添两大国家湿地公园', body('é', 'ガ'), '北辰区开展实践活动', body('e\u0301', 'ｶﾞ'), '河西区明确今年重点工作', other);
    const found = findingsOf(text, 'duplicate-article');
    assert.deepEqual(
      found.map((f) => [lineOf(text, f.span.start), lineOf(text, f.related[0].span.start)]),
      [[5, 1]],
    );
  });
  it('reads full-width letters and digits as their ASCII forms, character by character', () => {
    // ＰＭ２．５ and ＡＱＩ map to PM2.5 and AQI unit by unit (the inert units' map), and the copies are the same text.
    const body = (pm: string, aqi: string) => `本报讯 今年以来天津市${pm}平均浓度同比下降，${aqi}优良天数比例持续提高，蓟州区州河、环秀湖两大国家湿地公园建设进展顺利。`;
    const text = paragraphs('天津空气质量持续改善', body('ＰＭ２．５', 'ＡＱＩ'), '北辰区开展实践活动', body('PM2.5', 'AQI'), '河西区明确今年重点工作', body('PM10', 'AQI'));
    const found = findingsOf(text, 'duplicate-article');
    assert.deepEqual(
      found.map((f) => [lineOf(text, f.span.start), lineOf(text, f.related[0].span.start)]),
      [[5, 1]],
      'the second article repeats the first; the third (PM10) does not',
    );
  });
});

describe('rule duplicate-article across documents', () => {
  /** Node's collector, reached without the --expose-gc flag: the test process is started without it. */
  function collectGarbage(): void {
    setFlagsFromString('--expose_gc');
    (runInNewContext('gc') as () => void)();
  }

  it('keeps nothing of a document once its findings are dropped: what it remembers of a comparison is the document’s', async () => {
    const config = defaultConfig();
    const text = paragraphs(...WETLAND, ...OTHER, ...WETLAND);
    const held = (() => {
      const model = computeDocumentModel(text);
      const first = computeIncrementalFindings(model, config, null, []);
      const at = model.articles[2].span.start;
      const update = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
      const { result } = computeIncrementalFindings(update.model, config, first.state, update.kept);
      const duplicate = result.findings.find((f) => f.code === 'duplicate-article');
      assert.ok(duplicate, 'the copy is found');
      // The report, and the related list it holds, is what the rule kept between the two comparisons.
      return new WeakRef(duplicate.related);
    })();
    // A WeakRef's target is kept until the end of the job that made it. V8 may also hold it for a while on its own
    // (a compile job running on a helper thread keeps what it reads alive until it ends): one collection after the
    // job failed once in five full runs of the suite. A report the rule still held stays through every one of these.
    for (let round = 0; round < 5 && held.deref() !== undefined; round++) {
      await new Promise((resolve) => setTimeout(resolve, 20 * round));
      collectGarbage();
    }
    assert.equal(held.deref(), undefined, 'the report of a dropped document is still held');
  });
});
