/**
 * The `newsmark` command line. Exit codes: 0 success, 1 a finding at error level (lint), 2 a usage or I/O
 * error, reported as one line on stderr that names the file and the reason, never a stack trace.
 */
import * as path from 'node:path';
import { defaultConfig, NewsmarkConfig } from '../core/config';
import { InputError, readStdin, readTextFile, TextFile } from '../node/readText';
import { findConfigFile, loadConfigFile } from '../node/configFile';
import { parseArgs, UsageError } from './args';
import { FileFinding, formatFindingLine, lintText } from './lintCommand';
import { outlineJson, renderOutlineText } from './outlineCommand';

const VERSION = '0.1.0';

const HELP = `newsmark ${VERSION} — structure, figures and proofreading for news text

Usage:
  newsmark outline [--json] FILE...       print each file's articles (headline, bylines, dateline, sections…)
  newsmark lint [--format text|json] [--config FILE] FILE...
                                           report findings; exit 1 if any is at error level
  newsmark check FILE...                  outline and findings together, for a quick look

FILE may be - for standard input. Exit codes: 0 ok, 1 error-level findings, 2 usage or I/O error.
`;

const KNOWN_FLAGS = new Set(['--json', '--format', '--config', '--help', '-h', '--version', '--locale']);

function read(file: string): TextFile {
  return file === '-' ? readStdin() : readTextFile(file);
}

function configFor(file: string, explicit: string | undefined, warn: (line: string) => void): NewsmarkConfig {
  const found = explicit ?? (file === '-' ? findConfigFile(process.cwd()) : findConfigFile(path.dirname(path.resolve(file))));
  if (!found) return defaultConfig();
  const loaded = loadConfigFile(found);
  for (const p of loaded.problems) warn(`newsmark: ${p} (using defaults for it)`);
  return loaded.config;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseArgs(argv, KNOWN_FLAGS);
  if (args.command === '--help' || args.command === '-h' || args.flags.has('--help') || args.command === 'help' || args.command === '') {
    out(HELP);
    return args.command === '' ? 2 : 0;
  }
  if (args.command === '--version') {
    out(VERSION + '\n');
    return 0;
  }
  if (!['outline', 'lint', 'check'].includes(args.command)) throw new UsageError(`unknown command "${args.command}" (try outline, lint or check)`);
  if (args.files.length === 0) throw new UsageError(`${args.command} needs at least one FILE (or - for standard input)`);
  const format = args.flags.get('--format') ?? (args.flags.has('--json') ? 'json' : 'text');
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${String(format)}"`);
  const explicitConfig = args.flags.get('--config');
  if (explicitConfig !== undefined && typeof explicitConfig === 'string') readTextFile(explicitConfig);
  const locale = args.flags.get('--locale');
  // Read every file first: an unreadable one is an error before anything is printed.
  const inputs = args.files.map((file) => ({ file, text: read(file).text }));

  if (args.command === 'outline') {
    if (format === 'json') {
      const docs = inputs.map((i) => ({ file: i.file, ...(outlineJson(i.text) as object) }));
      out(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + '\n');
    } else {
      out(inputs.map((i) => renderOutlineText(i.file, i.text)).join('\n\n') + '\n');
    }
    return 0;
  }

  const all: FileFinding[] = [];
  for (const input of inputs) {
    const config = configFor(input.file, typeof explicitConfig === 'string' ? explicitConfig : undefined, err);
    if (locale === 'zh-cn' || locale === 'en') config.locale = locale;
    const result = lintText(input.file, input.text, config);
    for (const f of result.failures) err(`newsmark: ${f}\n`);
    if (args.command === 'check') {
      out(renderOutlineText(input.file, input.text) + '\n\n');
      out(result.findings.length === 0 ? 'No findings.\n' : `${result.findings.length} findings:\n` + result.findings.map(formatFindingLine).join('\n') + '\n');
    }
    all.push(...result.findings);
  }
  if (args.command === 'lint') {
    if (format === 'json') out(JSON.stringify(all, null, 2) + '\n');
    else if (all.length > 0) out(all.map(formatFindingLine).join('\n') + '\n');
  }
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}

function main(): void {
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');
  let code: number;
  try {
    code = run(process.argv.slice(2), out, err);
  } catch (e) {
    if (e instanceof InputError) {
      err(`newsmark: ${e.message}`);
      code = 2;
    } else {
      err(`newsmark: internal error: ${e instanceof Error ? e.message : String(e)}`);
      code = 2;
    }
  }
  process.exitCode = code;
}

if (require.main === module) main();
