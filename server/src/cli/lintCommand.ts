/** `newsmark lint FILE...`: findings as `file:line:col severity code message` lines or a JSON array. */
import { NewsmarkConfig } from '../core/config';
import { computeDocumentModel } from '../core/documentModel';
import { computeFindings } from '../core/findings';
import { computeFixAll } from '../core/fixes';
import { Finding } from '../core/rules/types';
import { Range } from '../core/text';
import { writeTextAtomic } from '../node/writeText';
import { ParsedArgs, UsageError } from './args';
import { Command, Io } from './command';
import { configFor } from './configFor';
import { readInputs } from './inputs';
import { collectFiles, lintInputs } from './lintFolder';
import { renderOutlineText } from './outlineCommand';

export interface FileFinding {
  file: string;
  code: string;
  severity: Finding['severity'];
  message: string;
  range: Range;
}

export function lintText(file: string, text: string, config: NewsmarkConfig): { findings: FileFinding[]; failures: string[] } {
  const model = computeDocumentModel(text);
  const result = computeFindings(model, config);
  return {
    findings: result.findings.map((f) => ({ file, code: f.code, severity: f.severity, message: f.message, range: model.lines.rangeOf(f.span) })),
    failures: result.failures.map((f) => `${file}: rule ${f.code} failed: ${f.message}`),
  };
}

export function formatFindingLine(f: FileFinding): string {
  return `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`;
}

/** `lint --fix`: each file (folders expanded) gets its safe fixes written in place, then is linted. */
function fixAndLint(args: ParsedArgs, io: Io): FileFinding[] {
  if (args.files.includes('-')) throw new UsageError('--fix writes files in place and cannot fix standard input');
  const inputs = readInputs({ ...args, files: collectFiles(args.files) });
  const all: FileFinding[] = [];
  for (const input of inputs) {
    const config = configFor(input.file, args, io);
    const fixed = computeFixAll(input.text, config);
    // Only a changed file is written: an untouched file keeps its timestamp.
    if (fixed.text !== input.text) writeTextAtomic(input.file, fixed.text, input.bom);
    const result = lintText(input.file, fixed.text, config);
    for (const f of result.failures) io.err(`newsmark: ${f}`);
    all.push(...result.findings);
  }
  return all;
}

export const lintCommand: Command = {
  name: 'lint',
  usage: [
    'newsmark lint [--fix] [--format text|json] [--config FILE] [--locale en|zh-cn] [--jobs N] FILE|FOLDER...',
    '                                        report findings; exit 1 if any is at error level; folders are searched',
    '                                        for .news, .txt and .md files, checked on N worker threads (default: cores);',
    '                                        --fix first writes the safe fixes into each file',
  ],
  flags: ['--format', '--config', '--locale', '--json', '--jobs', '--fix'],
  run(args, io) {
    const format = args.flags.get('--format') ?? (args.flags.has('--json') ? 'json' : 'text');
    const all = args.flags.has('--fix') ? fixAndLint(args, io) : lintInputs(args, io);
    if (format === 'json') io.out(JSON.stringify(all, null, 2) + '\n');
    else if (all.length > 0) io.out(all.map(formatFindingLine).join('\n') + '\n');
    return all.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

/** Findings listed in full per code up to this many; beyond it, the first few and a count (`lint` lists all). */
const LIST_LIMIT = 8;

/** A quick look: a count per code, every finding of the rarer codes, a sample of the frequent ones. */
export function renderFindingsSummary(findings: FileFinding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const byCode = new Map<string, FileFinding[]>();
  for (const f of findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  const out = [`${findings.length} finding${findings.length === 1 ? '' : 's'}:`];
  for (const [code, list] of [...byCode].sort((a, b) => a[1].length - b[1].length)) {
    out.push(`  ${code}: ${list.length}`);
    const shown = list.length <= LIST_LIMIT ? list : list.slice(0, 3);
    for (const f of shown) out.push('    ' + formatFindingLine(f));
    if (shown.length < list.length) out.push(`    … and ${list.length - shown.length} more (newsmark lint lists them all; lint --fix applies the safe fixes)`);
  }
  return out.join('\n') + '\n';
}

export const checkCommand: Command = {
  name: 'check',
  usage: ['newsmark check [--config FILE] FILE...  outline and findings together, for a quick look'],
  flags: ['--config', '--locale'],
  run(args, io) {
    const inputs = readInputs(args);
    let errors = false;
    for (const input of inputs) {
      const result = lintText(input.file, input.text, configFor(input.file, args, io));
      for (const f of result.failures) io.err(`newsmark: ${f}`);
      io.out(renderOutlineText(input.file, input.text) + '\n\n');
      io.out(renderFindingsSummary(result.findings));
      errors ||= result.findings.some((f) => f.severity === 'error');
    }
    return errors ? 1 : 0;
  },
};
