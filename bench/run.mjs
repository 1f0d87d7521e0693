// `npm run bench`: throughput of the core per phase, LSP latencies beside a do-nothing floor server, the peers on
// the same text, and hostile inputs. Prints a Markdown table and, last, one JSON line. Not part of `npm test`.
// Run with tsx (the core is TypeScript) after `npm run build` (the LSP part talks to dist/server.js).
import { rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePage } from './generate.mjs';
import { loadPeers } from './peers/peers.mjs';
import { percentile, stats, timeAsync } from './freshProcesses.mjs';
import { lspRunInFreshProcess, typingCounts } from './lspRun.mjs';
import { targetTable, targetVerdicts } from './targets.ts';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { asciiOutput } from '../scripts/asciiOutput.mjs';
import { DEFAULT_LAUNCH, describeLaunch, serverLaunch } from '../server/src/node/serverFlags.ts';

// The core as it ships: one esbuild bundle, like dist/server.js and dist/cli.js.
const CORE = fileURLToPath(new URL('../dist/bench/core.cjs', import.meta.url));
await esbuild.build({ entryPoints: [fileURLToPath(new URL('./core.ts', import.meta.url))], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: CORE, logLevel: 'warning', plugins: [asciiOutput] });
const { computeDocumentModel, computeFindings, defaultConfig, computeModelUpdate, computeIncrementalFindings, RULES, getClaims } = createRequire(import.meta.url)(CORE);

const SERVER = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floorServer.mjs', import.meta.url));
const quick = process.argv.includes('--quick');
/**
 * Both servers, the floor too, start as VS Code starts Newsmark's server (Node flags and environment of
 * serverFlags.ts); `--node-defaults` starts them with Node's and glibc's defaults instead, for comparison.
 */
const LAUNCH = process.argv.includes('--node-defaults') ? DEFAULT_LAUNCH : serverLaunch(os.availableParallelism(), process.platform, process.env);
const MB = 1e6;
/**
 * `warmup`: untimed runs of the core phases on the same text first. V8 optimises the code a size makes hot on its
 * helper thread over the first runs: on two cores the 1 MB page's full analysis took 86-145 ms in its first run and
 * settled in about six (the first readings, timed apart, are what an editor meets before that).
 */
const SIZES = [
  { name: '100 KB', bytes: 1e5, runs: 30, warmup: 10 },
  { name: '1 MB', bytes: 1e6, runs: 20, warmup: 10 },
  { name: '10 MB', bytes: 1e7, runs: 5, warmup: 2 },
];
/** In process, keystrokes in the 10 MB page after some to warm up: each costs milliseconds, so many are timed. */
const CORE_KEYSTROKES = 100;
const CORE_WARMUP = 20;
/** How much each LSP run types (`bench/lspRun.mjs`). */
const TYPING = typingCounts(quick);
/** Fresh servers of each kind whose 1 MB open → outline is taken (the run's own, and one open each from the rest). */
const OPEN_RUNS = quick ? 3 : 7;
/** Fresh servers of each kind that run the whole 10 MB sequence (the run's own among them). */
const LARGE_RUNS = quick ? 1 : 3;

