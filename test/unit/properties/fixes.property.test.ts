/**
 * Properties of every fix any registered rule offers, on generated news-like text: its edits lie inside the
 * document, split no surrogate pair, do not overlap and each changes something; applying it keeps every
 * character outside its edits in order (test/support/edits.ts defines this precisely); and fix-all is
 * idempotent — it settles, and a second fix-all on its result changes nothing. The properties read fixes from `computeFindings`, so rules and
 * fixes added later are covered as they are registered. The check functions are tested on broken fixes
 * below, so a rule that breaks them cannot pass unnoticed.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig, NewsmarkConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { computeFixAll } from '../../../server/src/core/fixes';
import { RULES } from '../../../server/src/core/rules';
import { Fix, Rule, TextEdit } from '../../../server/src/core/rules/types';
import { document, propertyRuns } from '../../support/arbitraries';
import { applyEdits, editProblems, fixAllEdits, preservesOutside } from '../../support/edits';

function everyRuleOn(rules: readonly Rule[]): NewsmarkConfig {
  const config = defaultConfig();
  for (const rule of rules) config.rules[rule.code] = { level: 'hint' };
  return { ...config, maxProblems: 0 };
}

function fixesOf(text: string, rules: readonly Rule[]): Fix[] {
  const result = computeFindings(computeDocumentModel(text), everyRuleOn(rules), rules);
  assert.deepEqual(result.failures, []);
  return result.findings.flatMap((f) => f.fixes);
}

/** Asserts the fix properties for every fix of every finding on `text`. */
function checkFixes(text: string, rules: readonly Rule[]): void {
  for (const fix of fixesOf(text, rules)) {
    assert.ok(fix.edits.length > 0, `fix "${fix.title}" has edits`);
    assert.deepEqual(editProblems(text, fix.edits), [], `fix "${fix.title}"`);
    const result = applyEdits(text, fix.edits);
    assert.ok(preservesOutside(text, fix.edits, result), `fix "${fix.title}" keeps every character outside its edits`);
  }
}

/** One pass of fix-all: every safe fix that does not overlap one taken before, checked as it is applied. */
function fixAllOnce(text: string, rules: readonly Rule[]): string {
  const edits = fixAllEdits(fixesOf(text, rules));
  assert.deepEqual(editProblems(text, edits), [], 'fix-all edits');
  const next = applyEdits(text, edits);
  assert.ok(preservesOutside(text, edits, next), 'fix-all keeps every character outside its edits');
  return next;
}

/**
 * Fix-all as `lint --fix` and `source.fixAll` do it: passes until the text stops changing (a fix skipped for
 * overlapping another is taken in the next pass), at most 10. Idempotent means it settles, and running it
 * again on its result changes nothing. The core's own computeFixAll is checked for the same below.
 */
function fixAllSettled(text: string, rules: readonly Rule[]): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const next = fixAllOnce(current, rules);
    if (next === current) return current;
    current = next;
  }
  assert.fail('fix-all did not settle in 10 passes');
}

function assertIdempotent(text: string, rules: readonly Rule[]): string {
  const once = fixAllSettled(text, rules);
  assert.equal(fixAllSettled(once, rules), once, 'a second fix-all changes nothing');
  return once;
}

/** Test-only rules with fixes, so the harness is shown to accept a good fix and to reject broken ones. */
function ruleWithFix(code: string, makeEdits: (text: string) => TextEdit[] | null): Rule {
  return {
    code,
    defaultLevel: 'warning',
    summary: code,
    description: code,
    example: { hit: '', nearMiss: '' },
    fixable: true,
    check(context) {
      const edits = makeEdits(context.model.text);
      if (edits) context.report({ span: edits[0]?.span ?? { start: 0, end: 0 }, message: code, fixes: [{ title: code, edits, safe: true }] });
    },
  };
}

/** A good fix: the first run of two or more ASCII spaces between CJK characters becomes nothing. */
const collapseSpaces = ruleWithFix('test-collapse-spaces', (text) => {
  const m = /(?<=[\u4e00-\u9fff]) {2,}(?=[\u4e00-\u9fff])/.exec(text);
  return m ? [{ span: { start: m.index, end: m.index + m[0].length }, newText: '' }] : null;
});

