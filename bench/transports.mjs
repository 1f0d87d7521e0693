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
import { compareFreshProcesses, numberArg, percentile, proseLine } from './freshProcesses.mjs';
import { serverLaunch } from '../server/src/node/serverFlags.ts';

const RUNS = numberArg('--runs', 6);
const BYTES = numberArg('--bytes', 1e6);
const SERVER = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const KEYSTROKES = 30;
const WARMUP = 5;
const LAUNCH = serverLaunch(os.availableParallelism(), process.platform, process.env);

const warmup = generatePage(1e5);
const text = generatePage(BYTES);

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

await compareFreshProcesses({
  heading: 'Newsmark',
  bytes: Buffer.byteLength(text),
  kinds: [
    ['stdio', 'stdio'],
    ['ipc', 'ipc'],
  ],
  label: (name) => (name === 'ipc' ? 'Node IPC' : name),
  runs: RUNS,
  one,
  measures: [
    ['open → outline ms', 'openOutline'],
    ['keystroke → outline p50 ms', 'outlineP50'],
    ['keystroke → outline p95 ms', 'outlineP95'],
    ['keystroke → diagnostics p50 ms', 'diagnosticsP50'],
    ['keystroke → diagnostics p95 ms', 'diagnosticsP95'],
  ],
});
process.exit(0);
