import * as assert from 'node:assert/strict';
import { findingsOf, flagged } from '../../support/findings';
import { lineOf, paragraphs, readSample } from '../../support/text';

const WETLAND = ['蓟州区将添两大国家湿地公园', '8月底前建成,总面积1240多公顷', '本报讯 天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利,预计将于今年8月底前全部建成。', '据了解,这两个国家湿地公园总面积1240多公顷,其中湿地面积700公顷。', '金文'];
const OTHER = ['北辰区开展实践活动', '现场帮助企业查找治污短板', '本报讯 天津市北辰区生态环境局扎实开展“我为群众办实事”实践活动,对辖区内3家企业开展帮扶。', '任效良'];

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
});
