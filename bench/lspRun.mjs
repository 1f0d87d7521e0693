// One LSP run of `npm run bench` (a server, floor or Newsmark, opened on one page and typed in), with its client in a
// process of its own: `node bench/lspRun.mjs SPEC` prints the run's measures as JSON. `run.mjs` starts one such
// process per run, so the process that reads the servers' answers holds no heap of the bench's earlier parts (the
// core's runs, the peers): in the bench's own process, with 177 MB of heap in use, parsing Newsmark's 1.5 MB outline
// after each keystroke on 10 MB had a p95 of 29.4 ms where a fresh process had 22.6, while the floor's `[]` took 23.2
// and 23.5 (one server each, 40 keystrokes). SPEC, JSON, is described at `lspRun`; `run.mjs` works out where to type,
// so that this process never reads a page's structure (a 10 MB page's model would be heap of the kind it avoids).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stats, timeAsync } from './freshProcesses.mjs';
import { generatePage } from './generate.mjs';
import { BenchClient } from './lspClient.mjs';

/**
 * How much each run types: `keystrokes` timed after `warmup`, in each series; `warmupKeystrokes` into each warm-up
 * page; `settle` untimed in the middle article before the last two series (V8 optimises the code a newly opened page
 * makes hot on its own threads for the first hundred keystrokes or so, and on two cores those threads take the core
 * the server or the client would run on; see `BenchClient.threadTimes`).
 */
export function typingCounts(quick) {
  return { keystrokes: quick ? 10 : 30, warmup: 5, warmupKeystrokes: 100, settle: quick ? 50 : 200 };
}

/**
 * The run in this process. `spec`: `server` (path), `args` (the server's), `launch` (Node flags and environment to
 * start it with), `bytes` (the page's size, made by `generatePage`), `typing` (`typingCounts`), and where to type
 * (LSP positions): `position` in the middle article, `top` in the first, `warmupPosition` in the 100 KB warm-up page.
 * With `openOnly` the run ends after the open → outline and the first two series of keystrokes in the middle
 * article (`{ openOutline, keyDiagnostics }`, each series' times in its `samples`): `run.mjs` takes the open and
 * the keystroke → diagnostics over several fresh servers, as one server's alone are swamped by the machine's noise.
 */
