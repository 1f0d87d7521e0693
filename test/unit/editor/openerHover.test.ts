/** Hover on a byline (role and name) and a dateline (its parts), in English and Chinese. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getOpenerHover } from '../../../server/src/core/openerHover';
import { joinLines, readSample } from '../../support/text';

describe('byline and dateline hover', () => {
  const model = computeDocumentModel(readSample());
  const at = (line: number, text: string, extra = 0) => {
    const l = model.lines.lineText(line - 1);
    const i = l.indexOf(text);
    assert.ok(i >= 0, `${text} on line ${line}`);
    return model.lines.offsetAt({ line: line - 1, character: i + extra });
  };

  it('reads the role and the name of a fused Chinese byline, from the role word or the name', () => {
    for (const offset of [at(11, '本报记者'), at(11, '郭文生', 1)]) {
      const hover = getOpenerHover(model, offset, 'en')!;
      assert.ok(hover, 'a hover');
      assert.equal(model.text.slice(hover.span.start, hover.span.end), '本报记者郭文生');
      assert.match(hover.markdown, /Role: `本报记者`/);
      assert.match(hover.markdown, /Name: `郭文生`/);
      assert.match(hover.markdown, /With: `任效良`/);
    }
  });

  it('reads the parts of a dateline, in Chinese when the display language is Chinese', () => {
    const hover = getOpenerHover(model, at(47, '天津报道', 1), 'zh-cn')!;
    assert.equal(model.text.slice(hover.span.start, hover.span.end), '天津报道');
    assert.match(hover.markdown, /\*\*电头\*\*/);
    assert.match(hover.markdown, /地点: `天津`/);
    assert.match(hover.markdown, /来源: `本报`/);
    assert.match(hover.markdown, /日期: （未注明）/);
  });

  it('reads a front-matter byline from its fields, not its YAML text', () => {
    const doc = computeDocumentModel(joinLines('---', 'headline: 标题', 'bylines:', '  - name: 金文', '    role: 记者', '---', '', '正文。'));
    const hover = getOpenerHover(doc, doc.text.indexOf('金文') + 1, 'en')!;
    assert.ok(hover);
    assert.ok(!hover.markdown.includes('name:'), hover.markdown);
    assert.match(hover.markdown, /Role: `记者`/);
    assert.match(hover.markdown, /Name: `金文`/);
  });

  it('has nothing to say in the prose', () => {
    assert.equal(getOpenerHover(model, at(13, '天津市生态环境局党组每月'), 'en'), null);
  });
});
