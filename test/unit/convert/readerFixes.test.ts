/** The reader fixes the round trip needed: no paragraph without a block, and a block is not prose. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { joinLines, paragraphs } from '../../support/text';

describe('reader fixes for the round trip', () => {
  it('keeps a sentence fragment above a headline run as a block of the article it was cut from', () => {
    const m = computeDocumentModel(paragraphs('标题一', '本报讯 第一篇正文。', ',被截断的半句', '标题二', '副标题二', '本报讯 第二篇正文。'));
    assert.equal(m.blocks.length, m.paragraphs.length, 'every paragraph has a block');
    assert.deepEqual(m.articles.map((a) => a.headline?.text), ['标题一', '标题二']);
    const fragment = m.blocks.find((b) => b.paragraph.text === ',被截断的半句')!;
    assert.equal(fragment.item, m.articles[0].index);
  });

  it('does not start a new article at an opener right after a block', () => {
    const m = computeDocumentModel(joinLines('---', 'headline: 标题', '---', '', '闻天', '', '本报讯 正文。'));
    assert.equal(m.articles.length, 1);
  });
});
