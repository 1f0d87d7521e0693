/** `newsmark lint` with the figure rules, through the bundled CLI: text and JSON output, exit codes. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSample, SAMPLE_PATH } from '../support/text';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const FIGURE_CODES = ['count-mismatch', 'figure-mismatch', 'part-exceeds-whole', 'percent-out-of-range', 'sum-mismatch'];

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('newsmark lint: figure rules', () => {
  let tmp: string;
  let mutated: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-figures-'));
    mutated = path.join(tmp, 'page.news');
    const lines = readSample().split('\n');
    lines[66] = lines[66].replace('1240多公顷', '1340多公顷');
    lines[126] = lines[126].replace('四项机制', '三项机制');
    fs.writeFileSync(mutated, lines.join('\n'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reports none of the figure codes on the clean sample page', () => {
    const r = run(['lint', '--format', 'json', SAMPLE_PATH]);
    assert.equal(r.code, 0, r.stderr);
    const codes = JSON.parse(r.stdout).map((f: { code: string }) => f.code);
    assert.deepEqual(codes.filter((c: string) => FIGURE_CODES.includes(c)), []);
  });

  it('prints file:line:col severity code message for each figure finding, exit 0 for warnings', () => {
    const r = run(['lint', mutated]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.includes(`${mutated}:67:17 warning figure-mismatch The body says 国家湿地公园总面积 1340多公顷, but the subheadline says 总面积 1240多公顷.`), r.stdout);
    assert.ok(lines.some((l) => l.startsWith(`${mutated}:127:40 warning count-mismatch "三项机制" says 3, but 4 items are listed before it`)), r.stdout);
  });

  it('prints the JSON array with 0-based ranges', () => {
    const r = run(['lint', '--format', 'json', mutated]);
    assert.equal(r.code, 0, r.stderr);
    const findings = JSON.parse(r.stdout);
    const figure = findings.find((f: { code: string }) => f.code === 'figure-mismatch');
    assert.deepEqual(Object.keys(figure).sort(), ['code', 'file', 'message', 'range', 'severity']);
    assert.equal(figure.file, mutated);
    assert.equal(figure.severity, 'warning');
    assert.deepEqual(figure.range, { start: { line: 66, character: 16 }, end: { line: 66, character: 23 } });
    const count = findings.find((f: { code: string }) => f.code === 'count-mismatch');
    assert.deepEqual(count.range.start, { line: 126, character: 39 });
  });

  it('exits 1 when a figure rule is set to error with --config, and speaks Chinese with --locale zh-cn', () => {
    const config = path.join(tmp, 'strict.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'count-mismatch': 'error', 'orphan-credit': 'off' } }));
    let r = run(['lint', '--config', config, '--locale', 'zh-cn', mutated]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /:127:40 error count-mismatch “三项机制”说是3项，但前面列举的是4项/);
    r = run(['lint', '--config', config, SAMPLE_PATH]);
    assert.equal(r.code, 0, 'the clean page has no count mismatch, so no error');
  });

  it('turns a figure rule off with --config', () => {
    const config = path.join(tmp, 'off.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'figure-mismatch': 'off' } }));
    const r = run(['lint', '--format', 'json', '--config', config, mutated]);
    const codes = JSON.parse(r.stdout).map((f: { code: string }) => f.code);
    assert.ok(!codes.includes('figure-mismatch'));
    assert.ok(codes.includes('count-mismatch'));
  });
});
