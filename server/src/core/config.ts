/**
 * Configuration as data: per-rule levels and options, the problem cap and the display language. It arrives as
 * JSON (`.newsmarkrc.json`) or editor settings; nothing in it is ever executed. A broken file yields the
 * defaults and a message saying what is wrong, never an exception.
 */
import { Level, LEVELS, Locale, Rule, RuleOption } from './rules/types';

export interface RuleSetting {
  level?: Level;
  options?: Record<string, unknown>;
}

export interface NewsmarkConfig {
  rules: Record<string, RuleSetting>;
  /** Most findings reported for one document; 0 for no cap. */
  maxProblems: number;
  locale: Locale;
}

export const DEFAULT_MAX_PROBLEMS = 1000;

export function defaultConfig(): NewsmarkConfig {
  return { rules: {}, maxProblems: DEFAULT_MAX_PROBLEMS, locale: 'en' };
}

export interface ConfigProblem {
  message: string;
}

function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** Reads one rule's entry: `"warning"`, `"off"`, or `{ "level": "warning", "options": {…} }`. */
export function readRuleSetting(code: string, value: unknown, problems: ConfigProblem[]): RuleSetting | null {
  if (isLevel(value)) return { level: value };
  if (value === false) return { level: 'off' };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const setting: RuleSetting = {};
    if (v.level !== undefined) {
      if (isLevel(v.level)) setting.level = v.level;
      else problems.push({ message: `rules.${code}.level must be one of ${LEVELS.join(', ')}` });
    }
    if (v.options !== undefined) {
      if (v.options && typeof v.options === 'object' && !Array.isArray(v.options)) setting.options = v.options as Record<string, unknown>;
      else problems.push({ message: `rules.${code}.options must be an object` });
    }
    return setting;
  }
  problems.push({ message: `rules.${code} must be a level (${LEVELS.join(', ')}) or an object with "level" and "options"` });
  return null;
}

/**
 * Parses `.newsmarkrc.json` text. Unknown rule codes are reported by the caller, which knows the registry.
 * What the file leaves out comes from `defaults` (the editor passes its display language as the locale).
 */
export function parseConfig(json: string, knownCodes: readonly string[], defaults: NewsmarkConfig = defaultConfig()): { config: NewsmarkConfig; problems: ConfigProblem[] } {
  const config: NewsmarkConfig = { ...defaults, rules: { ...defaults.rules } };
  const problems: ConfigProblem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    problems.push({ message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
    return { config, problems };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ message: 'the configuration must be a JSON object' });
    return { config, problems };
  }
  const d = data as Record<string, unknown>;
  if (d.rules !== undefined) {
    if (!d.rules || typeof d.rules !== 'object' || Array.isArray(d.rules)) {
      problems.push({ message: '"rules" must be an object of rule codes' });
    } else {
      for (const [code, value] of Object.entries(d.rules as Record<string, unknown>)) {
        if (!knownCodes.includes(code)) {
          problems.push({ message: `unknown rule "${code}"` });
          continue;
        }
        const setting = readRuleSetting(code, value, problems);
        if (setting) config.rules[code] = setting;
      }
    }
  }
  if (d.maxProblems !== undefined) {
    if (typeof d.maxProblems === 'number' && Number.isInteger(d.maxProblems) && d.maxProblems >= 0) config.maxProblems = d.maxProblems;
    else problems.push({ message: '"maxProblems" must be a whole number, 0 or more' });
  }
  if (d.locale !== undefined) {
    if (d.locale === 'en' || d.locale === 'zh-cn') config.locale = d.locale;
    else problems.push({ message: '"locale" must be "en" or "zh-cn"' });
  }
  return { config, problems };
}

/** Layers `override` (editor settings) over `base` (the workspace file), rule by rule. */
export function mergeConfig(base: NewsmarkConfig, override: Partial<NewsmarkConfig>): NewsmarkConfig {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [code, setting] of Object.entries(override.rules ?? {})) {
    rules[code] = { ...rules[code], ...setting, options: { ...rules[code]?.options, ...setting.options } };
  }
  return { rules, maxProblems: override.maxProblems ?? base.maxProblems, locale: override.locale ?? base.locale };
}

function fitsOption(option: RuleOption, value: unknown): boolean {
  if (option.type === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return typeof value === option.type;
}

/** Checks rule options against what each rule declares; a wrong or unknown option is reported and dropped. */
export function checkRuleOptions(config: NewsmarkConfig, rules: readonly Rule[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const rule of rules) {
    const options = config.rules[rule.code]?.options;
    if (!options) continue;
    for (const [name, value] of Object.entries(options)) {
      const option = rule.options?.[name];
      if (!option) problems.push({ message: `rules.${rule.code}.options.${name} is not an option of ${rule.code}` });
      else if (!fitsOption(option, value)) problems.push({ message: `rules.${rule.code}.options.${name} must be ${option.type === 'string[]' ? 'a list of strings' : `a ${option.type}`}` });
      else continue;
      delete options[name];
    }
  }
  return problems;
}
