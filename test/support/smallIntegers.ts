/**
 * Run in a child process (`node --allow-natives-syntax`) by the small-integers test, so that no other test has
 * touched V8's shapes of the model's objects first: reads the sample page, moves each unit to a local view and back,
 * types into two articles with the findings after each keystroke, and prints, after each stage, the paths to the
 * integers in the model that V8 holds boxed rather than as small integers.
 */
import { defaultConfig } from '../../server/src/core/config';
import { computeDocumentModel } from '../../server/src/core/documentModel';
import { computeIncrementalFindings } from '../../server/src/core/incrementalFindings';
import { computeModelUpdate } from '../../server/src/core/incrementalModel';
import { DocumentModel } from '../../server/src/core/model';
import { unitCount, withUnitView } from '../../server/src/core/ruleScope';
import { readSample } from './text';

// A runtime call only the flag allows; esbuild (tsx) cannot read `%` syntax, V8 parses the body at run time.
const isSmi = new Function('x', 'return %IsSmi(x)') as (x: number) => boolean;

function boxedIntegers(roots: Record<string, unknown>): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const walk = (x: unknown, at: string): void => {
    if (typeof x === 'number') {
      if (Number.isInteger(x) && Math.abs(x) < 2 ** 30 && !isSmi(x)) out.push(`${at} = ${x}`);
      return;
    }
    if (typeof x !== 'object' || x === null || seen.has(x) || ArrayBuffer.isView(x)) return;
    seen.add(x);
    for (const [key, value] of Object.entries(x)) walk(value, `${at}.${key}`);
  };
  for (const [name, root] of Object.entries(roots)) walk(root, name);
  return out;
}

const ofModel = (model: DocumentModel): string[] => boxedIntegers({ paragraphs: model.paragraphs, blocks: model.blocks, items: model.items });

// The check itself: minus zero added in place boxes the number (on an object of a shape of its own).
const probe = { index: 1 };
const minusZero = -Math.min(0, probe.index - 1);
probe.index += minusZero;

const read = computeDocumentModel(readSample());
const fresh = ofModel(read);

const model = computeDocumentModel(readSample());
for (let k = 0; k < unitCount(model); k++) {
  withUnitView(model, k, true, () => undefined);
  withUnitView(model, k, true, () => undefined, 'window');
}
const moved = ofModel(model);

const config = defaultConfig();
let typed = computeDocumentModel(readSample());
let state = computeIncrementalFindings(typed, config, null, []).state;
for (const article of [typed.articles[0], typed.articles[Math.floor(typed.articles.length / 2)]]) {
  let at = (article.lede ?? article.body[0]).content.start + 1;
  for (let k = 0; k < 5; k++, at++) {
    const update = computeModelUpdate(typed, [{ span: { start: at, end: at }, newText: '字' }]);
    typed = update.model;
    state = computeIncrementalFindings(typed, config, state, update.kept).state;
  }
}

process.stdout.write(JSON.stringify({ probe: boxedIntegers({ probe }), units: unitCount(model), fresh, moved, typed: ofModel(typed) }));
