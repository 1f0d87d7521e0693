/**
 * How long each rule and fix-all take on the sample page and on a 100-page archive built from it, so a rule
 * that scans character by character, or a quadratic fix selection, shows up here and not in the editor.
 * Prints milliseconds per call (median of several runs); `npm run bench:proofreading`. Numbers depend on the
 * machine: compare runs on the same one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../server/src/core/config';
import { computeDocumentModel } from '../server/src/core/documentModel';
import { computeFindings } from '../server/src/core/findings';
import { computeFixAll } from '../server/src/core/fixes';
import { RULES } from '../server/src/core/rules';
import { median } from './timing';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../test/fixtures/tianjin-environment-page.news'), 'utf8');


function row(label: string, ms: number, note = ''): void {
  console.log(`${label.padEnd(34)} ${ms.toFixed(2).padStart(9)} ms${note ? '  ' + note : ''}`);
}

for (const [name, text, runs] of [
  ['sample page', SAMPLE, 30],
  ['100 pages', Array(100).fill(SAMPLE).join('\n\n'), 5],
] as const) {
  console.log(`${name}: ${text.length.toLocaleString('en')} characters`);
  const model = computeDocumentModel(text);
  const config = { ...defaultConfig(), maxProblems: 0 };
  for (const rule of RULES) {
    const found = computeFindings(model, config, [rule]).findings.length;
    row(`  ${rule.code}`, median(runs, () => computeFindings(model, config, [rule])), `${found} findings`);
  }
  row('  all rules', median(runs, () => computeFindings(model, config)), `${computeFindings(model, config).findings.length} findings`);
  const fixed = computeFixAll(text, defaultConfig());
  row('  fix-all (model, findings, edits)', median(Math.min(runs, 5), () => computeFixAll(text, defaultConfig())), `${fixed.applied} fixes`);
}
