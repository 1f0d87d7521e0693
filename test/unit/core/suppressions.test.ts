import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { getOutline, OutlineSymbol } from '../../../server/src/core/outline';
import { joinLines, lineOf, paragraphs } from '../../support/text';

const HEAD = ['天津出台优化执法方式实施方案', '年底前建立非现场监管程序规范', '本报讯 天津市生态环境局近日印发方案。'];

/** 1-based lines of the findings of one code. */
function linesOf(text: string, code: string): number[] {
  return computeFindings(computeDocumentModel(text), defaultConfig())
    .findings.filter((f) => f.code === code)
    .map((f) => lineOf(text, f.span.start));
}

function names(symbols: OutlineSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...names(s.children)]);
}

describe('suppression comments', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    const text = paragraphs(...HEAD, '<!-- newsmark-disable-next-line halfwidth-punctuation -->', '会议指出,要坚持。', '会议指出,要坚持。');
    assert.deepEqual(linesOf(text, 'halfwidth-punctuation'), [11]);
  });

  it('disable-next-line leaves other rules on that line reporting', () => {
    const text = paragraphs(...HEAD, '<!-- newsmark-disable-next-line stray-latin -->', '推进生态文明建设 and 加强保护,要坚持。');
    assert.deepEqual(linesOf(text, 'stray-latin'), []);
    assert.deepEqual(linesOf(text, 'halfwidth-punctuation'), [9]);
  });

  it('disable-next-line skips blank lines and stacked directives to reach the text', () => {
    const text = joinLines(...paragraphs(...HEAD).split('\n'), '', '<!-- newsmark-disable-next-line stray-latin -->', '<!-- newsmark-disable-next-line halfwidth-punctuation -->', '', '推进生态文明建设 and 加强保护,要坚持。');
    assert.deepEqual(linesOf(text, 'stray-latin'), []);
    assert.deepEqual(linesOf(text, 'halfwidth-punctuation'), []);
  });

  it('disable … enable silences a region for the named rules; several codes, with commas', () => {
    const text = paragraphs(
      ...HEAD,
      '<!-- newsmark-disable halfwidth-punctuation, stray-latin -->',
      '会议指出,要坚持。',
      '推进生态文明建设 and 加强保护。',
      '<!-- newsmark-enable halfwidth-punctuation -->',
      '会议指出,要坚持。',
      '推进生态文明建设 and 加强保护。',
    );
    assert.deepEqual(linesOf(text, 'halfwidth-punctuation'), [15]);
    assert.deepEqual(linesOf(text, 'stray-latin'), [], 'stray-latin is still disabled to the end');
  });

  it('a directive without codes covers every rule, and enable without codes ends it', () => {
    const text = paragraphs(...HEAD, '<!-- newsmark-disable -->', '会议指出,要坚持 and 推进。', '<!-- newsmark-enable -->', '会议指出,要坚持。');
    assert.deepEqual(linesOf(text, 'halfwidth-punctuation'), [13]);
    assert.deepEqual(linesOf(text, 'stray-latin'), []);
  });

  it('enable CODE inside a blanket disable turns that one rule back on', () => {
    const text = paragraphs(...HEAD, '<!-- newsmark-disable -->', '<!-- newsmark-enable halfwidth-punctuation -->', '会议指出,要坚持 and 推进。');
    assert.deepEqual(linesOf(text, 'halfwidth-punctuation'), [11]);
    assert.deepEqual(linesOf(text, 'stray-latin'), []);
  });

  it('works with CRLF line ends and a multi-line comment', () => {
    const text = paragraphs(...HEAD, '<!--\nnewsmark-disable-next-line halfwidth-punctuation\n-->', '会议指出,要坚持。', '会议指出,要坚持。').replace(/\n/g, '\r\n');
    assert.deepEqual(linesOf(text, 'halfwidth-punctuation'), [13]);
  });

  it('a directive naming another rule silences nothing', () => {
    const text = paragraphs(...HEAD, '<!-- newsmark-disable-next-line orphan-credit -->', '会议指出,要坚持。');
    assert.deepEqual(linesOf(text, 'halfwidth-punctuation'), [9]);
  });

  it('comments are not text: not in the outline, not headlines, not prose', () => {
    const text = paragraphs('<!-- newsmark-disable broken-wrap -->', ...HEAD.slice(0, 2), '<!-- newsmark-disable-next-line halfwidth-punctuation -->', HEAD[2], '<!-- newsmark-enable broken-wrap -->');
    const model = computeDocumentModel(text);
    const outline = getOutline(model);
    assert.equal(model.articles.length, 1);
    assert.equal(model.articles[0].headline?.text, HEAD[0]);
    assert.ok(names(outline).every((n) => !n.includes('newsmark') && !n.includes('<!--')), names(outline).join(' | '));
    assert.ok(model.blocks.filter((b) => b.paragraph.text.startsWith('<!--')).every((b) => b.role === 'comment'));
  });
});
