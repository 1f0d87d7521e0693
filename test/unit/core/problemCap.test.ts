/**
 * The problem cap is applied while the rules report (`FirstFindings` in core/findings.ts), and a unit of the page
 * past the cap is only counted (core/incrementalFindings.ts): both must give exactly what capping every finding
 * after a sort gives: the first findings in page order, ties in report order, and the count of the others, under
 * suppression comments and with rules that report out of page order or throw.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig, NewsmarkConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { computeIncrementalFindings } from '../../../server/src/core/incrementalFindings';
import { computeModelUpdate } from '../../../server/src/core/incrementalModel';
import { RULES } from '../../../server/src/core/rules';
import { Rule } from '../../../server/src/core/rules/types';
import { ownBlockRange } from '../../../server/src/core/ruleScope';
import { testRule } from '../../support/testRule';
import { readSample } from '../../support/text';

/** Every Chinese full stop, last first, and each twice at the same span (a tie broken by report order). */
const backwards = testRule(
  'test-backwards',
  (context) => {
    const { text } = context.model;
    for (let i = text.lastIndexOf('。'); i >= 0; i = text.lastIndexOf('。', i - 1)) {
      context.report({ span: { start: i, end: i + 1 }, message: `first at ${i}` });
      context.report({ span: { start: i, end: i + 1 }, message: `second at ${i}` });
      if (i === 0) break;
    }
  },
  // It reads the whole page, so the units are not checked one by one for it.
  { scope: 'document' },
);

/** Reports the start of each of its blocks, then throws: none of it may count. */
const throwsLate = testRule(
  'test-throws-late',
  (context) => {
    const own = ownBlockRange(context.model);
    for (let b = own.start; b < own.end; b++) context.report({ span: context.model.blocks[b].paragraph.span, message: 'block' });
    throw new Error('late');
  },
  { scope: 'blocks' },
);

const RULE_SETS: [string, Rule[]][] = [
  ['the registered rules', [...RULES]],
  ['with a rule reporting backwards and one that throws', [backwards, ...RULES, throwsLate]],
];

function page(): string {
  const sample = readSample();
  return [
    sample,
    '<!-- newsmark-disable halfwidth-punctuation -->',
    sample.replace(/天津/g, '滨海'),
    '<!-- newsmark-enable halfwidth-punctuation -->',
    '<!-- newsmark-disable test-backwards -->',
    sample,
    '<!-- newsmark-enable test-backwards -->',
    sample.replace(/,/g, ' , '),
  ].join('\n\n');
}

/** The cap applied after the fact: every finding, sorted, cut. */
function cutAfter(all: ReturnType<typeof computeFindings>, cap: number) {
  return { findings: all.findings.slice(0, cap), failures: all.failures, omitted: Math.max(0, all.findings.length - cap) };
}

describe('the problem cap', () => {
  const text = page();
  const model = computeDocumentModel(text);

  for (const [name, rules] of RULE_SETS) {
    it(`keeps the first findings in page order and counts the rest, ${name}`, () => {
      const uncapped = computeFindings(model, { ...defaultConfig(), maxProblems: 0 }, rules);
      assert.ok(uncapped.findings.length > 500, `${uncapped.findings.length} findings in all`);
      for (const cap of [1, 2, 7, 100, 999, uncapped.findings.length - 1, uncapped.findings.length, uncapped.findings.length + 5]) {
        const config: NewsmarkConfig = { ...defaultConfig(), maxProblems: cap };
        const capped = computeFindings(model, config, rules);
        assert.deepEqual(capped, cutAfter(uncapped, cap), `cap ${cap}`);
        assert.deepEqual(computeIncrementalFindings(model, config, null, [], () => false, rules).result, capped, `cap ${cap}, unit by unit`);
      }
    });
  }

  it('a rule reporting backwards keeps its first findings, ties in the order it reported them', () => {
    const found = computeFindings(model, { ...defaultConfig(), maxProblems: 6 }, [backwards]).findings;
    const first = text.indexOf('。');
    assert.deepEqual(
      found.slice(0, 2).map((f) => f.message),
      [`first at ${first}`, `second at ${first}`],
    );
  });

  it('keeps a shorter span reported later at the start of the last one kept', () => {
    const at = text.indexOf('。');
    const narrowing = testRule('test-narrowing', (context) => {
      for (let end = at + 4; end >= at; end--) context.report({ span: { start: at, end }, message: `to ${end}` });
    });
    const uncapped = computeFindings(model, { ...defaultConfig(), maxProblems: 0 }, [narrowing]);
    for (const cap of [1, 2]) assert.deepEqual(computeFindings(model, { ...defaultConfig(), maxProblems: cap }, [narrowing]), cutAfter(uncapped, cap), `cap ${cap}`);
    assert.equal(uncapped.findings[0].message, `to ${at}`);
  });

  it('counts the units past the cap the same after edits that add and remove suppression comments', () => {
    const config: NewsmarkConfig = { ...defaultConfig(), maxProblems: 50 };
    let current = computeDocumentModel(readSample() + '\n\n' + readSample() + '\n\n' + readSample());
    let { state } = computeIncrementalFindings(current, config, null, []);
    const edits = ['<!-- newsmark-disable halfwidth-punctuation -->\n\n', '<!-- newsmark-disable -->\n\n'];
    for (const [n, insert] of edits.entries()) {
      const at = current.articles[1 + 5 * n].span.start;
      const update = computeModelUpdate(current, [{ span: { start: at, end: at }, newText: insert }]);
      const next = computeIncrementalFindings(update.model, config, state, update.kept);
      assert.deepEqual(next.result, computeFindings(update.model, config), `after inserting ${JSON.stringify(insert)}`);
      current = update.model;
      state = next.state;
    }
  });
});