async function lspRun(spec) {
  const { keystrokes: KEYSTROKES, warmup: WARMUP, warmupKeystrokes, settle } = spec.typing;
  const { position, top } = spec;
  const text = generatePage(spec.bytes);
  const warmup = generatePage(1e5);
  const client = new BenchClient(spec.server, spec.args, spec.launch);
  await client.initialize();
  // What the process holds before it has seen a document (Node, the bundle): the document's share is the rest.
  const idleRss = client.peakRss();
  const idleFileRss = client.fileRss();
  // A server in a running editor has read files and been typed in before: three opens of a 100 KB page first, on
  // both servers, each typed in (a keystroke, then the outline and the diagnostics, a hundred times) before it closes.
  await client.warmUp(warmup, spec.warmupPosition, warmupKeystrokes);
  const a = 'file:///bench/open-outline.news';
  const b = 'file:///bench/typing.news';
  const open = (uri) => client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'newsmark', version: 1, text } });
  const openOutline = await timeAsync(async () => {
    open(a);
    return client.request('textDocument/documentSymbol', { textDocument: { uri: a } });
  });
  client.notify('textDocument/didClose', { textDocument: { uri: a } });
  const openDiagnostics = await timeAsync(async () => {
    open(b);
    return client.request('textDocument/diagnostic', { textDocument: { uri: b } });
  });
  let version = 1;
  let at = position;
  let column = position.character;
  const type = () => {
    client.notify('textDocument/didChange', {
      textDocument: { uri: b, version: ++version },
      contentChanges: [{ range: { start: { line: at.line, character: column }, end: { line: at.line, character: column } }, text: '字' }],
    });
    column++;
  };
  // Pulled diagnostics carry the id of the report the editor holds, as VS Code's client sends it: a server may
  // answer "unchanged" (the floor never does; it has nothing to report).
  let resultId = openDiagnostics.value?.resultId;
  let unchanged = 0;
  const keystroke = async (method) => {
    const xs = [];
    let before = null;
    for (let k = 0; k < KEYSTROKES + WARMUP; k++) {
      if (k === WARMUP) before = client.threadTimes();
      const t = await timeAsync(async () => {
        type();
        return client.request(method, method === 'textDocument/diagnostic' ? { textDocument: { uri: b }, previousResultId: resultId } : { textDocument: { uri: b } });
      });
      if (method === 'textDocument/diagnostic') {
        if (t.value?.kind === 'unchanged') unchanged++;
        resultId = t.value?.resultId;
      }
      if (k >= WARMUP) xs.push(t.ms);
    }
    const after = client.threadTimes();
    // Where a keystroke's time went on the server, per timed keystroke: see `BenchClient.threadTimes`.
    const threads = before && after ? Object.fromEntries(Object.keys(after).map((key) => [key, (after[key] - before[key]) / KEYSTROKES])) : null;
    return { ...stats(xs), threads, samples: xs };
  };
  const keyOutline = await keystroke('textDocument/documentSymbol');
  const keyDiagnostics = await keystroke('textDocument/diagnostic');
  if (spec.openOnly) {
    await client.close();
    return { openOutline: openOutline.ms, keyDiagnostics };
  }
  const unchangedMiddle = unchanged;
  // Then in the first article (above the middle one, so its position still holds).
  const middleColumn = column;
  at = top;
  column = top.character;
  const keyDiagnosticsTop = await keystroke('textDocument/diagnostic');
  const unchangedTop = unchanged - unchangedMiddle;
  // Back in the middle article, typed in for a while before it is timed again.
  at = position;
  column = middleColumn;
  for (let k = 0; k < settle; k++) {
    type();
    resultId = (await client.request('textDocument/diagnostic', { textDocument: { uri: b }, previousResultId: resultId }))?.resultId;
  }
  const keyDiagnosticsSettled = await keystroke('textDocument/diagnostic');
  const keyOutlineSettled = await keystroke('textDocument/documentSymbol');
  const rss = client.peakRss();
  const outlineSize = Array.isArray(openOutline.value) ? openOutline.value.length : 0;
  await client.close();
  const outline = JSON.stringify(openOutline.value ?? []);
  const report = JSON.stringify(openDiagnostics.value?.items ?? []);
  return { openOutline: openOutline.ms, openDiagnostics: openDiagnostics.ms, keyOutline, keyDiagnostics, keyDiagnosticsTop, keyDiagnosticsSettled, keyOutlineSettled, unchangedReports: unchangedMiddle, unchangedTop, peakRss: rss, idleRss, idleFileRss, outlineSymbols: outlineSize, outlineBytes: Buffer.byteLength(outline), diagnostics: openDiagnostics.value?.items?.length ?? 0, reportBytes: Buffer.byteLength(report), outline, report };
}

/** The run in a fresh Node process (see above): its measures, the opening's outline and report as JSON text included. */
export function lspRunInFreshProcess(spec) {
  return new Promise((done, fail) => {
    execFile(process.execPath, [fileURLToPath(import.meta.url), JSON.stringify(spec)], { encoding: 'utf8', maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`LSP run of ${spec.server} on ${spec.bytes} bytes failed: ${stderr.trim() || error.message}`));
      else done(JSON.parse(stdout));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.length !== 3) {
    console.error('usage: node bench/lspRun.mjs SPEC (SPEC: JSON, see lspRun in this file; run.mjs makes it)');
    process.exit(2);
  }
  const result = await lspRun(JSON.parse(process.argv[2]));
  process.stdout.write(JSON.stringify(result));
}
