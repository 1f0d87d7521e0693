// A small LSP client for the benchmark: frames JSON-RPC over a child's stdio without re-copying its buffer on
// every chunk (an outline of a 10 MB archive is megabytes of JSON), answers the server's own requests, and
// reads the child's peak resident memory from /proc.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export class BenchClient {
  constructor(serverPath, args = ['--stdio']) {
    this.child = spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.chunks = [];
    this.size = 0;
    this.expected = -1;
    this.nextId = 1;
    this.pending = new Map();
    this.notifications = [];
    this.child.stdout.on('data', (chunk) => this.onData(chunk));
    this.child.stderr.on('data', () => undefined);
  }

  get pid() {
    return this.child.pid;
  }

  /** Peak resident set size of the server process, in bytes (Linux). */
  peakRss() {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
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

  onData(chunk) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    for (;;) {
      if (this.expected < 0) {
        if (this.chunks.length > 1 && this.chunks[0].indexOf('\r\n\r\n') < 0) this.chunks = [Buffer.concat(this.chunks, this.size)];
        const end = this.chunks[0].indexOf('\r\n\r\n');
        if (end < 0) return;
        this.headerLength = end + 4;
        this.expected = Number(/Content-Length: (\d+)/i.exec(this.chunks[0].subarray(0, end).toString())[1]);
      }
      // Joined once, when the whole message is here: joining on every chunk is quadratic in a big response.
      if (this.size < this.headerLength + this.expected) return;
      const buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
      const body = buffer.subarray(this.headerLength, this.headerLength + this.expected).toString('utf8');
      const rest = buffer.subarray(this.headerLength + this.expected);
      this.chunks = rest.length ? [rest] : [];
      this.size = rest.length;
      this.expected = -1;
      this.dispatch(JSON.parse(body));
      if (this.size === 0) return;
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
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
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
