/**
 * How long the editor features take on the sample page, on a 100-page archive built from it, and how long
 * workspace symbols take over 500 files cold and warm (cached by mtime). Prints milliseconds per call (median
 * of several runs); `npm run bench:editor`. Numbers depend on the machine: compare runs on the same one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getClaims } from '../server/src/core/claims';
import { getArticleLenses } from '../server/src/core/codeLens';
import { defaultConfig } from '../server/src/core/config';
import { computeDocumentModel } from '../server/src/core/documentModel';
import { computeFindings } from '../server/src/core/findings';
import { getFoldingRegions } from '../server/src/core/folding';
import { getOutline } from '../server/src/core/outline';
import { getSelectionChain } from '../server/src/core/selectionRanges';
import { computeLineTokens, getSemanticSpans } from '../server/src/core/semanticTokens';
import { getArticleSymbols } from '../server/src/core/workspaceSymbols';
import { listNewsFiles, NewsFileCache } from '../server/src/node/newsFiles';
import { median } from './timing';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../test/fixtures/tianjin-environment-page.news'), 'utf8');


function row(label: string, ms: number): void {
  console.log(`${label.padEnd(50)} ${ms.toFixed(2).padStart(9)} ms`);
}

for (const [name, text, runs] of [
  ['sample page', SAMPLE, 50],
  ['100 pages', Array(100).fill(SAMPLE).join('\n\n'), 7],
] as const) {
  console.log(`${name}: ${text.length.toLocaleString('en-US')} characters`);
  const model = computeDocumentModel(text);
  const findings = computeFindings(model, defaultConfig()).findings;
  row('  model (shared by every feature)', median(runs, () => computeDocumentModel(text)));
  row('  outline', median(runs, () => getOutline(model)));
  row('  folding', median(runs, () => getFoldingRegions(model)));
  row('  selection ranges (one position)', median(runs, () => getSelectionChain(model, Math.floor(text.length / 2))));
  row('  semantic tokens (full)', median(runs, () => computeLineTokens(model, getSemanticSpans(model))));
  row('  code lens (findings computed once)', median(runs, () => getArticleLenses(model, findings)));
  row('  article symbols', median(runs, () => getArticleSymbols(model)));
  // Claims are cached per model; a fresh model each run times the first request for figure tokens or lenses.
  row('  figures (claims, first request on a version)', median(runs, () => getClaims(computeDocumentModel(text))) - median(runs, () => computeDocumentModel(text)));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-'));
try {
  for (let i = 0; i < 500; i++) {
    const folder = path.join(dir, `page-${i % 20}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${i}.news`), SAMPLE);
  }
  const cache = new NewsFileCache((text) => getArticleSymbols(computeDocumentModel(text)));
  const walk = () => {
    for (const file of listNewsFiles([dir])) cache.get(file);
  };
  let t = performance.now();
  walk();
  console.log('workspace symbols, 500 files');
  row('  cold (read and analyse every file)', performance.now() - t);
  t = performance.now();
  walk();
  row('  warm (list and stat only)', performance.now() - t);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
