import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { findingsOf, flagged } from '../../support/findings';
import { lineOf, paragraphs, readSample } from '../../support/text';

describe('rule truncated-article', () => {
  it('finds the article that stops mid-sentence at the end of the sample page (line 145)', () => {
    const text = readSample();
    const found = findingsOf(text, 'truncated-article');
    assert.deepEqual(found.map((f) => lineOf(text, f.span.start)), [145]);
    assert.match(found[0].message, /end of the document/);
    assert.ok(flagged(text, found[0]).endsWith('清淤运河河'));
    assert.deepEqual(found[0].fixes, []);
  });

  it('finds a short fragment above the next headline, which the model keeps with its story', () => {
    const text = paragraphs('蓟州区将添两大国家湿地公园', '本报讯 天津市蓟州区两大国家湿地公园建设进展顺利。', '通过这些项目,将进一步增强市民保护湿地的', '北辰区开展实践活动', '现场帮助企业查找治污短板', '本报讯 北辰区生态环境局扎实开展实践活动。');
    const model = computeDocumentModel(text);
    assert.equal(model.blocks.length, model.paragraphs.length, 'every paragraph has a block');
    const found = findingsOf(text, 'truncated-article');
    assert.deepEqual(found.map((f) => flagged(text, f)), ['通过这些项目,将进一步增强市民保护湿地的']);
  });

  it('finds a story cut before the next one starts, and not one closed by its credit', () => {
    const text = paragraphs(
      '蓟州区将添两大国家湿地公园',
      '本报讯 天津市蓟州区两大国家湿地公园建设进展顺利。',
      '通过这些项目,在进一步改善生态环境、保护鸟类的同时,也给市民和游客提供了一个了解湿地的参观学习场所,将进一步增强市民保护湿地的',
      '北辰区开展实践活动',
      '现场帮助企业查找治污短板',
      '本报讯 北辰区生态环境局扎实开展实践活动。',
      '金文',
    );
    const found = findingsOf(text, 'truncated-article');
    assert.equal(found.length, 1);
    assert.ok(flagged(text, found[0]).endsWith('将进一步增强市民保护湿地的'));
    assert.match(found[0].message, /stops mid-sentence at its end/);
  });
});
