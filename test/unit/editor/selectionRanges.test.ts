/** Expand selection: prose → paragraph → section → article → document, each step containing the last. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getSelectionChain } from '../../../server/src/core/selectionRanges';
import { Span } from '../../../server/src/core/text';
import { paragraphs, readSample } from '../../support/text';

function nested(chain: Span[]): boolean {
  return chain.every((s, i) => i === 0 || (chain[i - 1].start >= s.start && chain[i - 1].end <= s.end && (chain[i - 1].start > s.start || chain[i - 1].end < s.end)));
}

describe('selection ranges', () => {
  const model = computeDocumentModel(readSample());
  const line = (l: number) => model.lines.lineText(l - 1);
  const at = (l: number, character: number) => model.lines.offsetAt({ line: l - 1, character });

  it('grows from the lede prose to the paragraph with its byline, the article, the document', () => {
    const chain = getSelectionChain(model, at(11, 30));
    assert.ok(nested(chain));
    const texts = chain.map((s) => model.text.slice(s.start, s.end));
    assert.ok(texts[0].startsWith('天津市生态环境局党组理论学习中心组日前'), 'the prose without the opener');
    assert.equal(texts[1], line(11), 'the whole paragraph, opener included');
    assert.ok(texts[2].startsWith('天津市生态环境局党组理论学习中心组开展党史专题学习研讨'), 'the article from its headline');
    assert.ok(texts[2].endsWith('以优异成绩迎接中国共产党成立100周年。'));
    assert.deepEqual(chain[3], { start: 0, end: model.text.length });
    assert.equal(chain.length, 4);
  });

  it('passes through the section inside a sectioned article', () => {
    const chain = getSelectionChain(model, at(109, 10));
    assert.ok(nested(chain));
    const lines = chain.map((s) => [model.lines.positionAt(s.start).line + 1, model.lines.positionAt(s.end).line + 1]);
    assert.deepEqual(lines, [
      [109, 109],
      [107, 111],
      [99, 135],
      [1, 145],
    ]);
  });

  it('is empty between articles on a blank line, where there is nothing to select', () => {
    const doc = computeDocumentModel(paragraphs('标题一', '本报讯 正文一。', '标题二', '本报讯 正文二。').replace('\n\n标题二', '\n\n\n\n标题二'));
    const blank = doc.text.indexOf('\n\n\n') + 2;
    assert.deepEqual(getSelectionChain(doc, blank), []);
  });
});
