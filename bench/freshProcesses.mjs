// What `npm run bench:flags` and `npm run bench:transports` share: their command-line numbers, where on a page to
// type, and the comparison itself, many fresh server processes of each kind, interleaved, printed as the medians over
// the processes (a Markdown table, then one JSON line). One process gives one open, which the machine's noise swamps.
// `npm run bench` times with `stats` and `timeAsync` too.
import * as os from 'node:os';

/** The number after `name` on the command line, or `fallback`. */
export function numberArg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

/** The first line of prose (over 80 characters) at `from` (0 to 1) of `page` or after it: its line number. */
export function proseLine(page, from) {
  const lines = page.split('\n');
  return lines.findIndex((l, i) => i >= from * lines.length && l.length > 80);
}

/** Best, median and 95th percentile of `xs`. */
export function stats(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { best: sorted[0], p50: atFraction(sorted, 0.5), p95: atFraction(sorted, 0.95) };
}

/** Runs `f` (async) and gives its value with the milliseconds it took. */
export async function timeAsync(f) {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

/** The value at fraction `p` of `xs` once sorted (0.5: the median). */
export function percentile(xs, p) {
  return atFraction([...xs].sort((x, y) => x - y), p);
}

/** The value at fraction `p` of `sorted` (1: the last). */
function atFraction(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const f1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/**
 * `one(value)` for each kind (`[name, value]`) in turn, `runs` times over, with a progress line on a terminal; then
 * the medians of each measure (`[label, key]` of `one`'s result) per kind, under `heading` (the page's size and the
 * machine are added). Columns are headed by each kind's `label(name)`; the JSON line is keyed by the names.
 */
export async function compareFreshProcesses({ heading, bytes, kinds, runs, one, measures, label = (name) => name }) {
  const results = new Map(kinds.map(([name]) => [name, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, value] of kinds) results.get(name).push(await one(value));
    if (process.stderr.isTTY) process.stderr.write(`\r${r + 1}/${runs} processes of each kind`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const median = (xs, key) => percentile(xs.map((x) => x[key]), 0.5);
  console.log(`${heading} on ${f1(bytes / 1e6)} MB, ${os.availableParallelism()} cores, Node ${process.version}: median of ${runs} fresh processes each`);
  console.log('');
  console.log(`| measure | ${kinds.map(([name]) => label(name)).join(' | ')} |`);
  console.log(`|---|${kinds.map(() => '---').join('|')}|`);
  for (const [text, key] of measures) console.log(`| ${text} | ${kinds.map(([name]) => f1(median(results.get(name), key))).join(' | ')} |`);
  console.log(JSON.stringify(Object.fromEntries([...results].map(([name, xs]) => [name, Object.fromEntries(measures.map(([, key]) => [key, median(xs, key)]))]))));
}
