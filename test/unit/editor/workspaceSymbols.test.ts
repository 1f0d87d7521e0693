/** Article symbols by headline and by reporter, and the query match editors expect. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { findArticleSymbols, getArticleSymbols, matchesSymbolQuery } from '../../../server/src/core/workspaceSymbols';
import { readSample } from '../../support/text';

describe('workspace symbols (core)', () => {
  const model = computeDocumentModel(readSample());
  const symbols = getArticleSymbols(model);

  it('finds 郭文生\'s articles by his name, each labelled by its headline', () => {
    const found = findArticleSymbols(symbols, '郭文生');
    assert.deepEqual(
      found.map((s) => [s.kind, s.name, s.container]),
      [
        ['reporter', '郭文生', '天津市生态环境局党组理论学习中心组开展党史专题学习研讨'],
        ['reporter', '郭文生', '天津明确市区两级生态环境领域事权和财权'],
        ['reporter', '郭文生', '南开区扎实推进生态环境质量持续改善'],
      ],
    );
  });

  it('finds an article by words of its headline, and a writer named only in an end credit', () => {
    assert.deepEqual(findArticleSymbols(symbols, '湿地公园').map((s) => s.name), ['蓟州区将添两大国家湿地公园']);
    assert.deepEqual(findArticleSymbols(symbols, '金文').map((s) => [s.kind, s.container]), [['reporter', '蓟州区将添两大国家湿地公园']]);
  });

  it('matches characters in order, ignoring case, width and spaces', () => {
    assert.ok(matchesSymbolQuery('', 'anything'));
    assert.ok(matchesSymbolQuery('nankai', 'NanKai District'));
    assert.ok(matchesSymbolQuery('ＰＭ２', 'PM2.5 down'));
    assert.ok(matchesSymbolQuery('蓟州 公园', '蓟州区将添两大国家湿地公园'));
    assert.ok(!matchesSymbolQuery('公园蓟州', '蓟州区将添两大国家湿地公园'), 'order matters');
    assert.ok(!matchesSymbolQuery('郭文', '任效良'));
  });
});
