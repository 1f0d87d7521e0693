/** Code lens per article: body length (characters for Chinese, words for English) and findings. */
import * as assert from 'node:assert/strict';
import { computeLength, countChineseCharacters, formatLens, getArticleLenses } from '../../../server/src/core/codeLens';
import { isCJK, isCJKCode, isCJKPunctuation, isCJKPunctuationCode } from '../../../server/src/core/chars';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { joinLines, readSample } from '../../support/text';

describe('code lens', () => {
  it('counts Chinese copy in characters: Han and full-width punctuation one each, a Latin word or number one', () => {
    assert.equal(countChineseCharacters('今年种树300棵，PM2.5 下降。'), 7 + 2 + 2);
    assert.equal(countChineseCharacters('中\u3000文'), 2, 'an ideographic space is not a character');
    assert.deepEqual(computeLength('今年种树300棵。'), { count: 7, unit: 'characters' });
  });

  it('counts exactly the characters the core calls CJK or CJK punctuation, on every code point', () => {
    for (let c = 0; c <= 0x3134f; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (isCJKCode(c) !== isCJK(ch)) assert.fail(`U+${c.toString(16)}: isCJK differs`);
      if (isCJKPunctuationCode(c) !== isCJKPunctuation(ch)) assert.fail(`U+${c.toString(16)}: isCJKPunctuation differs`);
    }
  });

  it('counts English copy in words', () => {
    assert.deepEqual(computeLength('Officials said on Tuesday that 1,200 homes lost power.'), { count: 9, unit: 'words' });
    assert.deepEqual(computeLength('Crews worked overnight—and into Wednesday — to restore it.'), { count: 8, unit: 'words' }, 'a dash alone is no word');
    assert.equal(countChineseCharacters('𠀀字'), 2, 'a character outside the BMP is one');
  });

  it('gives each article of the sample page a lens on its headline, with its findings', () => {
    const model = computeDocumentModel(readSample());
    const findings = computeFindings(model, defaultConfig()).findings;
    const lenses = getArticleLenses(model, findings);
    assert.equal(lenses.length, 7);
    assert.deepEqual(
      lenses.map((l) => model.lines.positionAt(l.span.start).line + 1),
      [3, 29, 43, 61, 77, 99, 137],
    );
    for (const l of lenses) assert.equal(l.length.unit, 'characters');
    assert.equal(lenses.reduce((n, l) => n + l.findings, 0), findings.filter((f) => model.articles.some((a) => f.span.start >= a.span.start && f.span.start < a.span.end)).length);
    // The orphan credit on line 111 belongs to the sectioned article.
    assert.ok(lenses[5].findings >= 1);
    assert.equal(lenses[5].figures, null, 'no figure lens without a figure counter');
    assert.deepEqual(lenses.map((l) => l.article), [0, 1, 2, 3, 4, 5, 6], 'indices into model.articles, not page items');
    const counted = getArticleLenses(model, findings, (m, a, i) => (m.articles[i] === a ? i * 10 : -1));
    assert.deepEqual(counted.map((l) => l.figures), [0, 10, 20, 30, 40, 50, 60]);
  });

  it('counts the body only: not the headline, byline or credit', () => {
    const model = computeDocumentModel(joinLines('标题很长很长很长', '', '本报记者郭文生天津报道 正文五个字。', '', '金文'));
    assert.deepEqual(getArticleLenses(model, [])[0].length, { count: 6, unit: 'characters' });
  });

  it('writes titles in the display language, with figures when counted', () => {
    const model = computeDocumentModel(joinLines('标题', '', '本报讯 种树300棵。'));
    const [lens] = getArticleLenses(model, [], () => 1);
    assert.deepEqual(formatLens(lens, 'zh-cn'), { length: '5 字', findings: '无问题', figures: '1 个数字' });
    assert.deepEqual(formatLens({ ...lens, findings: 2, figures: 3 }, 'en'), { length: '5 characters', findings: '2 findings', figures: '3 figures' });
  });
});
