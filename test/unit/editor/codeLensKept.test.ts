/**
 * Code lenses made again only for what changed: with the server's per-article facts, an article whose facts,
 * findings count, place and language are unchanged gets the very lenses it had (so over a stream they are encoded
 * once), and anything else gets new ones — equal throughout to lenses made from scratch.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { computeArticleFacts, getCodeLenses } from '../../../server/src/features/codeLens';
import { readSample } from '../../support/text';

describe('code lenses kept per article', () => {
  const model = computeDocumentModel(readSample());
  const config = defaultConfig();
  const findings = computeFindings(model, config).findings;
  const facts = model.items.map((item) => computeArticleFacts(model, item));

  it('gives the same lens objects again while nothing about the article changed, equal to lenses made afresh', () => {
    const first = getCodeLenses(model, config, findings, facts);
    const again = getCodeLenses(model, config, findings, facts);
    assert.deepEqual(again, getCodeLenses(model, config, findings));
    again.forEach((lens, i) => assert.equal(lens, first[i]));
  });

  it('makes new lenses for an article whose findings, language or place changed', () => {
    const first = getCodeLenses(model, config, findings, facts);
    const fewer = findings.slice(1);
    const after = getCodeLenses(model, config, fewer, facts);
    assert.deepEqual(after, getCodeLenses(model, config, fewer));
    assert.ok(after.some((lens, i) => lens !== first[i]), 'the first article lost a finding');
    assert.ok(after.some((lens, i) => lens === first[i]), 'the others kept theirs');
    const zh = { ...config, locale: 'zh-cn' as const };
    const chinese = getCodeLenses(model, zh, findings, facts);
    assert.deepEqual(chinese, getCodeLenses(model, zh, findings));
    assert.ok(chinese.every((lens, i) => lens !== first[i]));
    // The same facts two lines further down (lines added above): the lenses move.
    const moved = computeDocumentModel('\n\n' + readSample());
    const movedLenses = getCodeLenses(moved, config, computeFindings(moved, config).findings, facts);
    assert.deepEqual(movedLenses.map((l) => l.range.start.line), first.map((l) => l.range.start.line + 2));
  });
});
