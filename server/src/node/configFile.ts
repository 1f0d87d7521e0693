/**
 * Finds and reads `.newsmarkrc.json` for the CLI and the Node server: the nearest one in the file's folder or
 * above it. Problems in the file come back as messages; the defaults apply and nothing throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkRuleOptions, defaultConfig, NewsmarkConfig, parseConfig } from '../core/config';
import { RULE_CODES, RULES } from '../core/rules';

export const CONFIG_FILE_NAME = '.newsmarkrc.json';

export interface LoadedConfig {
  config: NewsmarkConfig;
  file: string | null;
  problems: string[];
}

export function findConfigFile(startDir: string, stopAt?: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || (stopAt && path.resolve(dir) === path.resolve(stopAt))) return null;
    dir = parent;
  }
}

export function loadConfigFile(file: string, defaults: NewsmarkConfig = defaultConfig()): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { config: defaults, file, problems: [`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`] };
  }
  const { config, problems } = parseConfig(text, RULE_CODES, defaults);
  problems.push(...checkRuleOptions(config, RULES));
  return { config, file, problems: problems.map((p) => `${file}: ${p.message}`) };
}
