// The servers' launch (Node flags and environment of server/src/node/serverFlags.ts), with and without: many fresh server processes of each
// kind, interleaved, each warmed on three 100 KB pages typed in as `npm run bench` warms its servers, then one open
// of the page to the outline, one open to the diagnostics and 30 keystrokes (after 5) to the diagnostics. One
// process gives one open, which the machine's noise swamps; the medians over the processes are what this prints.
// Run after `npm run build`: `npx tsx bench/nodeFlags.mjs [--runs N] [--bytes B] [--floor]`.
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';
import { generatePage } from './generate.mjs';
import { BenchClient } from './lspClient.mjs';
import { compareFreshProcesses, numberArg, percentile, proseLine } from './freshProcesses.mjs';
import { DEFAULT_LAUNCH, describeLaunch, serverLaunch } from '../server/src/node/serverFlags.ts';

const RUNS = numberArg('--runs', 12);
const BYTES = numberArg('--bytes', 1e6);
const SERVER = fileURLToPath(new URL(process.argv.includes('--floor') ? './floorServer.mjs' : '../dist/server.js', import.meta.url));
const KEYSTROKES = 30;
const WARMUP = 5;

const warmup = generatePage(1e5);
const text = generatePage(BYTES);

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
  const rss = client.peakRss();
  await client.close();
  return { openOutline: outline.ms, openDiagnostics: diagnostics.ms, keyP50: percentile(keys, 0.5), keyP95: percentile(keys, 0.95), peakRssMb: rss / 1e6 };
}

const launch = serverLaunch(os.availableParallelism(), process.platform, process.env);
const kinds = [
  [describeLaunch(DEFAULT_LAUNCH), DEFAULT_LAUNCH],
  [describeLaunch(launch), launch],
];
await compareFreshProcesses({
  heading: process.argv.includes('--floor') ? 'The floor' : 'Newsmark',
  bytes: Buffer.byteLength(text),
  kinds,
  runs: RUNS,
  one,
  measures: [
    ['open → outline ms', 'openOutline'],
    ['open → diagnostics ms', 'openDiagnostics'],
    ['keystroke → diagnostics p50 ms', 'keyP50'],
    ['keystroke → diagnostics p95 ms', 'keyP95'],
    ['peak RSS MB', 'peakRssMb'],
  ],
});
