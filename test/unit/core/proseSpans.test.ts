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
});
