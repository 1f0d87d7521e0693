/**
 * Run in a child process by the heap-growth test: holds about 40 MB of small objects, as a year of pages' model
 * does, then makes garbage that lives long enough to reach the old generation (each batch is dropped a few
 * batches later), and prints the largest the old generation got. `--tight` first gives V8 the server's flag for the
 * old generation's growth (`TIGHT_GROWTH_FLAG`); `--memory` then the one the server gives it while large text is open
 * (`LargeTextMemory`), once the 40 MB are held, as the server does once such text has opened.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { LargeTextMemory, TIGHT_GROWTH_FLAG } from '../../server/src/node/heapTuning';

const oldSize = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_size;

if (process.argv.includes('--tight')) setFlagsFromString(TIGHT_GROWTH_FLAG);

const batch = (n: number, tag: number) => Array.from({ length: n }, (_, i) => ({ start: i, end: i + tag, text: `x${i}` }));
const kept: unknown[] = [];
for (let i = 0; i < 40; i++) kept.push(batch(20_000, i));
if (process.argv.includes('--memory')) new LargeTextMemory().openText(Number.MAX_SAFE_INTEGER);
const recent: unknown[][] = [];
let largest = 0;
for (let i = 0; i < 400; i++) {
  recent.push(batch(5_000, i));
  if (recent.length > 8) recent.shift();
  largest = Math.max(largest, oldSize());
}
process.stdout.write(JSON.stringify({ largestOld: largest, kept: kept.length }));
