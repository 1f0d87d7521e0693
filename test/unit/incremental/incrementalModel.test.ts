/**
 * The incremental model update must give exactly what a fresh reading of the new text gives: random edits on
 * the sample page and on a generated three-page file, each compared with `computeDocumentModel` of the result.
 */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeModelUpdate, TextChange } from '../../../server/src/core/incrementalModel';
import { DocumentModel } from '../../../server/src/core/model';
import { getOutline } from '../../../server/src/core/outline';
import { summarizeDocument } from '../../../server/src/core/summary';
import { readSample } from '../../support/text';

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['字', '，', '。', '\n', '\n\n', ' ', 'a', '本报记者王某', '\n\n新标题在这里\n\n', '（完）', '**', '图为', '\r\n', '2021年', 'By JOHN SMITH'];

function randomChange(text: string, next: () => number): TextChange {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.5) return { span: { start: at, end: at }, newText: INSERTS[Math.floor(next() * INSERTS.length)] };
  const end = Math.min(text.length, at + 1 + Math.floor(next() * (kind < 0.8 ? 3 : 40)));
  return { span: { start: at, end }, newText: kind < 0.9 ? '' : INSERTS[Math.floor(next() * INSERTS.length)] };
}

/** Everything a feature can read from a model, blocks by value. */
function shape(model: DocumentModel): string {
  return JSON.stringify({ paragraphs: model.paragraphs, blocks: model.blocks, items: model.items, lines: model.lines.lineStarts });
}

function threePages(): string {
  const page = readSample();
  return [page, page.replace(/天津/g, '滨海'), page.replace(/\d/g, (d) => String((Number(d) + 3) % 10))].join('\n\n');
}

/** Eight front-matter articles: their blocks carry spans (entries, kickerSubtitle) that must move with an edit before them. */
function frontMatterArchive(): string {
  const article = (n: number): string =>
    [
      '---',
      `headline: 第${n}篇的标题`,
      'kickerSubtitle: 副题',
      'source:',
      '  publication: 天津日报',
      'bylines:',
      '  - name: 金文',
      '    role: 记者',
      '---',
      '',
      ...Array.from({ length: 12 }, (_, i) => `第${n}篇第${i}段正文，内容在这里。\n`),
    ].join('\n');
  return Array.from({ length: 8 }, (_, n) => article(n)).join('\n');
}

/** Every key of every object under `value`, per path with indices dropped: the shapes the shifter copies. */
function keysByPath(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const v of value) keysByPath(v, `${path}[]`, out);
  } else if (value && typeof value === 'object') {
    if (path.endsWith('.data') || path.endsWith('.value')) return;
    out.set(path, Object.keys(value).join(','));
    for (const [k, v] of Object.entries(value)) keysByPath(v, `${path}.${k}`, out);
  }
}

function check(name: string, initial: string, seed: number, edits: number): { incremental: number } {
  const next = random(seed);
  let model = computeDocumentModel(initial);
  let incremental = 0;
  for (let n = 0; n < edits; n++) {
    const change = randomChange(model.text, next);
    const update = computeModelUpdate(model, [change]);
    if (update.incremental) incremental++;
    const fresh = computeDocumentModel(update.model.text);
    const where = `${name}, seed ${seed}, edit ${n}: ${JSON.stringify(change)}`;
    assert.equal(update.model.text, fresh.text, where);
    assert.deepEqual(getOutline(update.model), getOutline(fresh), where);
    assert.deepEqual(summarizeDocument(update.model), summarizeDocument(fresh), where);
    assert.equal(shape(update.model), shape(fresh), where);
    model = update.model;
  }
  return { incremental };
}

