/**
 * The JSON Schema of `.newsmarkrc.json`, built from the rule registry so the editor's completion and
 * validation always list exactly the rules that exist, with their levels and options. The file in `schemas/`
 * is generated from this (`npm run generate`) and a test keeps the two equal.
 */
import { DEFAULT_MAX_PROBLEMS } from './config';
import { LEVELS, Rule, RuleOption } from './rules/types';

type Schema = Record<string, unknown>;

function optionSchema(option: RuleOption): Schema {
  const type = option.type === 'string[]' ? { type: 'array', items: { type: 'string' } } : { type: option.type };
  return { ...type, description: option.description, default: option.default };
}

function ruleSchema(rule: Rule): Schema {
  const level = { enum: [...LEVELS], description: `Severity of ${rule.code} findings, or "off".` };
  const options = Object.entries(rule.options ?? {});
  return {
    description: `${rule.summary} Default: ${rule.defaultLevel}.`,
    anyOf: [
      level,
      { const: false, description: 'The same as "off".' },
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          level,
          options: options.length
            ? { type: 'object', additionalProperties: false, properties: Object.fromEntries(options.map(([name, o]) => [name, optionSchema(o)])) }
            : { type: 'object', additionalProperties: false, description: `${rule.code} has no options.` },
        },
      },
    ],
  };
}

export function getConfigSchema(rules: readonly Rule[]): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/newsmark/newsmark/blob/main/schemas/newsmarkrc.schema.json',
    title: 'Newsmark configuration (.newsmarkrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Per-rule level (off, hint, information, warning, error) and options, by rule code.',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((r) => [r.code, ruleSchema(r)])),
      },
      maxProblems: { type: 'integer', minimum: 0, default: DEFAULT_MAX_PROBLEMS, description: 'Most findings reported for one document; 0 for no cap.' },
      locale: { enum: ['en', 'zh-cn'], default: 'en', description: 'Language of the messages.' },
    },
  };
}
