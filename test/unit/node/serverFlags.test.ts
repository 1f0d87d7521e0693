/**
 * The Node flags the server starts with (`node/serverFlags.ts`): V8's helper threads are one fewer than the cores,
 * at least one and at most Node's four; the young generation's semi-spaces stop at `SEMI_SPACE_MB`. Node accepts
 * the flags (one it did not know would stop the server from starting at all), and a process started with them
 * really has fewer threads and a young generation that stays small while it makes garbage that survives a while.
 * With the launch's environment, glibc gives back what a process freed after a large buffer, as it does not alone.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import {
  DEFAULT_LAUNCH,
  describeLaunch,
  EAGER_FEEDBACK_FLAG,
  EXTRA_CERTIFICATES_VARIABLE,
  helperThreads,
  MALLOC_THRESHOLD_BYTES,
  MALLOC_TUNABLES,
  NODE_DEFAULT_POOL,
  SEMI_SPACE_MB,
  serverEnvironment,
  serverLaunch,
  serverNodeFlags,
} from '../../../server/src/node/serverFlags';

/** What a fresh Node process started with `flags` (and `env` added to this one's) prints running `script`. */
function runWith(flags: string[], script: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(r.status, 0, `node ${flags.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const COUNT_THREADS = "process.stdout.write(String(require('fs').readdirSync('/proc/self/task').length))";

/** Keeps the last 20,000 of a stream of small objects, so that many survive a scavenge, and prints the young generation's largest size in bytes. */
const YOUNG_GENERATION = `
const v8 = require('v8');
const kept = new Array(20000);
let largest = 0;
for (let i = 0; i < 3000000; i++) {
  kept[i % kept.length] = { i, text: 'x' + i };
  if (i % 10000 === 0) largest = Math.max(largest, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
}
process.stdout.write(String(largest));
`;

/**
 * Frees a 10 MB buffer, as after a large message, then makes sixteen 2 MB buffers (past the server's threshold)
 * with a small one after each (as a message's pieces and what is allocated meanwhile), frees the large ones, and
 * prints the process's private resident memory (MB) while they were held and after. In functions: names of a
 * script's top level stay reachable.
 */
const FREED_AFTER_LARGE = `
(function () {
  const anon = () => Number(/RssAnon:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
  // Made and dropped in a function of its own: a register of this frame would keep it alive.
  (() => Buffer.allocUnsafeSlow(10 << 20).fill(1))();
  gc();
  let blocks = [];
  const small = [];
  for (let i = 0; i < 16; i++) {
    blocks.push(Buffer.allocUnsafeSlow(2 << 20).fill(2));
    small.push(Buffer.allocUnsafeSlow(64 << 10).fill(3));
  }
  const held = anon();
  blocks = null;
  // The second collection waits for the helper thread to free what the first found dead (see FAULTS_PER_BLOCK).
  gc();
  gc();
  process.stdout.write(JSON.stringify({ held, after: anon(), small: small.length }));
})();
`;

/**
 * Makes 300 functions, calls each once, and prints how many of V8's feedback vectors (where a function records the
 * types it meets) the heap then holds, counted in a heap snapshot.
 */
const FEEDBACK_AFTER_ONE_CALL = `
const fns = [];
for (let i = 0; i < 300; i++) fns.push(new Function('x', 'return x + ' + i));
let sum = 0;
for (const f of fns) sum += f(1);
const chunks = [];
const stream = require('v8').getHeapSnapshot();
stream.on('data', (c) => chunks.push(c));
stream.on('end', () => {
  const snap = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const fields = snap.snapshot.meta.node_fields;
  const name = fields.indexOf('name');
  const wanted = snap.strings.indexOf('system / FeedbackVector');
  let n = 0;
  for (let i = name; i < snap.nodes.length; i += fields.length) if (snap.nodes[i] === wanted) n++;
  process.stdout.write(JSON.stringify({ vectors: n, sum }));
});
`;

/**
 * Makes, fills and frees a 768 KB buffer (the UTF-16 of a page's text is about that size) eight times, collecting
 * twice after each, and prints how many pages of memory the process faulted in for each (`minflt` of /proc/self/stat).
 * A collection hands the dead buffer to V8's helper thread, which frees it a little later; the second collection
 * waits for that. With one collection, a block was sometimes made before the last one was freed and came from fresh
 * pages: in 1 of 30 runs idle and in 30 of 30 with both cores busy (CI failed once on it); with two collections, in 0
 * of 30 idle and 0 of 60 busy.
 */
const FAULTS_PER_BLOCK = `
(function () {
  const faults = () => Number(require('fs').readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[7]);
  const out = [];
  for (let i = 0; i < 8; i++) {
    const before = faults();
    (() => Buffer.allocUnsafeSlow(768 << 10).fill(i))();
    out.push(faults() - before);
    gc();
    gc();
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

describe('Node flags of the server', () => {
  it('gives V8 one helper thread fewer than the cores, between one and four', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 8, 64].map(helperThreads), [1, 1, 2, 3, 4, 4, 4]);
    assert.equal(helperThreads(NODE_DEFAULT_POOL + 1), NODE_DEFAULT_POOL);
  });

  it('falls back to one helper thread when the core count is not a number', () => {
    assert.equal(helperThreads(Number.NaN), 1);
    assert.equal(helperThreads(0), 1);
    assert.equal(helperThreads(2.9), 1);
  });

  it('passes the helper threads as --v8-pool-size, the semi-space as --max-semi-space-size, feedback from the first call, and exposes gc', () => {
    assert.deepEqual(serverNodeFlags(2), ['--v8-pool-size=1', `--max-semi-space-size=${SEMI_SPACE_MB}`, EAGER_FEEDBACK_FLAG, '--expose-gc']);
    assert.deepEqual(serverNodeFlags(16), ['--v8-pool-size=4', `--max-semi-space-size=${SEMI_SPACE_MB}`, EAGER_FEEDBACK_FLAG, '--expose-gc']);
  });

  it("holds glibc's thresholds on Linux only, after the user's own tunables, and keeps a threshold of theirs", () => {
    const ours = MALLOC_TUNABLES.join(':');
    assert.deepEqual(serverEnvironment('linux', {}), { GLIBC_TUNABLES: ours });
    assert.deepEqual(serverEnvironment('linux', { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }), { GLIBC_TUNABLES: `glibc.malloc.arena_max=2:${ours}` });
    assert.deepEqual(serverEnvironment('linux', { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=65536' }), {
      GLIBC_TUNABLES: `glibc.malloc.mmap_threshold=65536:glibc.malloc.trim_threshold=${MALLOC_THRESHOLD_BYTES}`,
    });
    assert.deepEqual(serverEnvironment('linux', { GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=0:glibc.malloc.mmap_threshold=65536' }), {});
    assert.deepEqual(serverEnvironment('darwin', {}), {});
    assert.deepEqual(serverEnvironment('win32', {}), {});
  });

  it('empties the extra certificates variable wherever the editor names a file, on every platform, and adds it nowhere else', () => {
    const named = { [EXTRA_CERTIFICATES_VARIABLE]: '/etc/ssl/certs/ca-certificates.crt' };
    assert.deepEqual(serverEnvironment('darwin', named), { [EXTRA_CERTIFICATES_VARIABLE]: '' });
    assert.deepEqual(serverEnvironment('win32', named), { [EXTRA_CERTIFICATES_VARIABLE]: '' });
    assert.deepEqual(serverEnvironment('linux', named), { [EXTRA_CERTIFICATES_VARIABLE]: '', GLIBC_TUNABLES: MALLOC_TUNABLES.join(':') });
    assert.deepEqual(serverEnvironment('darwin', { [EXTRA_CERTIFICATES_VARIABLE]: '' }), {});
    assert.equal(describeLaunch(serverLaunch(2, 'darwin', named)), `${EXTRA_CERTIFICATES_VARIABLE}= node ${serverNodeFlags(2).join(' ')}`);
  });

  it('describes the launch as a command line', () => {
    const launch = serverLaunch(2, 'linux', {});
    assert.deepEqual(launch.execArgv, serverNodeFlags(2));
    assert.equal(
      describeLaunch(launch),
      `GLIBC_TUNABLES=${MALLOC_TUNABLES.join(':')} node --v8-pool-size=1 --max-semi-space-size=${SEMI_SPACE_MB} --no-lazy-feedback-allocation --expose-gc`,
    );
    assert.equal(describeLaunch(serverLaunch(8, 'darwin', {})), `node --v8-pool-size=4 --max-semi-space-size=${SEMI_SPACE_MB} --no-lazy-feedback-allocation --expose-gc`);
    assert.equal(describeLaunch(DEFAULT_LAUNCH), "Node's and glibc's defaults");
  });

  it('are flags this Node accepts, and a process started with them has fewer threads', function () {
    this.timeout(20_000);
    if (!fs.existsSync('/proc/self/task')) {
      // Elsewhere only acceptance is checked: Node exits 9 on a flag it does not know.
      runWith(serverNodeFlags(2), '');
      return;
    }
    const plain = Number(runWith([], COUNT_THREADS));
    const tuned = Number(runWith(serverNodeFlags(2), COUNT_THREADS));
    assert.equal(plain - tuned, NODE_DEFAULT_POOL - 1, `threads: ${plain} with Node's defaults, ${tuned} with ${serverNodeFlags(2).join(' ')}`);
  });

  it('has V8 record type feedback from the first call of a function, where by default it waits for more calls', function () {
    this.timeout(60_000);
    const plain = JSON.parse(runWith([], FEEDBACK_AFTER_ONE_CALL)) as { vectors: number; sum: number };
    const tuned = JSON.parse(runWith(serverNodeFlags(2), FEEDBACK_AFTER_ONE_CALL)) as { vectors: number; sum: number };
    assert.equal(tuned.sum, plain.sum);
    assert.ok(tuned.vectors >= plain.vectors + 300, `feedback vectors after one call each of 300 functions: ${plain.vectors} by default, ${tuned.vectors} with ${EAGER_FEEDBACK_FLAG}`);
  });

  it('keeps the young generation within two semi-spaces of SEMI_SPACE_MB, where V8 alone lets it grow past that', function () {
    this.timeout(60_000);
    const plain = Number(runWith([], YOUNG_GENERATION));
    const tuned = Number(runWith(serverNodeFlags(2), YOUNG_GENERATION));
    const limit = 2 * SEMI_SPACE_MB * 2 ** 20 * 1.1;
    assert.ok(tuned <= limit, `young generation ${tuned} bytes with the flags, limit ${Math.round(limit)}`);
    assert.ok(plain > limit, `young generation ${plain} bytes with Node's defaults: the test must make it grow past ${Math.round(limit)}`);
  });

  it('gives memory freed after a large buffer back to the system with the environment of serverLaunch (glibc)', function () {
    this.timeout(20_000);
    if (process.platform !== 'linux' || !fs.existsSync('/proc/self/status')) {
      assert.deepEqual(serverEnvironment(process.platform, process.env), {}, 'no glibc tunable off Linux');
      return;
    }
    const launch = serverLaunch(2, 'linux', {});
    const plain = JSON.parse(runWith(['--expose-gc'], FREED_AFTER_LARGE)) as { held: number; after: number };
    const tuned = JSON.parse(runWith(launch.execArgv, FREED_AFTER_LARGE, launch.env)) as { held: number; after: number };
    assert.ok(plain.held - plain.after < 8, `glibc's defaults keep the 32 MB freed: ${JSON.stringify(plain)} MB`);
    assert.ok(tuned.held - tuned.after > 24, `held threshold gives the 32 MB back: ${JSON.stringify(tuned)} MB`);
  });

  it('starts without reading the extra certificates a file names, where Node alone reads them into memory', function () {
    this.timeout(30_000);
    if (!fs.existsSync('/proc/self/status')) return;
    // A file of authorities, as a company network names one: Node's own list, written out.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ca-'));
    const file = path.join(dir, 'authorities.pem');
    fs.writeFileSync(file, tls.rootCertificates.join('\n'));
    try {
      const peak = "process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1])";
      const inherited = { ...process.env, [EXTRA_CERTIFICATES_VARIABLE]: file };
      const launch = serverLaunch(2, process.platform, inherited);
      const read = Number(runWith([], peak, { [EXTRA_CERTIFICATES_VARIABLE]: file }));
      const skipped = Number(runWith([], peak, { [EXTRA_CERTIFICATES_VARIABLE]: file, ...launch.env }));
      assert.ok(read - skipped > 1024, `peak resident memory with ${tls.rootCertificates.length} authorities named: ${read} KiB read, ${skipped} KiB with the launch's environment`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reuses a freed block under the threshold instead of faulting it in anew, where 128 KiB mapped each one (glibc)', function () {
    this.timeout(20_000);
    if (process.platform !== 'linux' || !fs.existsSync('/proc/self/stat')) return;
    const launch = serverLaunch(2, 'linux', {});
    const held = JSON.parse(runWith(launch.execArgv, FAULTS_PER_BLOCK, launch.env)) as number[];
    const mapped = JSON.parse(runWith(launch.execArgv, FAULTS_PER_BLOCK, { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072' })) as number[];
    // 768 KB is 192 pages; the first block is faulted in either way.
    assert.ok(Math.max(...held.slice(1)) < 40, `pages faulted in by each later 768 KB block with the launch's tunables: ${held.join(', ')}`);
    assert.ok(Math.min(...mapped.slice(1)) > 150, `with a threshold of 128 KiB each block is faulted in again: ${mapped.join(', ')}`);
  });
});
