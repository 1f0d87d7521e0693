// What one keystroke costs in the server's document store and incremental model update, in process: '字' typed
// one at a time into the lede of the middle article of the generated 10 MB and 1 MB archives, 30 keystrokes after
// 5 of warm-up, p50 and p95 of each part. The store applies the edit (rope text, patched line table), the model
// update reads the window around it and copies the rest; the flatten that follows is the first reader of the new
// text (any rule) copying the rope into one string, which the do-nothing floor server pays as well. It is timed
// apart because it belongs to whoever reads first, not to the update. Run: `npx tsx bench/keystroke.mjs [bytes…]`.
import { generatePage } from './generate.mjs';
import { computeDocumentModel } from '../server/src/core/documentModel.ts';
import { computeModelUpdate } from '../server/src/core/incrementalModel.ts';
import { NewsDocument } from '../server/src/documentStore.ts';

const KEYSTROKES = 30;
const WARMUP = 5;

function percentiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2);
  return `p50 ${q(0.5)} p95 ${q(0.95)} best ${s[0].toFixed(2)}`;
}

function typeInto(text) {
  const document = new NewsDocument('file:///bench/typing.news', 'newsmark', 1, text);
  let model = computeDocumentModel(text);
  const article = model.articles[Math.floor(model.articles.length / 2)];
  const at = ((article.lede ?? article.body[0])?.content.start ?? article.span.start) + 2;
  const position = model.lines.positionAt(at);
  const store = [];
  const update = [];
  const flatten = [];
  let incremental = 0;
  for (let k = 0; k < KEYSTROKES + WARMUP; k++) {
    const p = { line: position.line, character: position.character + k };
    const t0 = performance.now();
    document.apply([{ range: { start: p, end: p }, text: '字' }], document.version + 1);
    const t1 = performance.now();
    const next = computeModelUpdate(model, document.changesSince(document.version - 1) ?? [], { text: document.textReader, lines: document.lineIndex });
    document.markRead();
    const t2 = performance.now();
    next.model.text.charCodeAt(0);
    const t3 = performance.now();
    model = next.model;
    if (next.incremental) incremental++;
    if (k >= WARMUP) {
      store.push(t1 - t0);
      update.push(t2 - t1);
      flatten.push(t3 - t2);
    }
  }
  return { store, update, flatten, incremental };
}

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1e7, 1e6];
for (const bytes of sizes) {
  const r = typeInto(generatePage(bytes));
  const total = r.store.map((x, i) => x + r.update[i]);
  console.log(`${bytes / 1e6} MB, ${KEYSTROKES} keystrokes (${r.incremental}/${KEYSTROKES + WARMUP} incremental), ms:`);
  console.log(`  store apply     ${percentiles(r.store)}`);
  console.log(`  model update    ${percentiles(r.update)}`);
  console.log(`  store + update  ${percentiles(total)}`);
  console.log(`  first reader's flatten of the new text  ${percentiles(r.flatten)}`);
}
