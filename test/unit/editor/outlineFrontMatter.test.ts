/** A front-matter article's outline nests its header fields under the block, inside the article. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getOutline, OutlineSymbol } from '../../../server/src/core/outline';
import { joinLines } from '../../support/text';

const DOC = joinLines(
  '---',
  'headline: 蓟州区将添两大国家湿地公园',
  'subheadlines:',
  '  - 8月底前建成',
  'bylines:',
  '  - name: 金文',
  '    role: 记者',
  'photos:',
  '  - caption: 湿地公园一角',
  '    credit: 张冬梅',
  '---',
  '',
  '天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利。',
);

function contained(parent: OutlineSymbol): boolean {
  return parent.children.every((c) => c.span.start >= parent.span.start && c.span.end <= parent.span.end && contained(c));
}

describe('outline of front-matter documents', () => {
  it('shows the block with its fields as children', () => {
    const [article] = getOutline(computeDocumentModel(DOC));
    assert.equal(article.name, '蓟州区将添两大国家湿地公园');
    assert.deepEqual(article.children.map((c) => c.kind), ['frontMatter']);
    const block = article.children[0];
    assert.deepEqual(block.children.map((c) => [c.kind, c.name]), [
      ['subheadline', '8月底前建成'],
      ['byline', '金文'],
      ['caption', '湿地公园一角'],
    ]);
    assert.ok(contained(article), 'every child lies inside its parent, as editors require');
  });

  it('gives the fields in page order whatever order the block lists them in', () => {
    // Photos, then bylines, then subheadlines: the reverse of the order the outline gathers them in.
    const doc = joinLines(
      '---',
      'headline: 蓟州区将添两大国家湿地公园',
      'photos:',
      '  - caption: 湿地公园一角',
      '    credit: 张冬梅',
      'bylines:',
      '  - name: 金文',
      '    role: 记者',
      'subheadlines:',
      '  - 8月底前建成',
      '---',
      '',
      '天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利。',
    );
    const [article] = getOutline(computeDocumentModel(doc));
    assert.deepEqual(article.children[0].children.map((c) => [c.kind, c.name]), [
      ['caption', '湿地公园一角'],
      ['byline', '金文'],
      ['subheadline', '8月底前建成'],
    ]);
  });
});
