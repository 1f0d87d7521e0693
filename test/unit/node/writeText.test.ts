/**
 * writeTextAtomic, the only way `lint --fix` and `convert -o` write files: a temporary file in the same
 * folder, then a rename. It keeps a BOM and the line endings it is given, leaves no temporary file behind,
 * and never leaves a truncated file. Running as root (as CI does) rules out the usual provocations of a
 * failed write (a read-only folder, a full disk); these tests use failures root cannot bypass — a folder
 * that does not exist, a name too long, a directory in the way — and a writer killed mid-write by a
 * file-size limit, which root obeys too.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../../server/src/node/readText';
import { writeTextAtomic } from '../../../server/src/node/writeText';

describe('writeTextAtomic', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-write-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const entries = () => fs.readdirSync(tmp).sort();

  it('writes a BOM when asked, and exactly the line endings it is given', () => {
    const file = path.join(tmp, 'page.news');
    const text = '标题\r\n\r\n本报讯 正文。\r旧Mac行\n末行';
    writeTextAtomic(file, text, true);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), text);
    writeTextAtomic(file, text, false);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.deepEqual(entries(), ['page.news'], 'no temporary file left');
  });

  it('keeps the file’s permission bits', () => {
    const file = path.join(tmp, 'page.news');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    writeTextAtomic(file, 'new');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  });

  it('writes through a symbolic link to the file, keeping the link', () => {
    const real = path.join(tmp, 'real.news');
    const link = path.join(tmp, 'link.news');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, link);
    writeTextAtomic(link, 'new');
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(fs.readFileSync(real, 'utf8'), 'new');
  });

  it('writes a file whose name is near the 255-byte limit (80 Chinese characters)', () => {
    const file = path.join(tmp, '天'.repeat(83) + '.news');
    fs.writeFileSync(file, 'old');
    writeTextAtomic(file, 'new');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.equal(entries().length, 1);
  });

  it('fails with one line naming the file when the folder does not exist', () => {
    const file = path.join(tmp, 'no-such-folder', 'page.news');
    assert.throws(() => writeTextAtomic(file, 'x'), (e: Error) => e instanceof InputError && e.message === `${file}: cannot write (ENOENT)`);
    assert.deepEqual(entries(), []);
  });

  it('fails cleanly when the name is too long, leaving the folder as it was', () => {
    fs.writeFileSync(path.join(tmp, 'other.news'), 'keep');
    const file = path.join(tmp, '天'.repeat(100) + '.news');
    assert.throws(() => writeTextAtomic(file, 'x'), (e: Error) => e instanceof InputError && /cannot write \(ENAMETOOLONG\)/.test(e.message) && !e.message.includes('\n'));
    assert.deepEqual(entries(), ['other.news'], 'no temporary file left');
    assert.equal(fs.readFileSync(path.join(tmp, 'other.news'), 'utf8'), 'keep');
  });

  it('leaves a directory in the way as it was', () => {
    const dir = path.join(tmp, 'page.news');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'inside.txt'), 'keep');
    assert.throws(() => writeTextAtomic(dir, 'x'), InputError);
    assert.equal(fs.readFileSync(path.join(dir, 'inside.txt'), 'utf8'), 'keep');
    assert.deepEqual(entries(), ['page.news'], 'no temporary file left');
  });

  it('never truncates the original when the writer dies mid-write (file-size limit)', () => {
    const file = path.join(tmp, 'page.news');
    const original = '天津出台优化执法方式实施方案\n\n本报讯 正文。\n'.repeat(20);
    fs.writeFileSync(file, original);
    const script = `require(${JSON.stringify(path.resolve(__dirname, '../../../server/src/node/writeText.ts'))}).writeTextAtomic(${JSON.stringify(file)}, 'x'.repeat(1 << 20));`;
    // ulimit -f 8: no file may grow past 8 KiB; the 1 MiB write is cut off (SIGXFSZ or EFBIG).
    const r = spawnSync('bash', ['-c', 'ulimit -f 8; exec "$0" "$@"', process.execPath, '--require', 'tsx/cjs', '-e', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '../../..') });
    assert.ok(r.signal === 'SIGXFSZ' || /page\.news: cannot write \(EFBIG\)/.test(r.stderr), `the write failed on the size limit: ${r.signal} ${r.stderr}`);
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'the original is intact, byte for byte');
    if (r.signal === null) assert.deepEqual(entries(), ['page.news'], 'the temporary file was removed');
  });
});
