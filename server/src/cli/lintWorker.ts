/**
 * One lint worker thread (bundled as dist/lintWorker.js): reads and checks the files the main thread hands it,
 * one at a time, posts each result and bumps the shared counter the main thread sleeps on. Also used in-process
 * when there is only one job, so both paths give the same results.
 */
import { isMainThread, MessagePort, workerData } from 'node:worker_threads';
import { InputError, readTextFile } from '../node/readText';
import { ParsedArgs } from './args';
import { configFor } from './configFor';
import { FileFinding, lintText } from './lintCommand';

export interface LintResult {
  findings: FileFinding[];
  warnings: string[];
  /** Why the file could not be read (the one-line reason), or null. */
  error: string | null;
}

export function lintOneFile(file: string, flags: Iterable<[string, string | true]>): LintResult {
  const warnings: string[] = [];
  try {
    const args: ParsedArgs = { command: 'lint', files: [file], flags: new Map(flags) };
    const read = readTextFile(file);
    const config = configFor(file, args, { out: () => undefined, err: (line) => warnings.push(line) });
    const result = lintText(file, read.text, config);
    return { findings: result.findings, warnings: [...warnings, ...result.failures.map((f) => `newsmark: ${f}`)], error: null };
  } catch (e) {
    if (e instanceof InputError) return { findings: [], warnings, error: e.message };
    return { findings: [], warnings, error: `${file}: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

interface WorkerData {
  port: MessagePort;
  signal: Int32Array;
  flags: [string, string | true][];
}

if (!isMainThread && workerData && (workerData as Partial<WorkerData>).signal) {
  const { port, signal, flags } = workerData as WorkerData;
  port.on('message', (m: { index: number; file: string }) => {
    port.postMessage({ index: m.index, result: lintOneFile(m.file, flags) });
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}