const time = (f) => {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
};
const f1 = (x) => (x === null || x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const bytesOf = (text) => Buffer.byteLength(text);

/** The claims phase: every numeric claim of the page (`getClaims`), which the figure rules then share. */
async function loadClaims() {
  return { name: 'getClaims', run: (model) => getClaims(model) };
}

async function corePhases(texts, claims) {
  const config = defaultConfig();
  const rows = [];
  for (const size of SIZES) {
    const text = texts.get(size.name);
    const phases = { structure: [], ...(claims ? { claims: [] } : {}), rules: [], total: [] };
    let model;
    let findings;
    for (let r = 0; r < size.warmup; r++) {
      model = computeDocumentModel(text);
      if (claims) claims.run(model, config);
      findings = computeFindings(model, config);
    }
    for (let r = 0; r < size.runs; r++) {
      const s = time(() => computeDocumentModel(text));
      model = s.value;
      const c = claims ? time(() => claims.run(model, config)) : { ms: 0 };
      const f = time(() => computeFindings(model, config));
      findings = f.value;
      phases.structure.push(s.ms);
      if (claims) phases.claims.push(c.ms);
      phases.rules.push(f.ms);
      phases.total.push(s.ms + c.ms + f.ms);
    }
    const mb = bytesOf(text) / MB;
    const row = { size: size.name, bytes: bytesOf(text), articles: model.articles.length, findings: findings.findings.length + findings.omitted, runs: size.runs, warmup: size.warmup, phases: {} };
    for (const [phase, xs] of Object.entries(phases)) {
      const st = stats(xs);
      row.phases[phase] = { bestMs: st.best, p50Ms: st.p50, mbPerSecond: mb / (st.best / 1000), mbPerSecondP50: mb / (st.p50 / 1000) };
    }
    const duplicates = findings.findings.filter((x) => /duplicate/.test(x.code)).length;
    row.duplicateFindings = duplicates;
    rows.push(row);
  }
  return rows;
}

function incrementalCore(text) {
  let model = computeDocumentModel(text);
  const config = defaultConfig();
  let state = computeIncrementalFindings(model, config, null, []).state;
  const article = model.articles[Math.floor(model.articles.length / 2)];
  const at = (article.lede ?? article.body[0])?.content.start ?? article.span.start;
  const xs = [];
  const ys = [];
  let incremental = 0;
  for (let k = 0; k < CORE_KEYSTROKES + CORE_WARMUP; k++) {
    const t = time(() => computeModelUpdate(model, [{ span: { start: at + k, end: at + k }, newText: '字' }]));
    model = t.value.model;
    const f = time(() => computeIncrementalFindings(model, config, state, t.value.kept));
    state = f.value.state;
    if (t.value.incremental) incremental++;
    if (k >= CORE_WARMUP) {
      xs.push(t.ms);
      ys.push(f.ms);
    }
  }
  return { ...stats(xs), findings: stats(ys), incremental, of: CORE_KEYSTROKES + CORE_WARMUP };
}

async function peersOn(text, fullMs) {
  const out = [];
  const regexes = [/\d+/g, /[，。、]/g, /本报/g, /\n\n/g];
  const scan = stats(Array.from({ length: 5 }, () => time(() => regexes.reduce((n, re) => n + (text.match(re)?.length ?? 0), 0)).ms));
  out.push({ name: 'plain scan, four regular expressions (reference)', ms: scan.best, ratio: scan.best / fullMs });
  for (const peer of await loadPeers()) {
    if (peer.error) {
      out.push({ name: peer.name, error: peer.error });
      continue;
    }
    const runs = /zhlint/.test(peer.name) ? 1 : 3;
    const xs = [];
    let problems = 0;
    for (let r = 0; r < runs; r++) {
      const t = await timeAsync(() => peer.check(text));
      xs.push(t.ms);
      problems = t.value;
    }
    const best = Math.min(...xs);
    out.push({ name: peer.name, ms: best, problems, ratio: best / fullMs, runs });
  }
  return out;
}

/**
 * Where to type (LSP positions), from one reading of the page: two characters into the lede of the middle article
 * (`position`), and of the first (`top`): a proofreader starts at the top, where the findings the problem cap shows
 * lie after the cursor and move with every keystroke.
 */
function typingPositions(text) {
  const model = computeDocumentModel(text);
  const inLede = (article) => model.lines.positionAt(((article.lede ?? article.body[0])?.content.start ?? article.span.start) + 2);
  return { position: inLede(model.articles[Math.floor(model.articles.length / 2)]), top: inLede(model.articles[0]) };
}

function hostileInputs() {
  const n = quick ? 50_000 : 200_000;
  const cases = [
    ['one line of spaces between two words', 'a' + ' '.repeat(n) + 'b'],
    ['spaces then a line break, repeated', ('标题' + ' '.repeat(500) + '\n').repeat(n / 500)],
    ['an unclosed bold run', '**' + '字'.repeat(n)],
    ['bold markers only', '**'.repeat(n / 2)],
    ['role words without names', '本报记者'.repeat(n / 4)],
    ['open brackets', '（'.repeat(n)],
    ['"contributed" bait', ('AP writer ' + ' '.repeat(50)).repeat(n / 60) + 'x'],
    ['caption bait', ('，图为' + ' '.repeat(20)).repeat(n / 23)],
    ['comment opener without close', '<!-- newsmark-disable ' + 'x'.repeat(n)],
    ['front-matter fence then keys', '---\n' + 'a: b\n'.repeat(n / 5)],
    ['Latin words, no punctuation, hard-wrapped', ('word '.repeat(12) + '\n').repeat(n / 61)],
    ['end marks', '（完）'.repeat(n / 3)],
  ];
  const BUDGET_MS = 2000;
  return cases.map(([name, text]) => {
    const t = time(() => computeFindings(computeDocumentModel(text), defaultConfig()));
    return { name, chars: text.length, ms: t.ms, withinBudget: t.ms < BUDGET_MS };
  });
}

/**
 * What each phase makes and keeps (`bench/retainedHeap.mjs`), each size in fresh processes, `HEAP_RUNS` of them:
 * the median of each number. V8's own bookkeeping moves them by a tenth or two from one process to the next.
 */
const HEAP_RUNS = 3;
function heapPerPhase() {
  const script = fileURLToPath(new URL('./retainedHeap.mjs', import.meta.url));
  const median = (xs) => (xs.includes(null) ? null : percentile(xs, 0.5));
  return ['1mb', '10mb'].map((size) => {
    const runs = [];
    for (let r = 0; r < HEAP_RUNS; r++) runs.push(JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64', script, CORE, size], { encoding: 'utf8' })));
    const phase = (name) => ({ ...runs[0][name], made: median(runs.map((x) => x[name].made)), kept: median(runs.map((x) => x[name].kept)) });
    return { ...runs[0], model: phase('model'), claims: phase('claims'), findings: phase('findings'), runs: HEAP_RUNS };
  });
}

async function main() {
  const started = performance.now();
  const machine = { nproc: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))) };
  const texts = new Map(SIZES.map((s) => [s.name, generatePage(s.bytes)]));
  const claims = await loadClaims();
  console.error('core phases…');
  const core = await corePhases(texts, claims);
  const fullMs1 = core.find((r) => r.size === '1 MB').phases.total.bestMs;
  console.error('first readings…');
  const firstReadings = JSON.parse(execFileSync(process.execPath, [...LAUNCH.execArgv, fileURLToPath(new URL('./firstReadings.mjs', import.meta.url)), CORE], { encoding: 'utf8', env: { ...process.env, ...LAUNCH.env } }));
  console.error('heap made and kept per phase…');
  const retained = heapPerPhase();
  console.error('incremental update…');
  const incremental = incrementalCore(texts.get('10 MB'));
  console.error('peers on 1 MB…');
  const peers = await peersOn(texts.get('1 MB'), fullMs1);
  const lsp = [];
  const sizeBytes = new Map(SIZES.map((s) => [s.name, s.bytes]));
  const warmupPosition = typingPositions(texts.get('100 KB')).position;
  /**
   * `runs - 1` more fresh servers of each kind on `size`, in turn; `take(row, measures)` adds each one's to its kind's
   * row. With `answers` (the floor's arguments to answer with Newsmark's outline and report), the floor answering
   * so is one more kind.
   */
  const moreFreshServers = async (runs, size, options, take, answers = null) => {
    const where = { ...typingPositions(texts.get(size)), warmupPosition };
    const kinds = [
      ['floor', FLOOR, ['--stdio']],
      ['newsmark', SERVER, ['--stdio']],
    ];
    if (answers) kinds.push(['floor with the answers', FLOOR, answers]);
    for (let k = 1; k < runs; k++) {
      for (const [name, path, args] of kinds) {
        const measures = await lspRunInFreshProcess({ server: path, args, launch: LAUNCH, bytes: sizeBytes.get(size), typing: TYPING, ...where, ...options });
        take(lsp.find((x) => x.size === size && x.server === name), measures);
      }
    }
  };
  // Newsmark's answers on each size, in files the floor reads (`--outline`, `--diagnostics`); removed once the floor
  // has read them for the last time, or as the bench exits.
  const answerFiles = [];
  const removeAnswers = () => {
    for (const file of answerFiles.splice(0)) rmSync(file, { force: true });
  };
  process.once('exit', removeAnswers);
  /** The floor's arguments to answer with Newsmark's 1 MB outline and report, for the 1 MB opens in more servers below. */
  let answers1 = null;
  for (const size of ['1 MB', '10 MB']) {
    const text = texts.get(size);
    const where = { ...typingPositions(text), warmupPosition };
    // Each run's client is a fresh process (bench/lspRun.mjs), which makes the same pages from the same bytes.
    const run = (server, args = ['--stdio']) => lspRunInFreshProcess({ server, args, launch: LAUNCH, bytes: sizeBytes.get(size), typing: TYPING, ...where });
    for (const [name, path] of [
      ['floor', FLOOR],
      ['newsmark', SERVER],
    ]) {
      console.error(`LSP ${name} on ${size}…`);
      const { outline, report, ...measures } = await run(path);
      lsp.push({ size, server: name, ...measures, opens: [measures.openOutline], keyDiagnosticsRuns: [measures.keyDiagnostics.samples], ...(size === '10 MB' ? largeRunOf(measures) : {}) });
      if (name !== 'newsmark') continue;
      // The floor again, answering the outline with Newsmark's outline and every pulled report with Newsmark's
      // report on opening: what sending and reading those answers costs alone.
      console.error(`LSP floor with Newsmark's answers on ${size}…`);
      const tag = size.replace(' ', '');
      const outlineFile = join(os.tmpdir(), `newsmark-bench-outline-${tag}-${process.pid}.json`);
      const reportFile = join(os.tmpdir(), `newsmark-bench-report-${tag}-${process.pid}.json`);
      answerFiles.push(outlineFile, reportFile);
      writeFileSync(outlineFile, outline);
      writeFileSync(reportFile, report);
      const answers = ['--stdio', '--outline', outlineFile, '--diagnostics', reportFile];
      const withAnswers = await run(FLOOR, answers);
      delete withAnswers.outline;
      delete withAnswers.report;
      lsp.push({ size, server: 'floor with the answers', ...withAnswers, opens: [withAnswers.openOutline] });
      if (size === '1 MB') answers1 = answers;
    }
  }
  // The 1 MB open → outline and keystroke → diagnostics again in more fresh servers, the floor's and Newsmark's in
  // turn. One open per server is the first large page a warmed server meets, and one such open is swamped by the
  // machine's noise (the README's rounds saw 1.4 to 2.1 times the floor from one run to the next), so its median
  // over the servers is reported. One server's p95 of 30 keystrokes is their second slowest (the nineteenth round
  // saw 0.8 to 2.8 times the floor's), so the keystrokes of all the servers are taken together, and their p95 is
  // reported beside the run's own.
  console.error(`LSP open → outline and keystrokes on 1 MB, ${OPEN_RUNS - 1} more fresh servers of each…`);
  // The floor answering with Newsmark's outline opens in as many: what sending and reading that outline costs alone,
  // the least any server answering with it can take.
  await moreFreshServers(
    OPEN_RUNS,
    '1 MB',
    { openOnly: true },
    (row, { openOutline, keyDiagnostics }) => {
      row.opens.push(openOutline);
      row.keyDiagnosticsRuns?.push(keyDiagnostics.samples);
    },
    answers1,
  );
  removeAnswers();
  // The whole 10 MB sequence again in more fresh servers, in turn: one server's p95 of 30 keystrokes is their second
  // slowest, and the twenty-first round saw its keystroke → outline p95 go from 0.7 to 2.4 times the floor's from one
  // run to the next, its peak from 106 to 111 MB. The keystrokes of all the servers are taken together, and the
  // median peak is reported beside the run's own.
  if (LARGE_RUNS > 1) console.error(`LSP on 10 MB, ${LARGE_RUNS - 1} more fresh servers of each…`);
  await moreFreshServers(LARGE_RUNS, '10 MB', {}, (row, measures) => {
    row.keyDiagnosticsRuns.push(measures.keyDiagnostics.samples);
    const more = largeRunOf(measures);
    for (const key of Object.keys(more)) row[key].push(...more[key]);
  });
  for (const x of lsp) {
    if (x.opens) x.openOutlineMedian = percentile(x.opens, 0.5);
    if (x.peaks) x.peakRssMedian = percentile(x.peaks, 0.5);
    for (const [runs, pooled] of [
      ['keyDiagnosticsRuns', 'keyDiagnosticsPooled'],
      ['keyOutlineRuns', 'keyOutlinePooled'],
      ['keyOutlineSettledRuns', 'keyOutlineSettledPooled'],
    ]) {
      if (!x[runs]) continue;
      const all = x[runs].flat();
      x[pooled] = { ...stats(all), keystrokes: all.length, servers: x[runs].length };
      delete x[runs];
    }
  }
  // Each series' times were kept for the pooling above; the JSON line carries their statistics only.
  for (const x of lsp) for (const value of Object.values(x)) if (value && typeof value === 'object' && 'samples' in value) delete value.samples;
  console.error('hostile inputs…');
  const hostile = hostileInputs();
  const result = { machine, serverLaunch: LAUNCH, rules: RULES.map((r) => `${r.code}${r.scope === 'document' ? ' (document)' : ''}`), claimsPhase: claims?.name ?? null, core, firstReadings, retained, incremental, peers, lsp, hostile, diagnosticsMode: 'pull (textDocument/diagnostic, with the previous result id) after each didChange', seconds: (performance.now() - started) / 1000 };
  result.targets = targetVerdicts(result);
  printTable(result);
  console.log(JSON.stringify(result));
}

