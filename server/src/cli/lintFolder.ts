/**
 * `newsmark lint` over many files: folders are searched for news text, and the files are read and checked on
 * worker threads, one per core, so a year of pages is linted on every core. The command interface is
 * synchronous, so the main thread sleeps on a shared counter (`Atomics.wait`) and collects results with
 * `receiveMessageOnPort`. Output is in file order whatever order the workers finish in, and a file that cannot be
 * read still fails the whole command with one line (exit 2) before anything is printed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { InputError, readStdin } from '../node/readText';
import { ParsedArgs, UsageError } from './args';
import { Io } from './command';
import { configFor } from './configFor';
import { FileFinding, lintText } from './lintCommand';
import { lintOneFile, LintResult } from './lintWorker';

/** What a folder is searched for: news files, and the plain text and Markdown that print and CMS exports give. */
export const LINTED_EXTENSIONS = ['.news', '.txt', '.md'];

/** Files named on the command line, and the news files under folders named there (sorted, hidden folders and node_modules skipped). */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats | null = null;
    try {
      stat = p === '-' ? null : fs.statSync(p);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile() && LINTED_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(full);
  }
}

function jobsFor(args: ParsedArgs, files: number): number {
  const flag = args.flags.get('--jobs');
  if (flag !== undefined) {
    const n = Number(flag);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs must be a whole number, 1 or more, not "${String(flag)}"`);
    return Math.min(n, Math.max(1, files));
  }
  return Math.max(1, Math.min(os.availableParallelism(), files, 8));
}

/** A progress line on a terminal; nothing in CI or when output goes to a file. */
function progress(total: number): { step(done: number): void; end(): void } {
  const show = !!process.stdout.isTTY && !!process.stderr.isTTY && !process.env.CI && total > 1;
  let last = 0;
  return {
    step(done) {
      const now = Date.now();
      if (!show || (now - last < 100 && done < total)) return;
      last = now;
      process.stderr.write(`\rnewsmark: linted ${done}/${total} files`);
    },
    end() {
      if (show) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Lints every input (files, folders, `-`) and returns the findings in input order, or throws the first read error. */
export function lintInputs(args: ParsedArgs, io: Io): FileFinding[] {
  if (args.files.length === 0) throw new UsageError(`${args.command} needs at least one FILE, folder, or - for standard input`);
  const format = args.flags.get('--format');
  if (format !== undefined && format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${String(format)}"`);
  const files = collectFiles(args.files);
  const jobs = jobsFor(args, files.length);
  const results: LintResult[] = new Array<LintResult>(files.length);
  const bar = progress(files.length);
  if (jobs <= 1 || files.includes('-')) {
    files.forEach((file, i) => {
      results[i] = file === '-' ? lintStdin(args, io) : lintOneFile(file, args.flags);
      bar.step(i + 1);
    });
  } else {
    runOnWorkers(files, jobs, args, results, bar);
  }
  bar.end();
  const failed = results.find((r) => r.error !== null);
  if (failed?.error) throw new InputError(failed.error);
  const warned = new Set<string>();
  const all: FileFinding[] = [];
  for (const r of results) {
    for (const w of r.warnings) {
      if (warned.has(w)) continue;
      warned.add(w);
      io.err(w);
    }
    all.push(...r.findings);
  }
  return all;
}

function lintStdin(args: ParsedArgs, io: Io): LintResult {
  const read = readStdin();
  const result = lintText('-', read.text, configFor('-', args, io));
  return { findings: result.findings, warnings: result.failures.map((f) => `newsmark: ${f}`), error: null };
}

interface Job {
  worker: Worker;
  port: MessagePort;
  busy: number;
}

function runOnWorkers(files: string[], jobs: number, args: ParsedArgs, results: LintResult[], bar: { step(done: number): void }): void {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const flags = [...args.flags.entries()];
  const workers: Job[] = [];
  let next = 0;
  let done = 0;
  const give = (job: Job) => {
    job.busy = next < files.length ? next++ : -1;
    if (job.busy >= 0) job.port.postMessage({ index: job.busy, file: files[job.busy] });
  };
  try {
    for (let j = 0; j < jobs; j++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(path.join(__dirname, 'lintWorker.js'), { workerData: { port: port2, signal, flags }, transferList: [port2] });
      worker.unref();
      const job = { worker, port: port1, busy: -1 };
      workers.push(job);
      give(job);
    }
    while (done < files.length) {
      const seen = Atomics.load(signal, 0);
      for (const job of workers) {
        for (let m = receiveMessageOnPort(job.port); m; m = receiveMessageOnPort(job.port)) {
          const { index, result } = m.message as { index: number; result: LintResult };
          results[index] = result;
          done++;
          bar.step(done);
          give(job);
        }
      }
      // A worker that dies never answers: the timeout lets the loop notice and report its file instead of hanging.
      if (done < files.length && Atomics.wait(signal, 0, seen, 30_000) === 'timed-out') {
        const stuck = workers.find((w) => w.busy >= 0);
        throw new InputError(`${stuck ? files[stuck.busy] : 'a file'}: no result from the lint worker after 30 s`);
      }
    }
  } finally {
    for (const job of workers) {
      job.port.close();
      void job.worker.terminate();
    }
  }
}
