/** `newsmark lint --fix` and `--config`, through the bundled CLI. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { paragraphs, readSample } from '../support/text';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function run(args: string[], cwd?: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STORY = paragraphs('天津出台优化执法方式实施方案', '年底前建立非现场监管程序规范', '本报讯 全年PM_{2.5}浓度下降,生态文明建设 and 加强监管的', '工作取得实效。', '金文') + '\n';
const FIXED = paragraphs('天津出台优化执法方式实施方案', '年底前建立非现场监管程序规范', '本报讯 全年PM2.5浓度下降，生态文明建设和加强监管的工作取得实效。', '金文') + '\n';

describe('newsmark lint --fix and --config', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-fix-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the safe fixes in place and reports what is left', () => {
    const file = path.join(tmp, 'story.news');
    fs.writeFileSync(file, STORY);
    const r = run(['lint', '--fix', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.equal(r.stdout, '', 'nothing is left to report');
    const again = run(['lint', '--fix', file]);
    assert.equal(again.code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED, 'a second --fix changes nothing');
    assert.deepEqual(fs.readdirSync(tmp), ['story.news'], 'no temporary file is left behind');
  });

  it('keeps CRLF line endings and the BOM', () => {
    const file = path.join(tmp, 'crlf.news');
    fs.writeFileSync(file, '\uFEFF' + STORY.replace(/\n/g, '\r\n'));
    const r = run(['lint', '--fix', file]);
    assert.equal(r.code, 0, r.stderr);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.toString('utf8').slice(1), FIXED.replace(/\n/g, '\r\n'));
  });

  it('fixes the sample page down to the two findings an editor must decide', () => {
    const file = path.join(tmp, 'page.news');
    fs.writeFileSync(file, readSample());
    const r = run(['lint', '--fix', '--format', 'json', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { code: string }) => f.code), ['orphan-credit', 'truncated-article']);
  });

  it('refuses to fix standard input', () => {
    const r = run(['lint', '--fix', '-'], undefined, STORY);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^newsmark: --fix .*standard input\n$/);
  });

  it('--config FILE sets levels and turns rules off, also for --fix', () => {
    const file = path.join(tmp, 'story.news');
    fs.writeFileSync(file, STORY);
    const rc = path.join(tmp, 'strict.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'halfwidth-punctuation': 'error', 'ocr-markup': 'off', 'stray-latin': { level: 'off' } } }));
    const r = run(['lint', '--config', rc, file]);
    assert.equal(r.code, 1, 'an error-level finding exits 1');
    const codes = r.stdout.trim().split('\n').map((l) => l.split(' ').slice(1, 3).join(' '));
    assert.deepEqual(codes, ['warning broken-wrap', 'error halfwidth-punctuation']);
    const fixed = run(['lint', '--fix', '--config', rc, file]);
    assert.equal(fixed.code, 0, fixed.stderr);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes('PM_{2.5}') && text.includes(' and '), 'rules turned off fix nothing');
    assert.ok(text.includes('浓度下降，生态'));
  });

  it('--config with a missing or non-JSON file exits 2 with one line', () => {
    const file = path.join(tmp, 'story.news');
    fs.writeFileSync(file, STORY);
    const missing = run(['lint', '--config', path.join(tmp, 'nope.json'), file]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^newsmark: .*nope\.json: no such file\n$/);
    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(broken, '{ "rules": ');
    const r = run(['lint', '--config', broken, file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^newsmark: .*broken\.json: not valid JSON/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  it('a nearby .newsmarkrc.json with a bad level says so and uses the defaults for it', () => {
    const file = path.join(tmp, 'story.news');
    fs.writeFileSync(file, STORY);
    fs.writeFileSync(path.join(tmp, '.newsmarkrc.json'), JSON.stringify({ rules: { 'broken-wrap': 'loud', 'ocr-markup': 'error' } }));
    const r = run(['lint', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /rules\.broken-wrap must be a level/);
    assert.match(r.stdout, /warning broken-wrap/);
    assert.match(r.stdout, /error ocr-markup/);
  });
});
