/** `newsmark lint FILE...`: findings as `file:line:col severity code message` lines or a JSON array. */
import { NewsmarkConfig } from '../core/config';
import { computeDocumentModel } from '../core/documentModel';
import { computeFindings } from '../core/findings';
import { Finding } from '../core/rules/types';
import { Range } from '../core/text';

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