/** What a 10 MB run gives for pooling over servers: its keystroke → outline times and its peak, each in a list. */
function largeRunOf(measures) {
  return { keyOutlineRuns: [measures.keyOutline.samples], keyOutlineSettledRuns: [measures.keyOutlineSettled.samples], peaks: [measures.peakRss] };
}

function printTable(r) {
  const out = [];
  out.push(`Machine: ${r.machine.nproc} cores, ${r.machine.cpu}, Node ${r.machine.node}, load average ${r.machine.loadAverage.join(' ')} at start; LSP servers started with \`${describeLaunch(r.serverLaunch)}\``);
  out.push('', `Core phases in process: ${r.core.map((row) => `${row.size} ${row.runs} runs timed after ${row.warmup} untimed`).join(', ')}`);
  out.push('', '| input | articles | phase | best ms | p50 ms | MB/s (best) | MB/s (p50) |', '|---|---|---|---|---|---|---|');
  for (const row of r.core) {
    for (const [phase, p] of Object.entries(row.phases)) out.push(`| ${row.size} | ${row.articles} | ${phase} | ${f1(p.bestMs)} | ${f1(p.p50Ms)} | ${f1(p.mbPerSecond)} | ${f1(p.mbPerSecondP50)} |`);
  }
  out.push('', `Structure of the 1 MB page in a fresh process (with the servers' Node flags) after three 100 KB pages, reading by reading (the code not yet optimised by V8 at first): ${r.firstReadings.map(f1).join(', ')} ms`);
  out.push('', `What each phase makes and keeps, in process: V8's heap right after the phase (made; 1 MB only, in a young generation of 64 MB that takes it all) and after full collections (kept), more than before it; MB, and in brackets bytes per byte of input; medians of ${r.retained[0].runs} fresh processes`, '', '| input | text as V8 holds it | structure made / kept | claims made / kept | rules made / findings kept |', '|---|---|---|---|---|');
  for (const x of r.retained) {
    const mb = (bytes) => (bytes === null ? '–' : `${f1(bytes / MB)} (${(bytes / x.inputBytes).toFixed(2)})`);
    out.push(`| ${x.size} | ${mb(x.textBytes)} | ${mb(x.model.made)} / ${mb(x.model.kept)} | ${mb(x.claims.made)} / ${mb(x.claims.kept)}, ${x.claims.count} claims | ${mb(x.findings.made)} / ${mb(x.findings.kept)}, ${x.findings.count} found, ${x.findings.given} given |`);
  }
  out.push('', `One keystroke in the middle article of 10 MB, in process: model update p50 ${f1(r.incremental.p50)} ms, p95 ${f1(r.incremental.p95)} ms (${r.incremental.incremental}/${r.incremental.of} incremental); findings after it p50 ${f1(r.incremental.findings.p50)} ms, p95 ${f1(r.incremental.findings.p95)} ms`);
  out.push('', '| 1 MB, same text | ms | × Newsmark full analysis |', '|---|---|---|');
  out.push(`| Newsmark (structure${r.claimsPhase ? ' + claims' : ''} + rules) | ${f1(r.core.find((x) => x.size === '1 MB').phases.total.bestMs)} | 1 |`);
  for (const p of r.peers) out.push(p.error ? `| ${p.name} | failed: ${p.error} | |` : `| ${p.name} | ${f1(p.ms)} | ${f1(p.ratio)} |`);
  out.push('', `LSP over stdio, diagnostics ${r.diagnosticsMode}; ratio = Newsmark / floor`, '', '| input | measure | floor ms | Newsmark ms | ratio |', '|---|---|---|---|---|');
  for (const size of ['1 MB', '10 MB']) {
    const floor = r.lsp.find((x) => x.size === size && x.server === 'floor');
    const nm = r.lsp.find((x) => x.size === size && x.server === 'newsmark');
    const line = (label, a, b) => out.push(`| ${size} | ${label} | ${f1(a)} | ${f1(b)} | ${f1(b / a)} |`);
    const sent = r.lsp.find((x) => x.size === size && x.server === 'floor with the answers');
    const kb = f1(nm.outlineBytes / 1000);
    line('open → outline', floor.openOutline, nm.openOutline);
    if (floor.opens.length > 1) line(`open → outline, median of ${floor.opens.length} fresh servers (this run's among them)`, floor.openOutlineMedian, nm.openOutlineMedian);
    if (sent) line(`open → outline, the floor answering with Newsmark's outline (${kb} KB)`, sent.openOutline, nm.openOutline);
    if (sent && sent.opens.length > 1) line(`open → outline, median of ${sent.opens.length} fresh servers, the floor answering with Newsmark's outline (${kb} KB)`, sent.openOutlineMedian, nm.openOutlineMedian);
    line('open → diagnostics', floor.openDiagnostics, nm.openDiagnostics);
    line('keystroke → outline p50', floor.keyOutline.p50, nm.keyOutline.p50);
    line('keystroke → outline p95', floor.keyOutline.p95, nm.keyOutline.p95);
    const pooledOf = (x) => `the ${x.keystrokes} keystrokes of ${x.servers} fresh servers together (this run's among them)`;
    if (floor.keyOutlinePooled && floor.keyOutlinePooled.servers > 1) {
      line(`keystroke → outline p50, ${pooledOf(floor.keyOutlinePooled)}`, floor.keyOutlinePooled.p50, nm.keyOutlinePooled.p50);
      line(`keystroke → outline p95, ${pooledOf(floor.keyOutlinePooled)}`, floor.keyOutlinePooled.p95, nm.keyOutlinePooled.p95);
    }
    if (sent) {
      line(`keystroke → outline p50, the floor answering with Newsmark's outline (${kb} KB)`, sent.keyOutline.p50, nm.keyOutline.p50);
      line(`keystroke → outline p95, the floor answering with Newsmark's outline (${kb} KB)`, sent.keyOutline.p95, nm.keyOutline.p95);
    }
    line('keystroke → diagnostics p50', floor.keyDiagnostics.p50, nm.keyDiagnostics.p50);
    line('keystroke → diagnostics p95', floor.keyDiagnostics.p95, nm.keyDiagnostics.p95);
    if (floor.keyDiagnosticsPooled && floor.keyDiagnosticsPooled.servers > 1) {
      const pooled = pooledOf(floor.keyDiagnosticsPooled);
      line(`keystroke → diagnostics p50, ${pooled}`, floor.keyDiagnosticsPooled.p50, nm.keyDiagnosticsPooled.p50);
      line(`keystroke → diagnostics p95, ${pooled}`, floor.keyDiagnosticsPooled.p95, nm.keyDiagnosticsPooled.p95);
    }
    line('keystroke → diagnostics p50, typing in the first article', floor.keyDiagnosticsTop.p50, nm.keyDiagnosticsTop.p50);
    line('keystroke → diagnostics p95, typing in the first article', floor.keyDiagnosticsTop.p95, nm.keyDiagnosticsTop.p95);
    if (sent) {
      // Every report is sent in full there (the findings on the edited line move): the floor sends one as big.
      const kb = f1(nm.reportBytes / 1000);
      line(`keystroke → diagnostics p50, typing in the first article, the floor answering with Newsmark's report (${nm.diagnostics} items, ${kb} KB)`, sent.keyDiagnosticsTop.p50, nm.keyDiagnosticsTop.p50);
      line(`keystroke → diagnostics p95, typing in the first article, the floor answering with Newsmark's report (${nm.diagnostics} items, ${kb} KB)`, sent.keyDiagnosticsTop.p95, nm.keyDiagnosticsTop.p95);
    }
    const settled = `after ${TYPING.settle} more keystrokes in the middle article`;
    line(`keystroke → diagnostics p50, ${settled}`, floor.keyDiagnosticsSettled.p50, nm.keyDiagnosticsSettled.p50);
    line(`keystroke → diagnostics p95, ${settled}`, floor.keyDiagnosticsSettled.p95, nm.keyDiagnosticsSettled.p95);
    line(`keystroke → outline p50, ${settled}`, floor.keyOutlineSettled.p50, nm.keyOutlineSettled.p50);
    line(`keystroke → outline p95, ${settled}`, floor.keyOutlineSettled.p95, nm.keyOutlineSettled.p95);
    if (floor.keyOutlineSettledPooled && floor.keyOutlineSettledPooled.servers > 1) {
      line(`keystroke → outline p95, ${settled}, ${pooledOf(floor.keyOutlineSettledPooled)}`, floor.keyOutlineSettledPooled.p95, nm.keyOutlineSettledPooled.p95);
    }
    const threads = (label, a, b) => {
      const t = (x) => (x ? `${f1(x.running)} / ${f1(x.waiting)} / ${f1(x.others)}` : '–');
      out.push(`| ${size} | ${label}: server CPU ms per keystroke, main thread running / main thread waiting for a core / other threads running | ${t(a)} | ${t(b)} | |`);
    };
    threads('keystroke → diagnostics', floor.keyDiagnostics.threads, nm.keyDiagnostics.threads);
    threads('keystroke → diagnostics, typing in the first article', floor.keyDiagnosticsTop.threads, nm.keyDiagnosticsTop.threads);
    threads(`keystroke → diagnostics, ${settled}`, floor.keyDiagnosticsSettled.threads, nm.keyDiagnosticsSettled.threads);
    out.push(`| ${size} | reports answered "unchanged" while typing in the middle article | ${floor.unchangedReports} | ${nm.unchangedReports} of ${TYPING.keystrokes + TYPING.warmup} | |`);
    out.push(`| ${size} | reports answered "unchanged" while typing in the first article | ${floor.unchangedTop} | ${nm.unchangedTop} of ${TYPING.keystrokes + TYPING.warmup} | |`);
    const bytes = r.core.find((x) => x.size === size).bytes;
    out.push(`| ${size} | peak RSS MB (× input) | ${f1(floor.peakRss / MB)} (${f1(floor.peakRss / bytes)}×) | ${f1(nm.peakRss / MB)} (${f1(nm.peakRss / bytes)}×) | ${f1(nm.peakRss / floor.peakRss)} |`);
    if (floor.peaks && floor.peaks.length > 1) {
      const peaks = (x) => `${f1(x.peakRssMedian / MB)} (${f1(x.peakRssMedian / bytes)}×; ${x.peaks.map((p) => f1(p / MB)).join(', ')})`;
      out.push(`| ${size} | peak RSS MB, median of ${floor.peaks.length} fresh servers (this run's among them) (× input; each server's) | ${peaks(floor)} | ${peaks(nm)} | ${f1(nm.peakRssMedian / floor.peakRssMedian)} |`);
    }
    // Per MB and per byte of input, or null where /proc gave no RssFile.
    const own = (run, per) => (run.idleFileRss === null ? null : (run.peakRss - run.idleFileRss) / per);
    out.push(`| ${size} | peak RSS less the files mapped at idle (Node's executable and libraries, shared with every Node process): at most the server's own memory at its peak, MB (× input) | ${f1(own(floor, MB))} (${f1(own(floor, bytes))}×) | ${f1(own(nm, MB))} (${f1(own(nm, bytes))}×) | ${own(floor, 1) === null ? '–' : f1(own(nm, 1) / own(floor, 1))} |`);
    out.push(`| ${size} | peak RSS above the idle server, MB (× input) | ${f1((floor.peakRss - floor.idleRss) / MB)} (${f1((floor.peakRss - floor.idleRss) / bytes)}×) | ${f1((nm.peakRss - nm.idleRss) / MB)} (${f1((nm.peakRss - nm.idleRss) / bytes)}×) | |`);
  }
  out.push('', '| hostile input | chars | ms | within 2 s |', '|---|---|---|---|');
  for (const h of r.hostile) out.push(`| ${h.name} | ${h.chars} | ${f1(h.ms)} | ${h.withinBudget ? 'yes' : 'NO'} |`);
  out.push('', "The performance issue's targets on this machine (ratios are Newsmark / floor; `floor answering with Newsmark's outline`: what sending and reading that answer costs alone)", '', ...targetTable(r.targets));
  out.push('', `Duplicate-article findings on the generated inputs: ${r.core.map((x) => `${x.size} ${x.duplicateFindings}`).join(', ')}. Bench took ${r.seconds.toFixed(0)} s.`, '');
  console.log(out.join('\n'));
}

await main();