describe('properties: fixes', () => {
  it('every fix of every registered rule applies cleanly, keeps what lies outside it, and fix-all is idempotent', () => {
    fc.assert(
      fc.property(document, (text) => {
        checkFixes(text, RULES);
        assertIdempotent(text, RULES);
      }),
      { numRuns: propertyRuns(800) },
    );
  });

  it('the core’s fix-all (core/fixes.ts, used by lint --fix and source.fixAll) is idempotent', () => {
    const config = everyRuleOn(RULES);
    fc.assert(
      fc.property(document, (text) => {
        const once = computeFixAll(text, config).text;
        assert.equal(computeFixAll(once, config).text, once, 'a second fix-all changes nothing');
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('the harness accepts a good fix, on generated text with extra spaces', () => {
    const rules = [...RULES, collapseSpaces];
    // Without suppression comments, which could rightly silence the test rule.
    const spaced = fc.tuple(document.filter((t) => !t.includes('newsmark-')), fc.integer({ min: 2, max: 5 })).map(([t, n]) => `${t}天津${' '.repeat(n)}报道`);
    fc.assert(
      fc.property(spaced, (text) => {
        checkFixes(text, rules);
        assert.ok(fixesOf(text, rules).length > 0, 'the test rule offers its fix');
        const settled = assertIdempotent(text, rules);
        assert.ok(!/[\u4e00-\u9fff] {2,}[\u4e00-\u9fff]/.test(settled));
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it('the harness rejects a fix outside the document, one that splits 𠮷, overlapping edits and a no-op', () => {
    const text = '𠮷野家 本报讯';
    assert.match(editProblems(text, [{ span: { start: 5, end: 99 }, newText: '' }]).join(), /outside/);
    assert.match(editProblems(text, [{ span: { start: 1, end: 2 }, newText: 'x' }]).join(), /surrogate pair/);
    assert.match(editProblems(text, [{ span: { start: 0, end: 3 }, newText: 'a' }, { span: { start: 2, end: 4 }, newText: 'b' }]).join(), /overlap/);
    assert.match(editProblems(text, [{ span: { start: 4, end: 4 }, newText: 'a' }, { span: { start: 4, end: 4 }, newText: 'b' }]).join(), /overlap/);
    assert.match(editProblems(text, [{ span: { start: 0, end: 2 }, newText: '𠮷' }]).join(), /changes nothing/);
  });

  it('the harness catches an applier that drops a character outside the edits', () => {
    const text = '天津  报道。金文';
    const edits: TextEdit[] = [{ span: { start: 2, end: 4 }, newText: '' }];
    assert.ok(preservesOutside(text, edits, '天津报道。金文'));
    assert.ok(!preservesOutside(text, edits, '天津报道。金'), 'a lost last character');
    assert.ok(!preservesOutside(text, edits, '天报道。金文'), 'a lost character before the edit');
    assert.ok(!preservesOutside(text, edits, '天津报道金文。'), 'characters out of order');
  });

  it('the harness catches a fix-all that never settles, and settles one that needs two passes', () => {
    // Fixes only the first 。 without a space before it: the second pass finds the next one.
    const spaceBefore = ruleWithFix('test-space-before', (text) => {
      const at = text.search(/[^ ]。/);
      return at >= 0 ? [{ span: { start: at + 1, end: at + 1 }, newText: ' ' }] : null;
    });
    assert.equal(fixAllOnce('报道。金文。', [spaceBefore]), '报道 。金文。');
    assert.equal(assertIdempotent('报道。金文。', [spaceBefore]), '报道 。金文 。');
    // A fix that always finds more to add never settles, so fix-all on its result would change it again.
    const growing = ruleWithFix('test-growing', (text) => [{ span: { start: text.length, end: text.length }, newText: '。' }]);
    assert.throws(() => assertIdempotent('报道', [growing]), /did not settle/);
  });
});
