import * as assert from 'node:assert/strict';
import { findingsOf, flagged } from '../../support/findings';
import { paragraphs, readSample } from '../../support/text';

const HEAD = ['北辰区开展实践活动', '现场帮助企业查找治污短板'];

describe('rule unbalanced-pair', () => {
  it('finds nothing on the sample page, whose marks all pair up', () => {
    assert.deepEqual(findingsOf(readSample(), 'unbalanced-pair'), []);
  });

  it('finds unclosed and unopened marks of every kind within a paragraph', () => {
    const text = paragraphs(...HEAD, '温武瑞说:“要坚持精准治污。', '印发《方案》(以下简称《方案》,要求【落实。', '他说"好。', '这是结尾”。');
    const found = findingsOf(text, 'unbalanced-pair');
    assert.deepEqual(found.map((f) => flagged(text, f)), ['“', '(', '【', '"', '”']);
    assert.match(found[0].message, /not closed/);
    assert.match(found[4].message, /closes nothing/);
  });

  it('reads a paragraph split by a broken wrap as one, and ignores apostrophes', () => {
    const text = paragraphs(...HEAD, '本报讯 服务组要求,在天津柏玉腾飞科技有限公司落实“三个', '到位”要求。', 'The company’s officials said they don’t know.');
    assert.deepEqual(findingsOf(text, 'unbalanced-pair'), []);
  });

  it('accepts a quotation that runs over paragraphs, reopened at each paragraph start', () => {
    const text = paragraphs('Storm hits coast', 'HOUSTON (AP) — The mayor spoke on Tuesday.', '"We will rebuild the harbor and the homes along it, and we will do it this year.', '"Nobody here is giving up," she said.');
    assert.deepEqual(findingsOf(text, 'unbalanced-pair'), []);
    const zh = paragraphs(...HEAD, '本报讯 温武瑞说:“要坚持精准治污。', '“要坚持科学治污。”');
    assert.deepEqual(findingsOf(zh, 'unbalanced-pair'), []);
  });

  it('pairs marks nested deeper than its scan keeps room for at first (64), and finds the one left open', () => {
    const nested = paragraphs(...HEAD, '本报讯 ' + '《'.repeat(100) + '方案' + '》'.repeat(100) + '。');
    assert.deepEqual(findingsOf(nested, 'unbalanced-pair'), []);
    const open = paragraphs(...HEAD, '本报讯 ' + '《'.repeat(100) + '方案' + '》'.repeat(99) + '。');
    const found = findingsOf(open, 'unbalanced-pair');
    assert.deepEqual(found.map((f) => [flagged(open, f), f.span.start]), [['《', open.indexOf('《')]]);
  });

  it('accepts mixed-width parentheses as a pair', () => {
    const text = paragraphs(...HEAD, '出动执法人员4500余人(次）。');
    assert.deepEqual(findingsOf(text, 'unbalanced-pair'), []);
  });

  it('does not carry a quotation over an article that has no text of its own (one made only of a front-matter block)', () => {
    // A unit reads no further than the next one: the quotation the third article's headline opens is not this one.
    const text = paragraphs('第一个标题', '本报讯 他说：“正文一。', '---\nheadline: 乙\n---', '---\nheadline: 丙\n---', '“第三篇”来了', '本报讯 正文。');
    const found = findingsOf(text, 'unbalanced-pair');
    assert.deepEqual(found.map((f) => [flagged(text, f), f.message]), [['“', '"“" is not closed in this paragraph.']]);
    assert.equal(found[0].span.start, text.indexOf('“'));
  });

  it('still reads a quotation reopened by the first paragraph of the next article', () => {
    const text = paragraphs('第一个标题', '本报讯 他说：“正文一。', '“第二篇”来了', '本报讯 正文。');
    assert.deepEqual(findingsOf(text, 'unbalanced-pair'), []);
  });
});
