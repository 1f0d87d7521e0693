/**
 * Run in a child process by the heap-tuning test: opens a generated page in the server's model cache (`--bytes=N`,
 * 10 MB by default: a year of pages, where the tuning matters; on 1 MB, since the caches are memos, both processes
 * grow alike), types into its middle article with the findings and pulled diagnostics after each keystroke, as the
 * server does, and prints how much the old generation grew per keystroke (growth only: what a full collection frees
 * is not subtracted). `--tuned` applies the server's heap tuning first.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { defaultConfig } from '../../server/src/core/config';
import { NewsDocument } from '../../server/src/documentStore';
import { computeDiagnostics, PulledReports } from '../../server/src/features/diagnostics';
import { ModelCache } from '../../server/src/modelCache';
import { tuneHeapForTyping } from '../../server/src/node/heapTuning';

const oldUsed = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;

async function main(): Promise<void> {
  if (process.argv.includes('--tuned')) tuneHeapForTyping();
  const { generatePage } = await import('../../bench/generate.mjs');
  const bytes = Number(process.argv.find((a) => a.startsWith('--bytes='))?.slice('--bytes='.length) ?? 1e7);
  const text = generatePage(bytes);
  const config = defaultConfig();
  const document = new NewsDocument('file:///typing.news', 'newsmark', 1, text);
  const models = new ModelCache();
  const reports = new PulledReports();
  let resultId: string | undefined;
  const pull = (): void => {
    const items = computeDiagnostics(models.get(document), document.uri, config, () => undefined, models.findings(document, config));
    resultId = reports.report(document.uri, resultId, items).resultId;
  };
  pull();
  const model = models.get(document);
  const article = model.articles[Math.floor(model.articles.length / 2)];
  const at = model.lines.positionAt((article.lede ?? article.body[0])!.content.start + 2);
  const type = (k: number): void => {
    const p = { line: at.line, character: at.character + k };
    document.apply([{ range: { start: p, end: p }, text: '字' }], document.version + 1);
    pull();
  };
  const WARMUP = 100;
  const TIMED = 300;
  for (let k = 0; k < WARMUP; k++) type(k);
  let grown = 0;
  let last = oldUsed();
  for (let k = WARMUP; k < WARMUP + TIMED; k++) {
    type(k);
    const now = oldUsed();
    if (now > last) grown += now - last;
    last = now;
  }
  process.stdout.write(JSON.stringify({ bytesPerKeystroke: grown / TIMED }));
}

void main();
