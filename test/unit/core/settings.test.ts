/**
 * The `newsmark` settings section as VS Code delivers it: a setting `newsmark.rules.broken-wrap` arrives under
 * `workspace/configuration` for section `newsmark` as `{ rules: { "broken-wrap": … } }` (dots split into objects),
 * with every contributed rule present at its default, "default".
 */
import * as assert from 'node:assert/strict';
import { checkRuleOptions, parseConfig } from '../../../server/src/core/config';
import { RULE_CODES, RULES } from '../../../server/src/core/rules';
import { effectiveConfig, fromEditorSettings } from '../../../server/src/settings';

describe('editor settings over .newsmarkrc.json', () => {
  it('"default" leaves the file in force; a level overrides it; options from the file survive', () => {
    const file = parseConfig(JSON.stringify({ rules: { 'stray-latin': { level: 'error', options: { words: ['app'] } }, 'ocr-markup': 'off' } }), RULE_CODES).config;
    const rules = Object.fromEntries(RULE_CODES.map((c) => [c, 'default']));
    rules['stray-latin'] = 'hint';
    const problems: { message: string }[] = [];
    const config = effectiveConfig(file, fromEditorSettings({ rules }, problems));
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules['stray-latin'], { level: 'hint', options: { words: ['app'] } });
    assert.equal(config.rules['ocr-markup'].level, 'off');
    assert.equal(config.rules['broken-wrap'], undefined);
  });

  it('reports a bad value and skips it', () => {
    const problems: { message: string }[] = [];
    const partial = fromEditorSettings({ rules: { 'broken-wrap': 'loud', 'unknown-rule': 'error' } }, problems);
    assert.deepEqual(partial.rules, {});
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /rules\.broken-wrap must be a level/);
  });
});

describe('rule options in .newsmarkrc.json', () => {
  it('reports and drops an unknown option or one of the wrong type, and keeps the rest', () => {
    const { config } = parseConfig(JSON.stringify({ rules: { 'stray-latin': { level: 'error', options: { words: 'app', colour: 1 } }, 'ocr-markup': { options: { words: ['x'] } } } }), RULE_CODES);
    const problems = checkRuleOptions(config, RULES).map((p) => p.message);
    assert.deepEqual(problems, ['rules.stray-latin.options.words must be a list of strings', 'rules.stray-latin.options.colour is not an option of stray-latin', 'rules.ocr-markup.options.words is not an option of ocr-markup']);
    assert.deepEqual(config.rules['stray-latin'], { level: 'error', options: {} });
    const good = parseConfig(JSON.stringify({ rules: { 'stray-latin': { options: { words: ['app'] } } } }), RULE_CODES).config;
    assert.deepEqual(checkRuleOptions(good, RULES), []);
    assert.deepEqual(good.rules['stray-latin'].options, { words: ['app'] });
  });
});
