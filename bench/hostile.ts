/**
 * Hostile documents, each of which must be answered in bounded time: YAML alias bombs and huge front-matter
 * blocks, deeply nested or unclosed brackets and quotes, pathological enumerations, megabytes of digits and
 * separators, binary data, and the shapes that make a line-by-line scanner look far ahead (unclosed comments,
 * hundreds of thousands of header lines). The generators are exported so unit tests can check the results on
 * small versions; `npm run bench:hostile` runs the full sizes through everything the server and the CLI call
 * (model, every rule, outline, summary) and fails if one exceeds its time budget.
 *
 * Budgets are generous on purpose (a shared CI machine): they catch quadratic or exponential behaviour, which
 * turns seconds into minutes, not a slowdown of a few percent. Results go to bench/results/hostile.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, NewsmarkConfig } from '../server/src/core/config';
import { computeDocumentModel } from '../server/src/core/documentModel';
import { computeFindings } from '../server/src/core/findings';
import { getOutline } from '../server/src/core/outline';
import { RULES } from '../server/src/core/rules';
import { summarizeDocument } from '../server/src/core/summary';

export interface HostileCase {
  name: string;
  /** What it attacks. */
  why: string;
  /** The document at a given scale (1 = the benchmark's full size). */
  make(scale: number): string;
}

/** A deterministic byte stream (xorshift), so runs are comparable. */
function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function fill(piece: string, length: number): string {
  return piece.repeat(Math.max(1, Math.ceil(length / piece.length))).slice(0, Math.max(length, piece.length));
}

const MB = 1024 * 1024;

/** A billion laughs: each level refers to the previous one nine times, `levels` deep. */
export function yamlAliasBomb(levels = 9): string {
  const lines = ['---', 'headline: 天津出台优化执法方式实施方案', 'l0: &l0 "lol"'];
  for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  lines.push(`bomb: *l${levels}`, '---', '', '天津市蓟州区两大国家湿地公园建设进展顺利。', '');
  return lines.join('\n');
}

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'yaml-alias-bomb', why: 'alias expansion (billion laughs)', make: () => yamlAliasBomb(9) },
  {
    name: 'yaml-alias-bombs-repeated',
    why: 'many front-matter blocks, each a bomb',
    make: (s) => Array.from({ length: Math.max(1, Math.round(200 * s)) }, () => yamlAliasBomb(9)).join('\n'),
  },
  {
    name: 'front-matter-huge',
    why: 'a block at the 2,000-line limit with long values',
    make: (s) => ['---', 'headline: 标题', ...Array.from({ length: Math.max(10, Math.round(1990 * s)) }, (_, i) => `k${i}: ${'值'.repeat(400)}`), '---', '', '天津市蓟州区两大国家湿地公园建设进展顺利。'].join('\n'),
  },
  {
    name: 'front-matter-unclosed',
    why: 'a fence that never closes, before 200,000 key lines',
    make: (s) => ['---', ...Array.from({ length: Math.max(10, Math.round(200_000 * s)) }, (_, i) => `k${i}: v`)].join('\n'),
  },
  {
    name: 'front-matter-nested-flow',
    why: 'YAML flow collections nested 50,000 deep, unclosed',
    make: (s) => `---\nheadline: ${'['.repeat(Math.max(10, Math.round(50_000 * s)))}\n---\n\n天津市蓟州区两大国家湿地公园建设进展顺利。`,
  },
  {
    name: 'front-matter-nested-block',
    why: 'YAML block mappings nested 1,500 levels deep',
    make: (s) => ['---', ...Array.from({ length: Math.max(10, Math.round(1500 * s)) }, (_, i) => `${' '.repeat(i)}k${i}:`), '---', '', '正文。'].join('\n'),
  },
  { name: 'brackets-unclosed', why: '2 MB of opening brackets of every kind', make: (s) => fill('(（[【{《「“‘"\'', 2 * MB * s) },
  { name: 'brackets-nested', why: 'brackets nested 300,000 deep, then closed', make: (s) => { const n = Math.max(10, Math.round(300_000 * s)); return '本报讯 ' + '（'.repeat(n) + '正文' + '）'.repeat(n); } },
  { name: 'quotes-unclosed-lines', why: '100,000 lines each opening a quote', make: (s) => fill('“他说：\n', 700_000 * s) },
  { name: 'enumeration-1、', why: '`1、` repeated 200,000 times', make: (s) => '1、'.repeat(Math.max(10, Math.round(200_000 * s))) },
  { name: 'enumeration-lines', why: '`1、…` list items on 200,000 lines', make: (s) => Array.from({ length: Math.max(10, Math.round(200_000 * s)) }, (_, i) => `${i + 1}、坚持一个科学指引`).join('\n') },
  { name: 'digits', why: '4 MB of digits on one line', make: (s) => fill('1234567890', 4 * MB * s) },
  { name: 'digits-and-separators', why: '4 MB of numbers with separators', make: (s) => fill('12,345.67、8.9%，-1/2 3:45；1e9 ', 4 * MB * s) },
  { name: 'binary-utf8', why: '2 MB of random bytes decoded as UTF-8 (replacement characters, controls)', make: (s) => new TextDecoder('utf-8').decode(pseudoRandomBytes(Math.round(2 * MB * s))) },
  {
    name: 'binary-utf16',
    why: '1 M random UTF-16 code units: lone surrogates, NUL, CR',
    make: (s) => {
      const bytes = pseudoRandomBytes(Math.round(2 * MB * s), 12345);
      let out = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      return out;
    },
  },
  { name: 'single-line-5mb', why: 'a 5 MB single line of news prose', make: (s) => fill('本报记者郭文生天津报道 天津市“十四五”规划，1、2、3。𠮷😀(完)', 5 * MB * s) },
  { name: 'byline-openers', why: '`本报记者` repeated to 2 MB on one line', make: (s) => fill('本报记者', 2 * MB * s) },
  { name: 'byline-lines', why: '100,000 byline lines', make: (s) => fill('本报记者张三 见习记者李四天津报道\n', 2 * MB * s) },
  { name: 'header-lines', why: '300,000 short header-shaped lines', make: (s) => fill('标题\n', 900_000 * s) },
  { name: 'comments-unclosed', why: '100,000 lines opening an HTML comment', make: (s) => fill('<!--\n', 500_000 * s) },
  {
    name: 'suppression-comments',
    why: '30,000 suppression comments, each before an orphan credit line',
    make: (s) => '标题在这里\n\n本报讯 正文第一段。\n\n' + '<!-- newsmark-disable-next-line orphan-credit -->\n任效良 董峰\n\n天津市生态环境局党组理论学习中心组日前开展党史专题学习研讨。\n\n'.repeat(Math.max(1, Math.round(30_000 * s))),
  },
  { name: 'blank-lines', why: '2 MB of line breaks of every kind', make: (s) => fill('\n\r\n\r \u3000\n', 2 * MB * s) },
  { name: 'credit-lines', why: '200,000 credit lines (names only)', make: (s) => fill('任效良 孔超 赵伟光\n\n', 2 * MB * s) },
];

