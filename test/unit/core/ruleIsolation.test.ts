/**
 * A rule that throws is isolated: it is reported in `failures` (which the server logs and the CLI prints),
 * the other rules still report, and the model and outline are untouched by it.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { getOutline } from '../../../server/src/core/outline';
import { RULES } from '../../../server/src/core/rules';
import { Rule } from '../../../server/src/core/rules/types';
import { readSample } from '../../support/text';

/** A rule with the bug rules really have: it assumes every article has a headline. */
const assumesHeadline: Rule = {
  code: 'test-assumes-headline',
  defaultLevel: 'warning',
  summary: 'test',
  description: 'test',
  example: { hit: '', nearMiss: '' },
  fixable: false,
  check(context) {
    for (const a of context.model.articles) {
      if (a.headline!.text.length > 30) context.report({ span: a.headline!.span, message: 'long headline' });
    }
  },
};

const throwsString: Rule = { ...assumesHeadline, code: 'test-throws-string', check: () => { throw 'not an Error'; } };

describe('a rule that throws', () => {
  const page = readSample() + '\n\n本报讯 一篇没有标题的短讯。\n';
  const model = computeDocumentModel(page);

  it('is reported as a failure with its code and message', () => {
    const result = computeFindings(model, defaultConfig(), [assumesHeadline, ...RULES, throwsString]);
    assert.deepEqual(result.failures.map((f) => f.code), ['test-assumes-headline', 'test-throws-string']);
    assert.match(result.failures[0].message, /headline|undefined|null/);
    assert.equal(result.failures[1].message, 'not an Error');
  });

  it('does not stop the other rules, before or after it', () => {
    const alone = computeFindings(model, defaultConfig(), RULES).findings;
    const withFaults = computeFindings(model, defaultConfig(), [assumesHeadline, ...RULES, throwsString]).findings;
    assert.ok(alone.some((f) => f.code === 'orphan-credit'), 'the sample page has an orphan credit');
    assert.deepEqual(withFaults, alone);
  });

  it('keeps none of the findings it made before it threw', () => {
    const halfway: Rule = {
      ...assumesHeadline,
      code: 'test-halfway',
      check(context) {
        context.report({ span: { start: 0, end: 1 }, message: 'reported before the fault' });
        throw new Error('fault');
      },
    };
    const result = computeFindings(model, defaultConfig(), [halfway]);
    assert.deepEqual(result.failures, [{ code: 'test-halfway', message: 'fault' }]);
    assert.deepEqual(result.findings, []);
  });

  it('leaves the outline as it was', () => {
    computeFindings(model, defaultConfig(), [assumesHeadline, throwsString]);
    const outline = getOutline(model);
    assert.equal(outline.filter((s) => s.kind === 'article').length, computeDocumentModel(page).articles.length);
    assert.equal(outline[0].name, '天津市生态环境局党组理论学习中心组开展党史专题学习研讨');
  });
});
