import * as assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/findings';
import { lineOf, paragraphs, readSample } from '../../support/text';

const STORY = ['天津出台优化执法方式实施方案', '年底前建立非现场监管程序规范', '本报讯 天津市生态环境局近日印发方案,明确执法要求。'];

describe('rule broken-wrap', () => {
  it('finds exactly the eight broken wraps of the sample page', () => {
    const text = readSample();
    const lines = findingsOf(text, 'broken-wrap').map((f) => lineOf(text, f.span.start));
    assert.deepEqual(lines, [13, 17, 19, 25, 53, 69, 85, 121]);
  });

  it('joins Chinese text without a space and keeps every other character', () => {
    const text = paragraphs(...STORY, '在党史学习教育中,采取个人自学与集中学习讨论相结合的方式进', '行。会前,每位成员都认真研读了原文。');
    const [f] = findingsOf(text, 'broken-wrap');
    assert.ok(f);
    assert.equal(text.slice(f.span.start, f.span.end), '在党史学习教育中,采取个人自学与集中学习讨论相结合的方式进');
    assert.equal(applyFix(text, f), paragraphs(...STORY, '在党史学习教育中,采取个人自学与集中学习讨论相结合的方式进行。会前,每位成员都认真研读了原文。'));
    assert.equal(f.fixes[0].safe, true);
  });

  it('joins Latin words with one space, also across CRLF blank lines', () => {
    const text = ['Storm hits coast', '', 'HOUSTON (AP) — A storm hit the coast on Tuesday.', '', 'Officials in Galveston said on Wednesday that the damage to the', '', 'harbor was severe.', ''].join('\r\n');
    const [f] = findingsOf(text, 'broken-wrap');
    assert.ok(f, 'the broken English paragraph is found');
    assert.equal(applyFix(text, f), ['Storm hits coast', '', 'HOUSTON (AP) — A storm hit the coast on Tuesday.', '', 'Officials in Galveston said on Wednesday that the damage to the harbor was severe.', ''].join('\r\n'));
  });

  it('does not flag headlines, subheadlines, bylines, credits, section heads or a closing colon', () => {
    const text = paragraphs(
      '南开区扎实推进生态环境质量持续改善',
      '2020年大气和水污染防治获得市级奖励均排名全市第一',
      '◆郭文生 任效良',
      '南开区始终坚持科学指引,抓实抓好。',
      '坚持一个科学指引',
      '会议提出以下要求:',
      '一是持续深化调度响应机制。',
      '金文',
    );
    assert.deepEqual(findingsOf(text, 'broken-wrap'), []);
  });
});
