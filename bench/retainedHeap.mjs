// What each phase makes and keeps, in bytes of V8 heap:
// `node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64 bench/retainedHeap.mjs CORE 1mb|10mb` loads the
// bundled core, reads a page a few times untimed (so that V8's compiled code is there already), then reads the page
// of the size asked for phase by phase, and prints one JSON line. What the heap holds more right after a phase is
// what the phase made (1 MB only: a young generation of 64 MB takes all of it without a collection, while 10 MB
// makes more than that); what it holds more after full collections is what the phase keeps. Unlike the timings,
// which this machine's speed moves by half within an hour, these bytes move by a tenth or two from one process to
// the next (V8's own bookkeeping): what a phase makes is the work of the collections in the core table, and what
// the model and findings keep is most of the LSP server's heap.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { generatePage } from './generate.mjs';

const SIZES = { '1mb': ['1 MB', 1e6], '10mb': ['10 MB', 1e7] };
const gc = globalThis.gc;
const [size, bytes] = SIZES[process.argv[3]] ?? [];
if (!process.argv[2] || !size || typeof gc !== 'function') {
  console.error(`usage: node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64 bench/retainedHeap.mjs CORE ${Object.keys(SIZES).join('|')} (CORE: the bundled core, dist/bench/core.cjs after npm run bench)`);
  process.exit(2);
}
const { computeDocumentModel, computeFindings, defaultConfig, getClaims } = createRequire(import.meta.url)(resolve(process.argv[2]));
const config = defaultConfig();
/** Untimed readings first: V8 compiles the code they make hot, which would otherwise count as made and kept. */
const WARM_READINGS = 3;

const used = () => getHeapStatistics().used_heap_size;

/** Full collections before the heap is read: objects freed by one can hold others, and V8 finishes sweeping in the next. */
const COLLECTIONS = 3;

/** The heap in use once garbage is collected. */
function usedAfterCollection() {
  for (let k = 0; k < COLLECTIONS; k++) gc();
  return used();
}

/**
 * A turn of the event loop: a value the code just finished with can stay reachable until the current turn ends (the
 * last warm reading's model, claims and findings were now and then still held when the first phase started).
 */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** What `phase` made (when `made`) and what it keeps, in bytes. */
async function measure(phase, made) {
  await nextTurn();
  const before = usedAfterCollection();
  const value = phase();
  const after = used();
  await nextTurn();
  return { value, madeBytes: made ? after - before : null, keptBytes: usedAfterCollection() - before };
}

// Each size is measured in a process of its own (`bench/run.mjs` starts them). A reading's model, claims and findings were now and then still held
// (by what V8 compiled, not by the core) until the next reading replaced them, so the last reading before a phase
// added to the heap it starts from: the warm readings (of the 1 MB page) end with one of a 100 KB page, which holds a
// tenth of a megabyte.
const text = generatePage(bytes);
const warmup = bytes <= 1e6 ? text : generatePage(1e6);
for (let w = 0; w < WARM_READINGS; w++) computeFindings(computeDocumentModel(warmup), config);
computeFindings(computeDocumentModel(generatePage(1e5)), config);
const made = bytes <= 1e6;
const model = await measure(() => computeDocumentModel(text), made);
const claims = await measure(() => getClaims(model.value), made);
const findings = await measure(() => computeFindings(model.value, config), made);
console.log(
  JSON.stringify({
    size,
    inputBytes: Buffer.byteLength(text),
    // The text itself, as V8 holds it: one byte a unit when every unit is Latin-1, else two.
    textBytes: text.length * (/[^\u0000-\u00ff]/.test(text) ? 2 : 1),
    model: { made: model.madeBytes, kept: model.keptBytes },
    claims: { made: claims.madeBytes, kept: claims.keptBytes, count: claims.value.length },
    findings: { made: findings.madeBytes, kept: findings.keptBytes, count: findings.value.findings.length + findings.value.omitted, given: findings.value.findings.length },
  }),
);
