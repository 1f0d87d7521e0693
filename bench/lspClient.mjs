// A small LSP client for the benchmark: frames JSON-RPC over a child's stdio without re-copying its buffer on
// every chunk (an outline of a 10 MB archive is megabytes of JSON), or talks over Node's IPC channel; answers the
// server's own requests, and reads the child's peak resident memory from /proc.
import { fork, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { MessageFramer } from './framing.mjs';

export class BenchClient {
  /**
   * `launch`: Node's flags before the script and the environment variables to add, as an editor starts the server
   * (`serverLaunch` in server/src/node/serverFlags.ts); by default none. `transport`: 'stdio' (LSP's framing over
   * the child's stdin and stdout), or 'ipc', Node's own channel (`--node-ipc`), as VS Code's client opens it for
   * `TransportKind.ipc`: each message is JSON on a line of a socket, written by `process.send`.
   */
  constructor(serverPath, args = ['--stdio'], launch = { execArgv: [], env: {} }, transport = 'stdio') {
    const env = { ...process.env, ...launch.env };
    this.nextId = 1;
    this.pending = new Map();
    this.notifications = [];
    if (transport === 'ipc') {
      this.child = fork(serverPath, ['--node-ipc', ...args.filter((a) => a !== '--stdio')], { execArgv: launch.execArgv, env, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      this.child.on('message', (m) => this.dispatch(m));
      this.child.stdout.on('data', () => undefined);
      this.send = (message) => this.child.send(message);
    } else {
      this.child = spawn(process.execPath, [...launch.execArgv, serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
      const framer = new MessageFramer((m) => this.dispatch(m));
      this.child.stdout.on('data', (chunk) => framer.push(chunk));
      this.send = (message) => {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.child.stdin.write(body);
      };
    }
    this.child.stderr.on('data', () => undefined);
  }

  get pid() {
    return this.child.pid;
  }

  /** A field of the server process's /proc status, in bytes (Linux); null where there is none. */
  statusBytes(field) {
    try {
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }

  /** Peak resident set size of the server process, in bytes. */
  peakRss() {
    return this.statusBytes('VmHWM');
  }

  /**
   * The resident part of the files the server process maps: Node's executable and its libraries, pages shared
   * with every other process that maps them. It only grows while the process runs (a page once read stays), so peak
   * RSS less this, read before any document, bounds from above the process's own memory at its peak.
   */
  fileRss() {
    return this.statusBytes('RssFile');
  }

  /**
   * CPU time of the server's threads so far, from the kernel's scheduler statistics (Linux), in ms: the main
   * thread's time running and waiting on a run queue (runnable, but every core busy), and the other threads' running
   * (V8's compiler and garbage-collector helpers, libuv). Null where /proc does not say.
   */
  threadTimes() {
    try {
      const pid = this.child.pid;
      let others = 0;
      let main = null;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        let fields;
        try {
          fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(' ').map(Number);
        } catch {
          continue; // The thread ended meanwhile.
        }
        if (Number(tid) === pid) main = { running: fields[0] / 1e6, waiting: fields[1] / 1e6 };
        else others += fields[0] / 1e6;
      }
      return main ? { ...main, others } : null;
    } catch {
      return null;
    }
  }

  dispatch(m) {
    if (m.id !== undefined && m.method === undefined) {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (p && m.error) p.reject(new Error(m.error.message));
      else if (p) p.resolve(m.result);
    } else if (m.id !== undefined) {
      const result = m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null;
      this.write({ id: m.id, result });
    } else {
      this.notifications.push(m);
    }
  }

  write(message) {
    this.send({ jsonrpc: '2.0', ...message });
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ id, method, params });
    });
  }

  notify(method, params) {
    this.write({ method, params });
  }

  /**
   * What a server in a running editor has been through: `page` opened three times, each typed in at `at` (a
   * keystroke, then the outline and the diagnostics, `keystrokes` times) and closed.
   */
  async warmUp(page, at, keystrokes = 100) {
    for (let w = 0; w < 3; w++) {
      const uri = `file:///bench/warmup-${w}.news`;
      this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'newsmark', version: 1, text: page } });
      await this.request('textDocument/documentSymbol', { textDocument: { uri } });
      await this.request('textDocument/diagnostic', { textDocument: { uri } });
      for (let k = 0; k < keystrokes; k++) {
        const where = { line: at.line, character: at.character + k };
        this.notify('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [{ range: { start: where, end: where }, text: '字' }] });
        await this.request('textDocument/documentSymbol', { textDocument: { uri } });
        await this.request('textDocument/diagnostic', { textDocument: { uri } });
      }
      this.notify('textDocument/didClose', { textDocument: { uri } });
    }
  }

  async initialize() {
    const capabilities = { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, diagnostic: { dynamicRegistration: false } } };
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities });
    this.notify('initialized', {});
    return result;
  }

  async close() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // The process is killed below either way.
    }
    setTimeout(() => this.child.kill(), 500).unref();
  }
}
