// The two ways an editor can talk to the server, side by side: LSP's framing over stdio (neovim, and VS Code's
// client with `TransportKind.stdio`) and Node's own IPC channel (`--node-ipc`, VS Code's `TransportKind.ipc`). Many
// fresh server processes of each, interleaved, started with the servers' launch (serverFlags.ts) and warmed as
// `npm run bench` warms its servers; each opens the page to the outline, then takes 30 keystrokes (after 5) in the
// middle article, each followed by the outline, then 30 more each followed by the pulled diagnostics. Over stdio the
// server writes with its own encoder, which keeps each unchanged outline symbol's bytes from one answer to the next
// (messageEncoder.ts); over IPC, Node serialises every answer whole. Prints the medians over the processes.
// Run after `npm run build`: `npx tsx bench/transports.mjs [--runs N] [--bytes B]`.
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';
import { generatePage } from './generate.mjs';
import { BenchClient } from './lspClient.mjs';
import { serverLaunch } from '../server/src/node/serverFlags.ts';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 6);
const BYTES = arg('--bytes', 1e6);
const SERVER = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const KEYSTROKES = 30;
const WARMUP = 5;
const LAUNCH = serverLaunch(os.availableParallelism(), process.platform, process.env);

const warmup = generatePage(1e5);
const text = generatePage(BYTES);
/** A line of prose at `from` (0 to 1) of `page` (its line number), to type into. */
const proseLine = (page, from) => {
  const lines = page.split('\n');
  return lines.findIndex((l, i) => i >= from * lines.length && l.length > 80);
};
const percentile = (xs, p) => [...xs].sort((x, y) => x - y)[Math.floor(p * xs.length)];

async function one(transport) {
  const client = new BenchClient(SERVER, ['--stdio'], LAUNCH, transport);
  await client.initialize();
  await client.warmUp(warmup, { line: proseLine(warmup, 0), character: 5 });
  const uri = 'file:///bench/transport.news';
  let t = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'newsmark', version: 1, text } });
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const openOutline = performance.now() - t;
  const line = proseLine(text, 0.5);
  let version = 1;
  let column = 5;
  let resultId;
  const typed = async (method) => {
    const xs = [];
    for (let k = 0; k < KEYSTROKES + WARMUP; k++) {
      const at = { line, character: column++ };
      t = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: at, end: at }, text: '字' }] });
      const params = method === 'textDocument/diagnostic' ? { textDocument: { uri }, previousResultId: resultId } : { textDocument: { uri } };
      const answer = await client.request(method, params);
      if (method === 'textDocument/diagnostic') resultId = answer?.resultId;
      if (k >= WARMUP) xs.push(performance.now() - t);
    }
    return xs;
  };
  const outline = await typed('textDocument/documentSymbol');
  const diagnostics = await typed('textDocument/diagnostic');
  await client.close();
  return {
    openOutline,
    outlineP50: percentile(outline, 0.5),
    outlineP95: percentile(outline, 0.95),
    diagnosticsP50: percentile(diagnostics, 0.5),
    diagnosticsP95: percentile(diagnostics, 0.95),
  };
}

const kinds = ['stdio', 'ipc'];
const results = new Map(kinds.map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) {
  for (const kind of kinds) results.get(kind).push(await one(kind));
  if (process.stderr.isTTY) process.stderr.write(`\r${r + 1}/${RUNS} processes of each kind`);
}
if (process.stderr.isTTY) process.stderr.write('\n');
const median = (xs) => percentile(xs, 0.5);
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const measures = [
  ['open → outline ms', 'openOutline'],
  ['keystroke → outline p50 ms', 'outlineP50'],
  ['keystroke → outline p95 ms', 'outlineP95'],
  ['keystroke → diagnostics p50 ms', 'diagnosticsP50'],
  ['keystroke → diagnostics p95 ms', 'diagnosticsP95'],
];
console.log(`Newsmark on ${f1(Buffer.byteLength(text) / 1e6)} MB, ${os.availableParallelism()} cores, Node ${process.version}: median of ${RUNS} fresh processes each`);
console.log('');
console.log('| measure | stdio | Node IPC |');
console.log('|---|---|---|');
for (const [label, key] of measures) console.log(`| ${label} | ${kinds.map((k) => f1(median(results.get(k).map((x) => x[key])))).join(' | ')} |`);
console.log(JSON.stringify(Object.fromEntries([...results].map(([k, xs]) => [k, Object.fromEntries(measures.map(([, key]) => [key, median(xs.map((x) => x[key]))]))]))));
process.exit(0);
