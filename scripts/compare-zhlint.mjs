// Compares newsmark's halfwidth-punctuation findings with zhlint's full-width punctuation findings on a file
// (the sample page by default): `npm run compare:zhlint [FILE]`. zhlint runs twice: with its default preset
// (which keeps ASCII parentheses) for , : ; ? !, and with （ ） among its full-width marks for the parentheses.
// Prints the counts and every position where the two disagree, with its context.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'zhlint';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? resolve(root, 'test/fixtures/tianjin-environment-page.news');
const text = readFileSync(file, 'utf8');
const MARKS = new Set([',', ':', ';', '?', '!', '(', ')']);
const FULL_WIDTH = '此处标点符号需要使用全角';

const lineStarts = [0];
for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
const where = (offset) => {
  let line = lineStarts.length - 1;
  while (lineStarts[line] > offset) line--;
  return `${line + 1}:${offset - lineStarts[line] + 1}`;
};
const context = (offset) => text.slice(Math.max(0, offset - 6), offset + 7).replace(/\n/g, '⏎');

// newsmark: one finding per mark, one per pair of parentheses (both marks count here).
const lint = spawnSync(process.execPath, [resolve(root, 'dist/cli.js'), 'lint', '--format', 'json', file], { encoding: 'utf8' });
if (lint.status !== 0 && lint.status !== 1) throw new Error(`newsmark lint failed: ${lint.stderr}`);
const ours = new Set();
let ourFindings = 0;
for (const f of JSON.parse(lint.stdout)) {
  if (f.code !== 'halfwidth-punctuation') continue;
  ourFindings++;
  const start = lineStarts[f.range.start.line] + f.range.start.character;
  const end = lineStarts[f.range.end.line] + f.range.end.character;
  ours.add(start);
  if (text[start] === '(' && text[end - 1] === ')') ours.add(end - 1);
}

// zhlint: validations asking for a full-width mark at one of our seven marks.
const zh = new Set();
const other = new Map();
const collect = (result, marks) => {
  for (const v of result.validations) {
    if (v.message !== FULL_WIDTH) {
      if (marks.has(',')) other.set(v.message, (other.get(v.message) ?? 0) + 1);
      continue;
    }
    if (marks.has(text[v.index])) zh.add(v.index);
  }
};
collect(run(text, { rules: { preset: 'default' } }), new Set([',', ':', ';', '?', '!']));
collect(run(text, { rules: { preset: 'default', halfwidthPunctuation: '[]{}', fullwidthPunctuation: '，。：；？！“”‘’（）' } }), new Set(['(', ')']));

const onlyOurs = [...ours].filter((o) => !zh.has(o)).sort((a, b) => a - b);
const onlyZh = [...zh].filter((o) => !ours.has(o)).sort((a, b) => a - b);
const ascii = [...text].filter((c) => MARKS.has(c)).length;
console.log(`${file}`);
console.log(`ASCII , : ; ? ! ( ) in the text: ${ascii}`);
console.log(`newsmark halfwidth-punctuation: ${ourFindings} findings covering ${ours.size} marks`);
console.log(`zhlint full-width punctuation at those marks: ${zh.size}`);
console.log(`both: ${[...ours].filter((o) => zh.has(o)).length}; newsmark only: ${onlyOurs.length}; zhlint only: ${onlyZh.length}`);
for (const o of onlyOurs) console.log(`  newsmark only ${where(o)} "${text[o]}"  …${context(o)}…`);
for (const o of onlyZh) console.log(`  zhlint only   ${where(o)} "${text[o]}"  …${context(o)}…`);
const unflagged = [...text].map((c, i) => [c, i]).filter(([c, i]) => MARKS.has(c) && !ours.has(i) && !zh.has(i));
console.log(`ASCII marks neither flags: ${unflagged.length}`);
for (const [c, i] of unflagged) console.log(`  neither       ${where(i)} "${c}"  …${context(i)}…`);
console.log('zhlint findings of other kinds (default preset, not compared):');
for (const [message, n] of [...other].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${message}`);
