/** `newsmark lint FOLDER`: news files found under folders, checked on worker threads, reported in file order. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSample } from '../support/text';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('newsmark lint FOLDER', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-folder-'));
    const page = readSample();
    fs.mkdirSync(path.join(tmp, 'june', 'week1'), { recursive: true });
    fs.mkdirSync(path.join(tmp, '.git'));
    fs.mkdirSync(path.join(tmp, 'node_modules'));
    for (const name of ['june/a.news', 'june/b.txt', 'june/week1/c.md', 'june/d.news']) fs.writeFileSync(path.join(tmp, name), page);
    for (const name of ['.git/e.news', 'node_modules/f.news', 'june/photo.jpg', 'june/notes.json']) fs.writeFileSync(path.join(tmp, name), page);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds .news, .txt and .md files under a folder, skipping hidden folders and node_modules', () => {
    const r = run(['lint', '--format', 'json', tmp]);
    assert.equal(r.code, 0, r.stderr);
    const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => path.relative(tmp, f.file)))];
    assert.deepEqual(files, ['june/a.news', 'june/b.txt', 'june/d.news', 'june/week1/c.md']);
  });

  it('gives the same output, in file order, on one job and on several worker threads', () => {
    const one = run(['lint', '--jobs', '1', tmp]);
    const three = run(['lint', '--jobs', '3', tmp]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(three.stdout, one.stdout);
    assert.ok(one.stdout.split('\n').length > 4);
  });

  it('prints no progress line when output is not a terminal or CI is set', () => {
    const r = run(['lint', '--jobs', '2', tmp], { CI: 'true' });
    assert.equal(r.stderr, '');
  });

  it('fails with one line and no output when a file in the folder cannot be read', () => {
    const bad = path.join(tmp, 'june', 'week1', 'broken.news');
    fs.writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]));
    try {
      const r = run(['lint', '--jobs', '2', tmp]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /broken\.news/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    } finally {
      fs.rmSync(bad);
    }
  });

  it('refuses --jobs 0', () => {
    const r = run(['lint', '--jobs', '0', tmp]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--jobs must be a whole number/);
  });
});
