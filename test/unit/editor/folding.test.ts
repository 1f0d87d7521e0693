/** Folding regions: articles, sections, photos, front-matter and multi-line comments; 0-based lines. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getFoldingRegions } from '../../../server/src/core/folding';
import { joinLines, readSample } from '../../support/text';

describe('folding regions', () => {
  it('folds each article, the photo and the sections of the sample page', () => {
    const regions = getFoldingRegions(computeDocumentModel(readSample()));
    const shown = regions.map((r) => `${r.kind} ${r.startLine + 1}-${r.endLine + 1}`);
    assert.deepEqual(shown, [
      'article 3-27',
      'article 29-41',
      'article 43-59',
      'article 61-75',
      'article 77-91',
      'photo 95-97',
      'article 99-135',
      'section 107-111',
      'section 113-123',
      'section 125-135',
      'article 137-145',
    ]);
  });

  it('folds a front-matter block inside its article, and a comment over several lines', () => {
    const doc = joinLines('---', 'headline: 第一篇', 'kicker: 生态', '---', '', '正文一。', '', '<!-- 编辑：', '  待核实 -->', '', '正文二。');
    const regions = getFoldingRegions(computeDocumentModel(doc));
    assert.deepEqual(
      regions.map((r) => [r.kind, r.startLine, r.endLine]),
      [
        ['article', 0, 10],
        ['frontMatter', 1, 3],
        ['comment', 7, 8],
      ],
      'the block folds from its first key, inside the article that starts on its fence',
    );
  });

  it('never folds a single line and never starts two regions on one line', () => {
    const doc = joinLines('标题一', '', '本报讯 正文。', '', '标题二', '', '本报讯 正文。');
    const regions = getFoldingRegions(computeDocumentModel(doc));
    for (const r of regions) assert.ok(r.endLine > r.startLine);
    assert.equal(new Set(regions.map((r) => r.startLine)).size, regions.length);
  });
});
