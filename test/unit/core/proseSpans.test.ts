/** Spans mapped back from an article's joined prose stay inside the page's paragraphs. */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';

describe('prose spans', () => {
  it('end a list that runs to a broken paragraph at the paragraph, not inside its CRLF (found by fast-check)', () => {
    const text =
      '---\nheadline: 天津出台优化执法方式实施方案\n---\n\n会上,天津市生态环境局党组书记、局长温武瑞从学史明理、学史增信、学史崇德、学史力行四方面谈了自己的学习体会。他指出,学史明理,要从政治上弄明白三大道理:中国共产党为什么“能”、马\r\n\r\n。本报记者\n';
    const model = computeDocumentModel(text);
    const count = computeFindings(model, defaultConfig()).findings.find((f) => f.code === 'count-mismatch');
    assert.ok(count, 'the three-item count over two items is reported');
    const related = count.related[0].span;
    assert.equal(text.slice(related.start, related.end), '中国共产党为什么“能”、马');
    for (const f of computeFindings(model, defaultConfig()).findings) {
      for (const span of [f.span, ...f.related.map((r) => r.span)]) assert.notEqual(text[span.end - 1], '\r', `${f.code} ends inside a line break`);
    }
  });

  it('end a list whose paragraph goes on after a CRLF before a credit line, before the CR (found by fast-check)', () => {
    const text =
      '**奋斗百年路党史学习教育成效、增强砥砺前行信心和力量,具有至关重要的意义。学史增信,要从思想上增强“四个自信”:不断增强中国特色社会主义道路自信、理论自信、制度自信、文化自信,进一步坚定理想信念、坚定共产主义信仰。学史崇德,要坚定崇尚“三德”:心中有党明大德、心中有民守公德、心中有戒严私德,提升精神境界才能持久发力。学史力行,要坚持践行“三个行动”:坚持与理论武装相结合,在牢记初心使命上见行动;坚持与工作实践相结合,在\r\n金文\n';
    const model = computeDocumentModel(text);
    const findings = computeFindings(model, defaultConfig()).findings;
    assert.ok(findings.some((f) => f.code === 'count-mismatch'), 'the three actions over two are reported');
    for (const f of findings) {
      for (const span of [f.span, ...f.related.map((r) => r.span)]) {
        assert.ok(!(text[span.end - 1] === '\r' && text[span.end] === '\n'), `${f.code} ends between CR and LF`);
      }
    }
  });
});
