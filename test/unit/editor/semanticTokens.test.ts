/** Semantic spans of the sample page and their split into one-line tokens. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeLineTokens, getSemanticSpans } from '../../../server/src/core/semanticTokens';
import { joinLines, readSample } from '../../support/text';

describe('semantic tokens', () => {
  const model = computeDocumentModel(readSample());
  const spans = getSemanticSpans(model);
  const text = (s: { span: { start: number; end: number } }) => model.text.slice(s.span.start, s.span.end);

  it('marks every headline, and only the headline lines', () => {
    const headlines = spans.filter((s) => s.type === 'headline');
    assert.deepEqual(
      headlines.map((s) => model.lines.positionAt(s.span.start).line + 1),
      [3, 29, 43, 61, 77, 99, 137],
    );
    assert.equal(text(headlines[0]), '天津市生态环境局党组理论学习中心组开展党史专题学习研讨');
  });

  it('marks bylines with their role, the dateline, subheadlines and credits', () => {
    const on = (type: string, line: number) => spans.filter((s) => s.type === type && model.lines.positionAt(s.span.start).line + 1 === line).map(text);
    assert.deepEqual(on('byline', 11), ['本报记者郭文生', '见习记者任效良']);
    assert.deepEqual(on('dateline', 11), ['天津报道']);
    assert.deepEqual(on('subheadline', 5), ['为提升生态环境建设水平提供强大动力']);
    assert.deepEqual(on('credit', 91), ['任效良', '孔超', '赵伟光']);
    assert.deepEqual(on('credit', 97), ['张冬梅']);
  });

  it('never overlaps and stays in document order', () => {
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i].span.start >= spans[i - 1].span.end, `${text(spans[i - 1])} / ${text(spans[i])}`);
  });

  it('splits a two-line kicker into one token per line, without the line break', () => {
    const tokens = computeLineTokens(model, spans).filter((t) => t.type === 'kicker');
    assert.deepEqual(
      tokens.map((t) => [t.line + 1, model.lines.lineText(t.line).slice(t.character, t.character + t.length)]),
      [
        [7, '**奋斗百年路'],
        [8, '启航新征程**'],
        [9, '——学党史 悟思想 办实事 开新局'],
      ],
    );
  });

  it('colours only the values in a front-matter block, never its keys', () => {
    const doc = computeDocumentModel(
      joinLines('---', 'headline: 蓟州区将添两大国家湿地公园', 'bylines:', '  - name: 金文', '    role: 记者', 'dateline:', '  place: 天津', '  agency: 本报', 'credits:', '  - name: 张冬梅', '    role: 摄影', '---', '', '正文。'),
    );
    assert.deepEqual(
      getSemanticSpans(doc).map((s) => [s.type, doc.text.slice(s.span.start, s.span.end)]),
      [
        ['headline', '蓟州区将添两大国家湿地公园'],
        ['byline', '金文'],
        ['dateline', '天津'],
        ['credit', '张冬梅'],
      ],
    );
  });

  it('adds figures from a figure source, and a range request sees only what overlaps it', () => {
    const doc = computeDocumentModel(joinLines('标题', '', '本报讯 今年种树300棵。', '', '标题二', '', '本报讯 明年种树500棵。'));
    const figures = getSemanticSpans(doc, { figureSpans: (m) => [...m.text.matchAll(/\d+棵/g)].map((x) => ({ start: x.index!, end: x.index! + x[0].length })) });
    assert.deepEqual(figures.filter((s) => s.type === 'figure').map((s) => doc.text.slice(s.span.start, s.span.end)), ['300棵', '500棵']);
    const second = doc.text.indexOf('标题二');
    const within = getSemanticSpans(doc, { within: { start: second, end: doc.text.length } });
    assert.deepEqual(within.map((s) => s.type), ['headline', 'dateline']);
  });
});
