/** `newsmark lint FILE...`: findings as `file:line:col severity code message` lines or a JSON array. */
import { NewsmarkConfig } from '../core/config';
import { computeDocumentModel } from '../core/documentModel';
import { computeFindings } from '../core/findings';
import { computeFixAll } from '../core/fixes';
import { Finding } from '../core/rules/types';
import { Range } from '../core/text';
import { writeTextAtomic } from '../node/writeText';
import { UsageError } from './args';
import { Command } from './command';
import { configFor } from './configFor';
import { readInputs } from './inputs';
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

export const lintCommand: Command = {
  name: 'lint',
  usage: [
    'newsmark lint [--fix] [--format text|json] [--config FILE] [--locale en|zh-cn] FILE...',
    '                                        report findings; exit 1 if any is at error level;',
    '                                        --fix first writes the safe fixes into each file',
  ],
  flags: ['--format', '--config', '--locale', '--json', '--fix'],
  run(args, io) {
    const fix = args.flags.has('--fix');
    if (fix && args.files.includes('-')) throw new UsageError('--fix writes files in place and cannot fix standard input');
    const inputs = readInputs(args);
    const format = args.flags.get('--format') ?? (args.flags.has('--json') ? 'json' : 'text');
    const all: FileFinding[] = [];
    for (const input of inputs) {
      const config = configFor(input.file, args, io);
      let text = input.text;
      if (fix) {
        const fixed = computeFixAll(text, config);
        // Only a changed file is written: an untouched file keeps its timestamp.
        if (fixed.text !== text) writeTextAtomic(input.file, fixed.text, input.bom);
        text = fixed.text;
      }
      const result = lintText(input.file, text, config);
      for (const f of result.failures) io.err(`newsmark: ${f}`);
      all.push(...result.findings);
    }
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
