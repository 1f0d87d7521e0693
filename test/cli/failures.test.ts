/**
 * Bad input to the CLI, through the bundled `dist/cli.js`: every failure is one line on stderr that names the
 * file and the reason, exit code 2, nothing on stdout, and never a stack trace. CI runs as root, and root
 * reads any file whatever its permission bits, so "unreadable" is provoked in ways root cannot bypass: a
 * Unix socket (ENXIO), a path through a file (ENOTDIR), a name too long (ENAMETOOLONG).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { SAMPLE_PATH } from '../support/text';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, one line on stderr naming `name` and matching `reason`, no stack trace. */
function assertFails(r: ReturnType<typeof run>, name: string, reason: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.ok(lines[0].startsWith('newsmark: '), lines[0]);
  assert.ok(lines[0].includes(name), `names ${name}: ${lines[0]}`);
  assert.match(lines[0], reason);
  assert.doesNotMatch(r.stderr, /\n\s+at |Error:|node:internal/);
}

describe('newsmark CLI: bad input', () => {
  let tmp: string;
  let socketServer: net.Server;
  let socketPath: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-fail-'));
    socketPath = path.join(tmp, 'wire.news');
    socketServer = net.createServer();
    await new Promise<void>((resolve) => socketServer.listen(socketPath, resolve));
  });
  after(async () => {
    await new Promise<void>((resolve) => socketServer.close(() => resolve()));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const command of ['outline', 'lint', 'check']) {
    it(`${command}: a missing file, a directory, a path through a file`, () => {
      assertFails(run([command, path.join(tmp, 'nope.news')]), 'nope.news', /no such file/);
      // lint searches a folder for news files; the other commands want a file.
      if (command !== 'lint') assertFails(run([command, tmp]), tmp, /is a directory/);
      const through = path.join(SAMPLE_PATH, 'x.news');
      assertFails(run([command, through]), through, /a part of the path is a file, not a folder/);
    });
  }

  it('a file no one can read, even root: a Unix socket', () => {
    assertFails(run(['outline', socketPath]), socketPath, /not a file that can be read/);
  });

  it('a file name too long for the file system', () => {
    const long = path.join(tmp, '天'.repeat(100) + '.news');
    assertFails(run(['lint', long]), long, /file name is too long/);
  });

  it('a file with mode 000: denied for a user, read as root (who bypasses permission bits)', () => {
    const file = path.join(tmp, 'locked.news');
    fs.writeFileSync(file, '标题在这里\n\n本报讯 正文。\n');
    fs.chmodSync(file, 0o000);
    const r = run(['outline', file]);
    if (process.getuid?.() === 0) {
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /1 article/);
    } else {
      assertFails(r, file, /permission denied/);
    }
  });

  it('binary data: NUL bytes, a PNG, random bytes', () => {
    const png = path.join(tmp, 'photo.news');
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    assertFails(run(['outline', png]), 'photo.news', /binary file/);
    const noise = path.join(tmp, 'noise.news');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    fs.writeFileSync(noise, bytes);
    assertFails(run(['lint', noise]), 'noise.news', /binary file|not valid UTF-8/);
  });

  it('invalid UTF-8: GBK, a truncated character, an encoded surrogate, an overlong form', () => {
    const cases: [string, number[]][] = [
      ['gbk.news', [0xc4, 0xe3, 0xba, 0xc3]],
      ['truncated.news', [...Buffer.from('标题在这里\n本报讯'), 0xe6, 0x9c]],
      ['surrogate.news', [0x61, 0xed, 0xa0, 0x80, 0x62]],
      ['overlong.news', [0xc0, 0xaf]],
    ];
    for (const [name, bytes] of cases) {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, Buffer.from(bytes));
      assertFails(run(['check', file]), name, /not valid UTF-8/);
    }
  });

  it('invalid UTF-8 and NUL on standard input', () => {
    assertFails(run(['outline', '-'], Buffer.from([0xc4, 0xe3])), '-', /not valid UTF-8/);
    assertFails(run(['lint', '-'], Buffer.from([0x61, 0x00])), '-', /binary file/);
  });

  it('a configuration file that is missing, a directory, or not JSON', () => {
    assertFails(run(['lint', '--config', path.join(tmp, 'none.json'), SAMPLE_PATH]), 'none.json', /no such file/);
    assertFails(run(['lint', '--config', tmp, SAMPLE_PATH]), tmp, /is a directory/);
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, 'module.exports = { rules: {} }');
    assertFails(run(['lint', '--config', bad, SAMPLE_PATH]), 'bad.json', /not valid JSON/);
  });

  it('stops quietly when the reader closes the pipe early (| head)', () => {
    const big = path.join(tmp, 'big.news');
    fs.writeFileSync(big, fs.readFileSync(SAMPLE_PATH, 'utf8').repeat(200));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" outline --json "${big}" | head -c 10 > /dev/null; echo "newsmark exited \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    assert.equal(r.stderr, '', 'no EPIPE stack trace');
    assert.equal(r.stdout.trim(), 'newsmark exited 0');
  });
});
