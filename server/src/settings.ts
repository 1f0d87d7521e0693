/**
 * Settings for a document: the workspace's `.newsmarkrc.json` under the editor's `newsmark.*` settings.
 * Read per resource, cached until the client says settings or watched files changed.
 */
import { ConfigProblem, defaultConfig, mergeConfig, NewsmarkConfig, readRuleSetting, RuleSetting } from './core/config';
import { RULE_CODES } from './core/rules';

export interface EditorSettings {
  rules?: Record<string, unknown>;
  maxNumberOfProblems?: number;
  maxItemsComputed?: number;
  locale?: string;
}

/** Outline symbols computed per file unless `newsmark.maxItemsComputed` says otherwise (VS Code's JSON default). */
export const DEFAULT_MAX_ITEMS_COMPUTED = 5000;

/** The outline's limit from the `newsmark` settings section; 0 for none. */
export function maxItemsComputed(settings: EditorSettings | null | undefined): number {
  const value = settings && typeof settings === 'object' ? settings.maxItemsComputed : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : DEFAULT_MAX_ITEMS_COMPUTED;
}

/** Turns the `newsmark` settings section into a partial configuration; bad values are reported and skipped. */
export function fromEditorSettings(settings: EditorSettings | null | undefined, problems: ConfigProblem[]): Partial<NewsmarkConfig> {
  const out: Partial<NewsmarkConfig> = {};
  if (!settings || typeof settings !== 'object') return out;
  if (settings.rules && typeof settings.rules === 'object') {
    const rules: Record<string, RuleSetting> = {};
    for (const [code, value] of Object.entries(settings.rules)) {
      if (!RULE_CODES.includes(code)) continue;
      if (value === null || value === undefined || value === 'default') continue;
      const setting = readRuleSetting(code, value, problems);
      if (setting) rules[code] = setting;
    }
    out.rules = rules;
  }
  if (typeof settings.maxNumberOfProblems === 'number' && settings.maxNumberOfProblems >= 0) out.maxProblems = Math.floor(settings.maxNumberOfProblems);
  // "auto" (the default) leaves the locale to `.newsmarkrc.json` or the editor's display language.
  if (settings.locale === 'zh-cn' || settings.locale === 'en') out.locale = settings.locale;
  return out;
}

/** `defaults` stand where there is no `.newsmarkrc.json` (the server passes the display language as locale). */
export function effectiveConfig(file: NewsmarkConfig | null, editor: Partial<NewsmarkConfig>, defaults: NewsmarkConfig = defaultConfig()): NewsmarkConfig {
  return mergeConfig(file ?? defaults, editor);
}