describe('incremental model update', () => {
  it('equals a fresh reading after random edits on the sample page', () => {
    check('sample', readSample(), 7, 150);
  });

  it('equals a fresh reading after random edits on a generated three-page file, and mostly re-reads a window', () => {
    const { incremental } = check('three pages', threePages(), 11, 150);
    // Most random edits land far from a fence or comment and are read incrementally; a regression to full reading fails here.
    assert.ok(incremental > 100, `only ${incremental} of 150 edits were incremental`);
  });

  it('equals a fresh reading after random edits on front-matter articles', () => {
    const { incremental } = check('front matter', frontMatterArchive(), 3, 120);
    assert.ok(incremental > 20, `only ${incremental} of 120 edits were incremental`);
  });

  it('moves every span of the articles after an edit, front-matter entries and kicker subtitles included', () => {
    const text = frontMatterArchive();
    const model = computeDocumentModel(text);
    const at = model.articles[1].body[5].content.start + 3;
    const update = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
    assert.ok(update.incremental);
    const fresh = computeDocumentModel(update.model.text);
    assert.equal(JSON.stringify(update.model.items), JSON.stringify(fresh.items));
    assert.equal(update.model.articles[5].frontMatter?.kickerSubtitle?.span.start, model.articles[5].frontMatter!.kickerSubtitle!.span.start + 1);
  });

  it('copies items of exactly the shapes the reader makes (a field added to the model must be shifted there too)', () => {
    // The shifter writes object literals of the known shapes; the same keys after an update as after a fresh
    // reading means no field was dropped, and the property tests above check that none kept a stale offset.
    for (const text of [threePages(), frontMatterArchive(), readSample()]) {
      const model = computeDocumentModel(text);
      const at = model.items[1].span.start + 1;
      const update = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
      assert.ok(update.incremental);
      const fresh = computeDocumentModel(update.model.text);
      const got = new Map<string, string>();
      const want = new Map<string, string>();
      keysByPath({ paragraphs: update.model.paragraphs, blocks: update.model.blocks, items: update.model.items }, '', got);
      keysByPath({ paragraphs: fresh.paragraphs, blocks: fresh.blocks, items: fresh.items }, '', want);
      assert.deepEqual([...got].sort(), [...want].sort());
    }
  });

  it('leaves the previous model as it was', () => {
    const text = threePages();
    const model = computeDocumentModel(text);
    const before = shape(model);
    const at = model.items[Math.floor(model.items.length / 2)].span.start + 2;
    computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字\n' }]);
    computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
    assert.equal(shape(model), before);
  });

  it('applies several changes in order, as LSP sends them', () => {
    const text = threePages();
    const model = computeDocumentModel(text);
    const changes: TextChange[] = [
      { span: { start: 100, end: 100 }, newText: '插入' },
      { span: { start: 5000, end: 5010 }, newText: '' },
      { span: { start: 20000, end: 20000 }, newText: '\n\n另一个标题\n\n' },
    ];
    const update = computeModelUpdate(model, changes);
    let expected = text;
    for (const c of changes) expected = expected.slice(0, c.span.start) + c.newText + expected.slice(c.span.end);
    assert.equal(update.model.text, expected);
    assert.equal(shape(update.model), shape(computeDocumentModel(expected)));
  });

  it('reports which items it carried over, and they are the same items moved', () => {
    const text = threePages();
    const model = computeDocumentModel(text);
    const at = model.items[Math.floor(model.items.length / 2)].span.start + 2;
    const update = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
    assert.ok(update.incremental);
    const keptCount = update.kept.reduce((n, k) => n + k.end - k.start, 0);
    assert.ok(keptCount >= model.items.length - 6, `kept ${keptCount} of ${model.items.length}`);
    for (const k of update.kept) {
      for (let i = k.start; i < k.end; i++) {
        const before = model.items[k.previousStart + i - k.start];
        const after = update.model.items[i];
        assert.equal(after.span.start, before.span.start + k.shift);
        assert.equal(update.model.text.slice(after.span.start, after.span.end), text.slice(before.span.start, before.span.end));
      }
    }
  });
});
