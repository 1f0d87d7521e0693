/**
 * The Node flags the server starts with (`node/serverFlags.ts`): V8's helper threads are one fewer than the cores,
 * at least one and at most Node's four; the young generation's semi-spaces stop at `SEMI_SPACE_MB`. Node accepts
 * the flags (one it did not know would stop the server from starting at all), and a process started with them
 * really has fewer threads and a young generation that stays small while it makes garbage that survives a while.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { helperThreads, NODE_DEFAULT_POOL, SEMI_SPACE_MB, serverNodeFlags } from '../../../server/src/node/serverFlags';

/** What a fresh Node process started with `flags` prints running `script`. */
function runWith(flags: string[], script: string): string {
  const r = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
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

  it('passes the helper threads as --v8-pool-size and the semi-space as --max-semi-space-size', () => {
    assert.deepEqual(serverNodeFlags(2), ['--v8-pool-size=1', `--max-semi-space-size=${SEMI_SPACE_MB}`]);
    assert.deepEqual(serverNodeFlags(16), ['--v8-pool-size=4', `--max-semi-space-size=${SEMI_SPACE_MB}`]);
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

  it('keeps the young generation within two semi-spaces of SEMI_SPACE_MB, where V8 alone lets it grow past that', function () {
    this.timeout(60_000);
    const plain = Number(runWith([], YOUNG_GENERATION));
    const tuned = Number(runWith(serverNodeFlags(2), YOUNG_GENERATION));
    const limit = 2 * SEMI_SPACE_MB * 2 ** 20 * 1.1;
    assert.ok(tuned <= limit, `young generation ${tuned} bytes with the flags, limit ${Math.round(limit)}`);
    assert.ok(plain > limit, `young generation ${plain} bytes with Node's defaults: the test must make it grow past ${Math.round(limit)}`);
  });
});
