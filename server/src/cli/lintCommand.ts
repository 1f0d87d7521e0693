/** `newsmark lint FILE...`: findings as `file:line:col severity code message` lines or a JSON array. */
import { NewsmarkConfig } from '../core/config';
import { computeDocumentModel } from '../core/documentModel';
import { computeFindings } from '../core/findings';
import { Finding } from '../core/rules/types';
import { Range } from '../core/text';
import { Command } from './command';
import { configFor } from './configFor';
import { readInputs } from './inputs';
import { lintInputs } from './lintFolder';
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
    'newsmark lint [--format text|json] [--config FILE] [--locale en|zh-cn] [--jobs N] FILE|FOLDER...',
    '                                        report findings; exit 1 if any is at error level; folders are searched',
    '                                        for .news, .txt and .md files, checked on N worker threads (default: cores)',
  ],
  flags: ['--format', '--config', '--locale', '--json', '--jobs'],
  run(args, io) {
    const format = args.flags.get('--format') ?? (args.flags.has('--json') ? 'json' : 'text');
    const all = lintInputs(args, io);
    if (format === 'json') io.out(JSON.stringify(all, null, 2) + '\n');
    else if (all.length > 0) io.out(all.map(formatFindingLine).join('\n') + '\n');
    return all.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

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
      io.out(result.findings.length === 0 ? 'No findings.\n' : `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}:\n` + result.findings.map(formatFindingLine).join('\n') + '\n');
      errors ||= result.findings.some((f) => f.severity === 'error');
    }
    return errors ? 1 : 0;
  },
};
