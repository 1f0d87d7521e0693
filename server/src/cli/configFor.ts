/** The configuration for one input file: `--config FILE`, else the nearest `.newsmarkrc.json`. */
import * as path from 'node:path';
import { defaultConfig, NewsmarkConfig } from '../core/config';
import { findConfigFile, loadConfigFile } from '../node/configFile';
import { InputError, readTextFile } from '../node/readText';
import { ParsedArgs } from './args';
import { Io } from './command';

export function configFor(file: string, args: ParsedArgs, io: Io): NewsmarkConfig {
  const explicit = args.flags.get('--config');
  let found: string | null;
  if (typeof explicit === 'string') {
    readTextFile(explicit);
    found = explicit;
  } else {
    found = file === '-' ? findConfigFile(process.cwd()) : findConfigFile(path.dirname(path.resolve(file)));
  }
  if (!found) return withLocale(defaultConfig(), args);
  const loaded = loadConfigFile(found);
  if (typeof explicit === 'string' && loaded.problems.some((p) => p.includes('not valid JSON'))) {
    throw new InputError(loaded.problems[0]);
  }
  for (const p of loaded.problems) io.err(`newsmark: ${p} (using defaults for it)`);
  return withLocale(loaded.config, args);
}

function withLocale(config: NewsmarkConfig, args: ParsedArgs): NewsmarkConfig {
  const locale = args.flags.get('--locale');
  if (locale === 'en' || locale === 'zh-cn') return { ...config, locale };
  if (locale !== undefined) throw new InputError(`--locale must be en or zh-cn`);
  return config;
}
