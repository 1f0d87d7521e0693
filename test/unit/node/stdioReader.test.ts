/**
 * The stdio reader on a real pipe (a FIFO standing in for the standard input an editor gives the server): messages
 * come out parsed and in order, a 3 MB one among small ones; a message that is not JSON (small or large) is reported
 * and the next one is still read; when the writer closes its end the process would exit, with 0 only after a shutdown request.
 * Which descriptors it takes is checked too: pipes and sockets, not files, never on Windows.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Message } from 'vscode-languageserver/node';
import { ownsStdin, StdioMessageReader } from '../../../server/src/node/stdioReader';
import { frameBytes, frameMessage as frame } from '../../support/frames';

interface Pipe {
  reader: StdioMessageReader;
  messages: Message[];
  errors: string[];
  exits: number[];
  write(bytes: Buffer): Promise<void>;
  close(): Promise<void>;
  closed: Promise<void>;
  dispose(): void;
}

/** A reader on the read end of a new FIFO, and the write end (written from libuv's threads, so the test never blocks). */
function openPipe(dir: string): Pipe {
  const file = path.join(dir, `fifo-${Math.random().toString(36).slice(2)}`);
  assert.equal(spawnSync('mkfifo', [file]).status, 0, 'mkfifo');
  const readFd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const out = fs.createWriteStream('', { fd: fs.openSync(file, 'w') });
  const reader = new StdioMessageReader(readFd);
  const pipe: Pipe = {
    reader,
    messages: [],
    errors: [],
    exits: [],
    write: (bytes) => new Promise((resolve, reject) => out.write(bytes, (e) => (e ? reject(e) : resolve()))),
    close: () => new Promise((resolve) => out.end(resolve)),
    closed: new Promise((resolve) => reader.onClose(() => resolve())),
    dispose: () => {
      reader.dispose();
      out.destroy();
      fs.rmSync(file, { force: true });
    },
  };
  reader.onError((e) => pipe.errors.push(e.message));
  reader.exitOnClose((code) => pipe.exits.push(code));
  reader.listen((m) => pipe.messages.push(m));
  return pipe;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > 10_000) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('stdio message reader', function () {
  let dir = '';
  before(function () {
    // FIFOs are POSIX; on Windows the server keeps vscode-jsonrpc's reader (`ownsStdin`), so there is nothing to run.
    if (process.platform === 'win32') this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-reader-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads small messages and a 3 MB one in order off a pipe, then exits with 0 after a shutdown request', async () => {
    const pipe = openPipe(dir);
    try {
      const page = '天津市生态环境局党组理论学习中心组开展党史专题学习研讨。\n'.repeat(60_000);
      const sent: object[] = [
        { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} },
        { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.news', text: page } } },
        { jsonrpc: '2.0', id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///a.news' } } },
        { jsonrpc: '2.0', id: 3, method: 'shutdown' },
      ];
      assert.ok(Buffer.byteLength(page) > 3e6);
      // Written in pieces that cut frames (and characters) anywhere, as a pipe may deliver them.
      const bytes = Buffer.concat(sent.map(frame));
      for (let at = 0; at < bytes.length; at += 100_003) await pipe.write(bytes.subarray(at, at + 100_003));
      await until(() => pipe.messages.length === sent.length, 'four messages');
      assert.deepEqual(pipe.messages, sent);
      assert.equal(pipe.reader.shutdownRequested, true);
      assert.deepEqual(pipe.errors, []);
      await pipe.close();
      await pipe.closed;
      assert.deepEqual(pipe.exits, [0]);
    } finally {
      pipe.dispose();
    }
  });

  it('reports a message that is not JSON, reads the next, and exits with 1 when closed without a shutdown', async () => {
    const pipe = openPipe(dir);
    try {
      // Two small ones and two larger than the kept buffer (read in buffers of their own, parsed from their bytes).
      const unterminated = `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"text":"${'湿地'.repeat(40_000)}}}`;
      const longString = JSON.stringify('天津'.repeat(40_000));
      await pipe.write(Buffer.concat([frameBytes('{"jsonrpc":"2.0","method":'), frameBytes('42'), frameBytes(unterminated), frameBytes(longString), frame({ jsonrpc: '2.0', method: 'initialized', params: {} })]));
      await until(() => pipe.messages.length === 1, 'the message after the bad ones');
      assert.deepEqual(pipe.messages, [{ jsonrpc: '2.0', method: 'initialized', params: {} }]);
      assert.equal(pipe.errors.length, 4);
      assert.match(pipe.errors[0], /^a message is not JSON \(/);
      assert.equal(pipe.errors[1], 'a message is not a JSON object');
      assert.match(pipe.errors[2], /^a message is not JSON \(/);
      assert.equal(pipe.errors[3], 'a message is not a JSON object');
      await pipe.close();
      await pipe.closed;
      assert.deepEqual(pipe.exits, [1]);
    } finally {
      pipe.dispose();
    }
  });

  it('takes pipes and sockets as its own, not files, and never on Windows', () => {
    const file = path.join(dir, 'plain.txt');
    fs.writeFileSync(file, 'x');
    const fileFd = fs.openSync(file, 'r');
    const fifo = path.join(dir, 'owned');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const fifoFd = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      assert.equal(ownsStdin(fileFd), false);
      assert.equal(ownsStdin(fifoFd), true);
      assert.equal(ownsStdin(fifoFd, 'win32'), false);
      assert.equal(ownsStdin(987_654), false, 'a descriptor that is not open');
    } finally {
      fs.closeSync(fileFd);
      fs.closeSync(fifoFd);
    }
  });
});
