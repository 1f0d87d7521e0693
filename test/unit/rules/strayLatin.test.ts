import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { applyFix, findingsOf, flagged } from '../../support/findings';
import { lineOf, paragraphs, readSample } from '../../support/text';

const HEAD = ['南开区扎实推进生态环境质量持续改善', '2020年大气和水污染防治获得市级奖励均排名全市第一'];

describe('rule stray-latin', () => {
  it('finds "and" on line 109 of the sample page and fixes it to 和', () => {
    const text = readSample();
    const [f, ...rest] = findingsOf(text, 'stray-latin');
    assert.deepEqual(rest, []);
    assert.equal(lineOf(text, f.span.start), 109);
    assert.equal(flagged(text, f), 'and');
    const fixed = applyFix(text, f);
    assert.ok(fixed.includes('把推进生态文明建设和加强生态环境保护'));
    assert.equal(fixed.length, text.length - 4, 'only " and " became 和');
    assert.equal(f.fixes[0].safe, true);
  });

  it('reports other function words without a fix, and leaves acronyms, loanwords and phrases alone', () => {
    const text = paragraphs(...HEAD, '南开区始终坚持以生态文明思想 the 科学指引,推广安装SCR净化器,下载 app 后使用,参加 Green Week 活动,中国 A 股上涨。');
    const found = findingsOf(text, 'stray-latin');
    assert.deepEqual(found.map((f) => flagged(text, f)), ['the']);
    assert.deepEqual(found[0].fixes, []);
  });

  it('flags the words of the "words" option', () => {
    const text = paragraphs(...HEAD, '南开区推广安装净化器,下载 app 后使用。');
    const config = defaultConfig();
    config.rules['stray-latin'] = { options: { words: ['app'] } };
    assert.deepEqual(findingsOf(text, 'stray-latin', config).map((f) => flagged(text, f)), ['app']);
  });
});