function everyRuleOn(): NewsmarkConfig {
  const config = defaultConfig();
  for (const rule of RULES) config.rules[rule.code] = { level: 'hint' };
  return config;
}

export interface HostileResult {
  name: string;
  chars: number;
  ms: number;
  budgetMs: number;
  ok: boolean;
  articles: number;
  failures: number;
}

/** Everything the server and the CLI do with a document. */
export function analyse(text: string, config = everyRuleOn()): { articles: number; failures: number } {
  const model = computeDocumentModel(text);
  const findings = computeFindings(model, config);
  getOutline(model);
  summarizeDocument(model);
  return { articles: model.articles.length, failures: findings.failures.length };
}

/**
 * 5 s, plus 2.5 s per MB (UTF-16 code units), plus 15 µs per line. Measured alone, the slowest cases take about
 * 0.7 s per MB and 10 µs per short line; the margin is for a loaded machine. Quadratic work on these sizes
 * takes minutes, so it still fails.
 */
export function budgetFor(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return 5000 + (2500 * text.length) / MB + 0.015 * lines;
}

export function runHostile(cases: readonly HostileCase[] = HOSTILE_CASES, scale = 1): HostileResult[] {
  const config = everyRuleOn();
  return cases.map((c) => {
    const text = c.make(scale);
    const t0 = performance.now();
    const { articles, failures } = analyse(text, config);
    const ms = Math.round(performance.now() - t0);
    const budgetMs = Math.round(budgetFor(text));
    return { name: c.name, chars: text.length, ms, budgetMs, ok: ms <= budgetMs && failures === 0, articles, failures };
  });
}

function main(): void {
  const scale = Number(process.env.NEWSMARK_HOSTILE_SCALE ?? '1');
  const only = process.argv.slice(2);
  const cases = only.length > 0 ? HOSTILE_CASES.filter((c) => only.includes(c.name)) : HOSTILE_CASES;
  const results = runHostile(cases, scale);
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${'case'.padEnd(width)}  ${'chars'.padStart(9)}  ${'ms'.padStart(6)}  ${'budget'.padStart(6)}  result`);
  for (const r of results) {
    console.log(`${r.name.padEnd(width)}  ${String(r.chars).padStart(9)}  ${String(r.ms).padStart(6)}  ${String(r.budgetMs).padStart(6)}  ${r.ok ? 'ok' : r.failures > 0 ? `${r.failures} rule failure(s)` : 'OVER BUDGET'}`);
  }
  const dir = path.resolve(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, scale, results }, null, 2) + '\n');
  const bad = results.filter((r) => !r.ok);
  if (bad.length > 0) {
    console.error(`bench:hostile: ${bad.map((r) => r.name).join(', ')} not answered within budget`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
