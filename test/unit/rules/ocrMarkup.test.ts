import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, flagged } from '../../support/findings';
import { lineOf, paragraphs, readSample } from '../../support/text';

const HEAD = ['河西区明确今年重点工作目标任务', 'PM2.5浓度不超过45微克/立方米'];

describe('rule ocr-markup', () => {
  it('finds the three PM_{2.5} of the sample page', () => {
    const text = readSample();
    const found = findingsOf(text, 'ocr-markup');
    assert.deepEqual(found.map((f) => lineOf(text, f.span.start)), [105, 139, 141]);
    assert.ok(found.every((f) => flagged(text, f) === '_{2.5}'));
    assert.match(found[0].message, /"PM_\{2\.5\}".*"PM2\.5"/);
  });

  it('writes subscripts as plain text and superscripts with superscript digits', () => {
    const text = paragraphs(...HEAD, '全年PM_{2.5}年均浓度下降,CO_{2}排放减少,修复湿地1200m^{2},新增绿地300 m^2。');
    const found = findingsOf(text, 'ocr-markup');
    assert.deepEqual(found.map((f) => flagged(text, f)), ['_{2.5}', '_{2}', '^{2}', '^2']);
    const body = (t: string) => t.split('\n\n')[2];
    assert.equal(body(applyFix(text, found[0])), '全年PM2.5年均浓度下降,CO_{2}排放减少,修复湿地1200m^{2},新增绿地300 m^2。');
    assert.equal(body(applyFix(text, found[2])), '全年PM_{2.5}年均浓度下降,CO_{2}排放减少,修复湿地1200m²,新增绿地300 m^2。');
    assert.equal(body(applyFix(text, found[3])), '全年PM_{2.5}年均浓度下降,CO_{2}排放减少,修复湿地1200m^{2},新增绿地300 m²。');
  });

  it('reports a superscript it cannot write without a fix', () => {
    const text = paragraphs(...HEAD, '浓度为x^{ab}单位。');
    const [f] = findingsOf(text, 'ocr-markup');
    assert.deepEqual(f.fixes, []);
  });

  it('flags an unbalanced ** with an unsafe fix, and not a balanced banner', () => {
    const balanced = paragraphs('**奋斗百年路 启航新征程**', '——学党史 悟思想', ...HEAD, '全年浓度下降。');
    assert.deepEqual(findingsOf(balanced, 'ocr-markup'), []);
    const text = paragraphs(...HEAD, '全年**浓度下降。');
    const [f] = findingsOf(text, 'ocr-markup');
    assert.equal(flagged(text, f), '**');
    assert.equal(f.fixes[0].safe, false);
    assert.equal(applyFix(text, f), paragraphs(...HEAD, '全年浓度下降。'));
  });
});
