// The structure phase of a fresh process, reading by reading: `node bench/firstReadings.mjs CORE` loads the bundled
// core, reads three 100 KB pages (as the LSP bench warms its servers up), then times the first readings of the
// 1 MB page one by one and prints them as JSON. The core table's best-of-runs is what V8 reaches once it has
// optimised the code; an editor opening its first large page meets these numbers instead.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { generatePage } from './generate.mjs';

if (!process.argv[2]) {
  console.error('usage: node bench/firstReadings.mjs CORE (the bundled core, dist/bench/core.cjs after npm run bench)');
  process.exit(2);
}
const { computeDocumentModel, computeFindings, defaultConfig } = createRequire(import.meta.url)(resolve(process.argv[2]));
const READINGS = 8;
const warmup = generatePage(1e5);
const text = generatePage(1e6);
for (let w = 0; w < 3; w++) computeFindings(computeDocumentModel(warmup), defaultConfig());
const ms = [];
for (let r = 0; r < READINGS; r++) {
  const t = performance.now();
  computeDocumentModel(text);
  ms.push(performance.now() - t);
}
console.log(JSON.stringify(ms));
