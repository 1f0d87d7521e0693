import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/fixes';
import { applyFix, findingsOf, flagged } from '../../support/findings';
import { paragraphs, readSample } from '../../support/text';

const HEAD = ['天津出台优化执法方式实施方案', '年底前建立非现场监管程序规范'];

function fixAllOf(text: string): string {
  return applyEdits(text, findingsOf(text, 'halfwidth-punctuation').flatMap((f) => f.fixes[0].edits));
}

describe('rule halfwidth-punctuation', () => {
  it('converts each of , : ; ? ! between Chinese characters, one finding at a time', () => {
    const body = '会议指出,要坚持:一是治污;二是监管。这样做对吗?对!';
    const text = paragraphs(...HEAD, body);
    const found = findingsOf(text, 'halfwidth-punctuation');
    assert.deepEqual(found.map((f) => flagged(text, f)), [',', ':', ';', '?', '!']);
    assert.equal(applyFix(text, found[0]), paragraphs(...HEAD, '会议指出，要坚持:一是治污;二是监管。这样做对吗?对!'));
    assert.equal(applyFix(text, found[3]), paragraphs(...HEAD, '会议指出,要坚持:一是治污;二是监管。这样做对吗？对!'));
    assert.equal(fixAllOf(text), paragraphs(...HEAD, '会议指出，要坚持：一是治污；二是监管。这样做对吗？对！'));
  });

  it('converts a pair of ASCII parentheses as a pair', () => {
    const text = paragraphs(...HEAD, '出动执法人员4500余人(次),印发《方案》(以下简称《方案》)。细颗粒物(PM2.5)浓度下降。');
    const found = findingsOf(text, 'halfwidth-punctuation');
    const pair = found.find((f) => flagged(text, f) === '(次)');
    assert.ok(pair);
    assert.equal(pair.fixes[0].edits.length, 2);
    assert.equal(applyFix(text, pair), paragraphs(...HEAD, '出动执法人员4500余人（次）,印发《方案》(以下简称《方案》)。细颗粒物(PM2.5)浓度下降。'));
    assert.equal(fixAllOf(text), paragraphs(...HEAD, '出动执法人员4500余人（次），印发《方案》（以下简称《方案》）。细颗粒物（PM2.5）浓度下降。'));
  });

  it('reads a number after a Chinese character as Chinese, and removes the ASCII spaces around the mark', () => {
    const text = paragraphs(...HEAD, '比例要达到75%,污染地块安全利用率保持100% 。会议指出 , 要坚持。');
    assert.equal(fixAllOf(text), paragraphs(...HEAD, '比例要达到75%，污染地块安全利用率保持100% 。会议指出，要坚持。'));
  });

  it('converts a comma between a Chinese character and a number, which is never a thousands separator', () => {
    const text = paragraphs(...HEAD, '动真格、求实效,2020年全区共办结案件,会议时间:10:30。', '会议提出以下要求:');
    assert.equal(fixAllOf(text), paragraphs(...HEAD, '动真格、求实效，2020年全区共办结案件，会议时间：10:30。', '会议提出以下要求：'));
  });

  it('leaves thousands separators, times, English text and lone parentheses alone', () => {
    const text = paragraphs(...HEAD, '总面积1,240公顷,会议10:30开始。', 'HOUSTON (AP) — Officials said: yes, it is. (AP Photo/Jane Doe)', '他说(这是开头');
    const found = findingsOf(text, 'halfwidth-punctuation');
    assert.deepEqual(found.map((f) => flagged(text, f)), [',']);
    assert.equal(text.slice(found[0].span.start - 2, found[0].span.end + 2), '公顷,会议');
  });

  it('converts every mark of a paragraph with more marks than its scan keeps room for at first (256)', () => {
    const body = '会议指出' + ',要坚持'.repeat(300) + '。';
    const text = paragraphs(...HEAD, body);
    const found = findingsOf(text, 'halfwidth-punctuation');
    assert.equal(found.length, 300);
    assert.deepEqual(new Set(found.map((f) => flagged(text, f))), new Set([',']));
    assert.equal(fixAllOf(text), paragraphs(...HEAD, '会议指出' + '，要坚持'.repeat(300) + '。'));
  });

  it('is idempotent and converts every finding of the sample page with one pass', () => {
    const text = readSample();
    const fixed = fixAllOf(text);
    assert.ok(findingsOf(text, 'halfwidth-punctuation').length > 200);
    assert.deepEqual(findingsOf(fixed, 'halfwidth-punctuation'), []);
    assert.equal(fixAllOf(fixed), fixed);
  });
});
