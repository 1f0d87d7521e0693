/**
 * A minimal LSP client for protocol tests: starts the bundled `dist/server.js --stdio`, frames JSON-RPC
 * messages, answers the server's own requests (configuration, registration) and collects notifications.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Notification {
  method: string;
  params: Json;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  private readonly waiters: { predicate: (n: Notification) => boolean; resolve: (n: Notification) => void }[] = [];
  readonly notifications: Notification[] = [];
  /** Callers of `waitForRequest`, resolved when a matching request from the server has been answered. */
  private readonly requestWaiters: { predicate: (n: Notification) => boolean; resolve: (n: Notification) => void }[] = [];
  readonly stderr: string[] = [];
  /** Answers to `workspace/configuration` requests, by section. */
  settings: Record<string, Json> = {};
  /** Answers to other requests from the server (`workspace/applyEdit`…), by method; the params are kept in `serverRequests`. */
  readonly handlers: Record<string, (params: Json) => Json> = {};
  readonly serverRequests: Notification[] = [];

  /** `nodeArgs` go before the server path (e.g. `--require tsx/cjs` to run a TypeScript entry point). */
  constructor(serverPath = path.resolve(__dirname, '../../dist/server.js'), nodeArgs: string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString();
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`bad header ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  private dispatch(message: Json): void {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else p.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      // A request from the server.
      let result: Json = null;
      this.serverRequests.push({ method: message.method, params: message.params });
      if (message.method === 'workspace/configuration') result = message.params.items.map((i: Json) => this.settings[i.section] ?? null);
      else if (this.handlers[message.method]) result = this.handlers[message.method](message.params);
      this.write({ jsonrpc: '2.0', id: message.id, result });
      const r = this.serverRequests[this.serverRequests.length - 1];
      for (let i = this.requestWaiters.length - 1; i >= 0; i--) {
        if (this.requestWaiters[i].predicate(r)) {
          this.requestWaiters[i].resolve(r);
          this.requestWaiters.splice(i, 1);
        }
      }
      return;
    }
    const n = { method: message.method, params: message.params };
    this.notifications.push(n);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].predicate(n)) {
        this.waiters[i].resolve(n);
        this.waiters.splice(i, 1);
      }
    }
  }

  write(message: Json): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /**
   * Sends what `send` writes in one write to the server's stdin, so the server reads it in one chunk: messages an
   * editor sends together arrive together, whatever else the machine is running (written one by one, a loaded
   * machine may hand the server the first before the others are written).
   */
  together<T>(send: () => T): T {
    this.child.stdin.cork();
    try {
      return send();
    } finally {
      this.child.stdin.uncork();
    }
  }

  /** Sends bytes as they are, framed or not: for malformed-message tests. */
  writeRaw(data: string | Buffer): void {
    this.child.stdin.write(data);
  }

  /** Sends a request and returns its id, without waiting: for cancellation and racing tests. */
  requestWithId<T = Json>(method: string, params: Json): { id: number; response: Promise<T> } {
    const id = this.nextId;
    return { id, response: this.request<T>(method, params) };
  }

  request<T = Json>(method: string, params: Json): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (already received or future) that matches. */
  waitFor(predicate: (n: Notification) => boolean, timeoutMs = 10000): Promise<Notification> {
    const seen = this.notifications.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a notification')), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (n) => {
          clearTimeout(timer);
          resolve(n);
        },
      });
    });
  }

  /** Resolves with the first request from the server (already received or future) that matches. */
  waitForRequest(predicate: (n: Notification) => boolean, timeoutMs = 10000): Promise<Notification> {
    const seen = this.serverRequests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a request from the server')), timeoutMs);
      this.requestWaiters.push({
        predicate,
        resolve: (n) => {
          clearTimeout(timer);
          resolve(n);
        },
      });
    });
  }

  /** `extra` adds initialize parameters (`locale`, `workspaceFolders`…). */
  async initialize(capabilities: Json = {}, rootUri: string | null = null, extra: Json = {}): Promise<Json> {
    const result = await this.request('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: null, ...extra });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'newsmark', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async shutdown(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } catch {
      this.child.kill();
    }
    await exited;
  }
}
