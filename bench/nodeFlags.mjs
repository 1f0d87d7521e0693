// The servers' launch (Node flags and environment of server/src/node/serverFlags.ts), with and without: many fresh server processes of each
// kind, interleaved, each warmed on three 100 KB pages typed in as `npm run bench` warms its servers, then one open
// of the page to the outline, one open to the diagnostics and 30 keystrokes (after 5) to the diagnostics. One
// process gives one open, which the machine's noise swamps; the medians over the processes are what this prints.
// Run after `npm run build`: `npx tsx bench/nodeFlags.mjs [--runs N] [--bytes B] [--floor]`.
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';
import { generatePage } from './generate.mjs';
import { BenchClient } from './lspClient.mjs';
import { DEFAULT_LAUNCH, describeLaunch, serverLaunch } from '../server/src/node/serverFlags.ts';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 12);
const BYTES = arg('--bytes', 1e6);
const SERVER = fileURLToPath(new URL(process.argv.includes('--floor') ? './floorServer.mjs' : '../dist/server.js', import.meta.url));
const KEYSTROKES = 30;
const WARMUP = 5;

const warmup = generatePage(1e5);
const text = generatePage(BYTES);
/** A line of prose in the middle of `page` (its line number), to type into. */
const proseLine = (page, from) => {
  const lines = page.split('\n');
  return lines.findIndex((l, i) => i >= from * lines.length && l.length > 80);
};

async function one(launch) {
  const client = new BenchClient(SERVER, ['--stdio'], launch);
  await client.initialize();
  await client.warmUp(warmup, { line: proseLine(warmup, 0), character: 5 });
  const open = async (uri, method) => {
    const t = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'newsmark', version: 1, text } });
    const value = await client.request(method, { textDocument: { uri } });
    return { ms: performance.now() - t, value };
  };
  const outline = await open('file:///bench/a.news', 'textDocument/documentSymbol');
  client.notify('textDocument/didClose', { textDocument: { uri: 'file:///bench/a.news' } });
  const b = 'file:///bench/b.news';
  const diagnostics = await open(b, 'textDocument/diagnostic');
  let resultId = diagnostics.value?.resultId;
  const line = proseLine(text, 0.5);
  const keys = [];
  for (let k = 0; k < KEYSTROKES + WARMUP; k++) {
    const at = { line, character: 5 + k };
    const t = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri: b, version: k + 2 }, contentChanges: [{ range: { start: at, end: at }, text: '字' }] });
    resultId = (await client.request('textDocument/diagnostic', { textDocument: { uri: b }, previousResultId: resultId }))?.resultId;
    if (k >= WARMUP) keys.push(performance.now() - t);
  }
  keys.sort((x, y) => x - y);
  const rss = client.peakRss();
  await client.close();
  return { openOutline: outline.ms, openDiagnostics: diagnostics.ms, keyP50: keys[Math.floor(0.5 * keys.length)], keyP95: keys[Math.floor(0.95 * keys.length)], peakRssMb: rss / 1e6 };
}

const launch = serverLaunch(os.availableParallelism(), process.platform, process.env);
const kinds = [
  [describeLaunch(DEFAULT_LAUNCH), DEFAULT_LAUNCH],
  [describeLaunch(launch), launch],
];
const results = new Map(kinds.map(([name]) => [name, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, kind] of kinds) results.get(name).push(await one(kind));
  if (process.stderr.isTTY) process.stderr.write(`\r${r + 1}/${RUNS} processes of each kind`);
}
if (process.stderr.isTTY) process.stderr.write('\n');
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const measures = [
  ['open → outline ms', 'openOutline'],
  ['open → diagnostics ms', 'openDiagnostics'],
  ['keystroke → diagnostics p50 ms', 'keyP50'],
  ['keystroke → diagnostics p95 ms', 'keyP95'],
  ['peak RSS MB', 'peakRssMb'],
];
console.log(`${process.argv.includes('--floor') ? 'The floor' : 'Newsmark'} on ${f1(Buffer.byteLength(text) / 1e6)} MB, ${os.availableParallelism()} cores, Node ${process.version}: median of ${RUNS} fresh processes each`);
console.log('');
console.log(`| measure | ${kinds.map(([name]) => name).join(' | ')} |`);
console.log(`|---|${kinds.map(() => '---').join('|')}|`);
for (const [label, key] of measures) console.log(`| ${label} | ${kinds.map(([name]) => f1(median(results.get(name).map((x) => x[key])))).join(' | ')} |`);
console.log(JSON.stringify(Object.fromEntries([...results].map(([name, xs]) => [name, Object.fromEntries(measures.map(([, key]) => [key, median(xs.map((x) => x[key]))]))]))));
