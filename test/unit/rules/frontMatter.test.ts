/** The front-matter rule: YAML errors at their position, unknown keys with a suggestion, shapes, headline. */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeConvertedText } from '../../../server/src/core/convert';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { frontMatter } from '../../../server/src/core/rules/frontMatter';
import { joinLines, readSample } from '../../support/text';

function findings(text: string, locale: 'en' | 'zh-cn' = 'en') {
  const model = computeDocumentModel(text);
  return computeFindings(model, { ...defaultConfig(), locale }, [frontMatter]).findings.map((f) => ({ ...f, text: text.slice(f.span.start, f.span.end), line: model.lines.positionAt(f.span.start).line, character: model.lines.positionAt(f.span.start).character }));
}

describe('rule front-matter', () => {
  it('is quiet on a good block and on the converted sample page (near miss)', () => {
    assert.deepEqual(findings(frontMatter.example.nearMiss), []);
    assert.deepEqual(findings(computeConvertedText(computeDocumentModel(readSample()))), []);
  });

  it('reports an unknown key with the key it probably means, and a rename fix', () => {
    const f = findings(frontMatter.example.hit);
    assert.equal(f.length, 1);
    assert.equal(f[0].text, 'byline');
    assert.match(f[0].message, /Unknown front-matter key "byline"; did you mean "bylines"\?/);
    assert.deepEqual(f[0].fixes[0].edits[0].newText, 'bylines');
  });

  it('suggests nested keys too, and says where', () => {
    const f = findings(joinLines('---', 'headline: 标题', 'dateline:', '  plac: 天津', '---', '', '正文。'));
    assert.equal(f.length, 1);
    assert.match(f[0].message, /"plac" in dateline; did you mean "place"/);
    assert.equal(f[0].line, 3);
  });

  it('reports a YAML syntax error at its exact position', () => {
    const tab = findings(joinLines('---', 'headline: 标题', 'dateline:', '\tplace: 天津', '---', '', '正文。'));
    const error = tab.find((f) => /Tabs are not allowed/.test(f.message));
    assert.ok(error, tab.map((f) => f.message).join('\n'));
    assert.deepEqual([error.line, error.character, error.text], [3, 0, '\t']);
  });

  it('reports an unclosed list where the parser gives up', () => {
    const text = joinLines('---', 'headline: 标题', 'bylines: [金文', '---', '', '正文。');
    const f = findings(text);
    assert.ok(f.length >= 1);
    assert.match(f[0].message, /^YAML error in front-matter: /);
    assert.ok(f[0].line >= 2 && f[0].line <= 3, `error on the bylines line or the fence after it, got line ${f[0].line}`);
  });

  it('reports a duplicate key where it is repeated', () => {
    const f = findings(joinLines('---', 'headline: 一', 'headline: 二', '---', '', '正文。'));
    assert.equal(f.length, 1);
    assert.equal(f[0].line, 2);
    assert.equal(f[0].character, 0);
  });

  it('reports values of the wrong shape', () => {
    const text = joinLines('---', 'headline:', '  - 一', 'bylines: 金文', 'dateline: [天津]', 'photos:', '  - credit: 张冬梅', '---', '', '正文。');
    const messages = findings(text).map((f) => f.message);
    assert.ok(messages.includes('"headline" should be text.'), messages.join('\n'));
    assert.ok(messages.includes('"bylines" should be a list of {name, role}.'));
    assert.ok(messages.includes('"dateline" should be a mapping of keys to text.'));
    assert.ok(messages.includes('photos[0] has no "caption".'));
    assert.ok(!messages.includes('Front-matter has no headline.'), 'a headline of the wrong shape is not also missing');
  });

  it('accepts a bare name for a byline and a place for a dateline', () => {
    assert.deepEqual(findings(joinLines('---', 'headline: 标题', 'bylines:', '  - 金文', 'dateline: 天津', '---', '', '正文。')), []);
  });

  it('reports a missing headline on the opening fence, in Chinese when asked', () => {
    const f = findings(joinLines('---', 'kicker: 生态文明', '---', '', '正文。'), 'zh-cn');
    assert.equal(f.length, 1);
    assert.equal(f[0].text, '---');
    assert.equal(f[0].message, 'front-matter 缺少主标题（headline）。');
  });
});
