/** The rule list appears in docs/rules.md, the README, package.json settings and the config schema: all agree. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../server/src/core/config';
import { RULE_CODES, RULES } from '../../../server/src/core/rules';
import { LEVELS } from '../../../server/src/core/rules/types';
import { findingsOf } from '../../support/findings';
import { renderConfigSchema, renderRulesMarkdown, renderRuleSettings } from '../../../scripts/ruleDocs';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('rule documentation and settings', () => {
  it('every rule has a stable kebab-case code, a summary, a description and an example hit and near miss', () => {
    assert.equal(new Set(RULE_CODES).size, RULES.length);
    for (const r of RULES) {
      assert.match(r.code, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(LEVELS.includes(r.defaultLevel));
      for (const s of [r.summary, r.description, r.example.hit, r.example.nearMiss]) assert.ok(s.trim().length > 0, r.code);
    }
  });

  it('every rule flags its documented hit and not its documented near miss', () => {
    for (const r of RULES) {
      assert.ok(findingsOf(r.example.hit, r.code).length > 0, `${r.code} flags its example hit`);
      assert.deepEqual(findingsOf(r.example.nearMiss, r.code), [], `${r.code} leaves its near miss alone`);
    }
  });

  it('docs/rules.md has exactly one anchor per registered rule and is up to date (npm run generate)', () => {
    const doc = read('docs/rules.md');
    const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [...RULE_CODES]);
    assert.equal(doc, renderRulesMarkdown(RULES));
  });

  it('the README rule table lists exactly the registered rules with their default levels', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Rules'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(rows, RULES.map((r) => [r.code, r.defaultLevel]));
  });

  it('package.json contributes one resource-scoped setting per rule, with description and enum', () => {
    const pkg = JSON.parse(read('package.json'));
    const properties: Record<string, { scope: string; enum: string[]; markdownDescription: string }> = pkg.contributes.configuration.properties;
    const ruleKeys = Object.keys(properties).filter((k) => k.startsWith('newsmark.rules.'));
    assert.deepEqual(ruleKeys.sort(), RULE_CODES.map((c) => `newsmark.rules.${c}`).sort());
    const expected = renderRuleSettings(RULES);
    for (const key of ruleKeys) {
      assert.deepEqual(properties[key], expected[key], key);
      assert.equal(properties[key].scope, 'resource');
      assert.deepEqual(properties[key].enum, ['default', ...LEVELS]);
    }
  });

  it('the .newsmarkrc.json schema is generated from the registry and contributed for .newsmarkrc.json', () => {
    assert.equal(read('schemas/newsmarkrc.schema.json'), renderConfigSchema(RULES));
    const schema = JSON.parse(read('schemas/newsmarkrc.schema.json'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_CODES]);
    const pkg = JSON.parse(read('package.json'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.newsmarkrc.json', url: './schemas/newsmarkrc.schema.json' }]);
  });

  it('every value the schema offers for a rule is one the config reader accepts', () => {
    const schema = JSON.parse(read('schemas/newsmarkrc.schema.json'));
    for (const code of RULE_CODES) {
      const [levels] = schema.properties.rules.properties[code].anyOf;
      for (const level of levels.enum) {
        const { config, problems } = parseConfig(JSON.stringify({ rules: { [code]: { level, options: {} } } }), RULE_CODES);
        assert.deepEqual(problems, []);
        assert.equal(config.rules[code].level, level);
      }
    }
  });
});
