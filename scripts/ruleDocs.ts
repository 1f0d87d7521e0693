/**
 * What the rule registry generates: `docs/rules.md` (one anchor per code, which the diagnostics'
 * codeDescription links to), the JSON Schema of `.newsmarkrc.json`, and the `newsmark.rules.<code>` settings in
 * package.json. `npm run generate` writes them; `test/unit/docs/ruleDocs.test.ts` fails when they drift.
 */
import { getConfigSchema } from '../server/src/core/configSchema';
import { LEVELS, Rule } from '../server/src/core/rules/types';

function fence(text: string): string {
  return ['```text', text, '```'].join('\n');
}

function ruleSection(rule: Rule): string {
  const options = Object.entries(rule.options ?? {});
  const lines = [
    `## ${rule.code}`,
    '',
    `${rule.summary} Default level: **${rule.defaultLevel}**. ${rule.fixable ? 'Has a quick fix.' : 'No automatic fix.'}`,
    '',
    rule.description,
    '',
    'Flagged:',
    '',
    fence(rule.example.hit),
    '',
    'Not flagged (near miss):',
    '',
    fence(rule.example.nearMiss),
  ];
  if (options.length) {
    lines.push('', 'Options:', '');
    for (const [name, o] of options) lines.push(`- \`${name}\` (${o.type}, default \`${JSON.stringify(o.default)}\`): ${o.description}`);
  }
  return lines.join('\n');
}

export function renderRulesMarkdown(rules: readonly Rule[]): string {
  return [
    '# Newsmark rules',
    '',
    '<!-- Generated from server/src/core/rules by `npm run generate`; edit the rules, not this file. -->',
    '',
    'Each rule has a stable code, used in `.newsmarkrc.json`, in the `newsmark.rules.<code>` settings and in',
    'suppression comments (`<!-- newsmark-disable-next-line CODE -->`). Levels: `off`, `hint`, `information`,',
    '`warning`, `error`. How `halfwidth-punctuation` compares with zhlint on the sample page is in',
    '[zhlint-comparison.md](zhlint-comparison.md).',
    '',
    '| Code | Default | Fix | What it finds |',
    '| --- | --- | --- | --- |',
    ...rules.map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.defaultLevel} | ${r.fixable ? 'yes' : 'no'} | ${r.summary.replace(/\|/g, '\\|')} |`),
    '',
    ...rules.map((r) => ruleSection(r) + '\n'),
  ].join('\n');
}

export function renderConfigSchema(rules: readonly Rule[]): string {
  return JSON.stringify(getConfigSchema(rules), null, 2) + '\n';
}

/** The `contributes.configuration.properties` entries for the rules. */
export function renderRuleSettings(rules: readonly Rule[]): Record<string, unknown> {
  return Object.fromEntries(
    rules.map((r) => [
      `newsmark.rules.${r.code}`,
      {
        type: 'string',
        enum: ['default', ...LEVELS],
        enumDescriptions: [
          `Use the level from .newsmarkrc.json, else the rule's default (${r.defaultLevel}).`,
          'Do not run the rule.',
          'Show findings as hints.',
          'Show findings as information.',
          'Show findings as warnings.',
          'Show findings as errors.',
        ],
        default: 'default',
        scope: 'resource',
        markdownDescription: `\`${r.code}\`: ${r.summary} Default: ${r.defaultLevel}. Overrides \`.newsmarkrc.json\`. [Documentation](https://github.com/newsmark/newsmark/blob/main/docs/rules.md#${r.code})`,
      },
    ]),
  );
}
