/**
 * The incremental model update must give exactly what a fresh reading of the new text gives: random edits on
 * the sample page and on a generated three-page file, each compared with `computeDocumentModel` of the result.
 */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeModelUpdate, isRetiredModel, TextChange } from '../../../server/src/core/incrementalModel';
import { DocumentModel } from '../../../server/src/core/model';
import { getOutline } from '../../../server/src/core/outline';
import { summarizeDocument } from '../../../server/src/core/summary';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

/** Eight articles whose front matter has every field that carries a span (and a YAML error), and a photo between them. */
function fullFrontMatter(): string {
  const article = (n: number): string =>
    [
      '---',
      `headline: 第${n}篇的标题`,
      'kicker: 引题',
      'kickerSubtitle: 副题',
      'subheadlines:',
      '  - 副标题',
      'dateline:',
      '  place: 天津',
      'credits:',
      '  - 张三',
      'photos:',
      '  - caption: 图为某某',
      '    credit: 李四',
      'bylines:',
      '  - name: 金文',
      '    role: 记者',
      n % 3 === 0 ? 'bad: [' : 'note: 好',
      '---',
      '',
      ...Array.from({ length: 10 }, (_, i) => `第${n}篇第${i}段正文，内容在这里。\n`),
      '图为天津港码头。 张冬梅 摄',
      '',
    ].join('\n');
  return Array.from({ length: 8 }, (_, n) => article(n)).join('\n');
}

const WIRE = ['wire-ap.news', 'wire-reuters.news', 'wire-xinhua.news'];

function readFixture(name: string): string {
  return fs.readFileSync(path.resolve(__dirname, '../../fixtures', name), 'utf8');
}

/** Every key of every object under `value`, per path with indices dropped: the shapes the mover moves. */
function keysByPath(value: unknown, path: string, out: Map<string, Set<string>>): void {
  if (Array.isArray(value)) {
    for (const v of value) keysByPath(v, `${path}[]`, out);
  } else if (value && typeof value === 'object') {
    if (path.endsWith('.data') || path.endsWith('.value')) return;
    const keys = out.get(path) ?? new Set<string>();
    keys.add(Object.keys(value).join(','));
    out.set(path, keys);
    for (const [k, v] of Object.entries(value)) {
      // A paragraph is its own block and, mostly, its own prose (`content`): listed as itself, not walked again.
      if (v === value) (out.get(`${path}.${k}`) ?? out.set(`${path}.${k}`, new Set()).get(`${path}.${k}`)!).add('(itself)');
      else keysByPath(v, `${path}.${k}`, out);
    }
  }
}

const ARTICLE = 'kind,index,format,span,firstBlock,lastBlock,kicker,kickerSubtitle,headline,subheadlines,bylines,dateline,openerSpan,lede,body,sections,captions,credits,endMark,orphanCredits,frontMatter';
/** A paragraph, which is its own span and its own block. */
const PARAGRAPH = 'index,start,end,text,startLine,endLine,bits,content,item';
const SPAN = 'start,end';
/** A block's prose: the paragraph itself, or a span of it without an opener or credits. */
const PROSE = `(itself) | ${SPAN}`;
/** What `core/incrementalModel.ts` moves (shiftBlocks, forEachArticleSpan, forEachCaptionSpan, forEachFrontMatterSpan). */
const KNOWN_SHAPES = [
  `: paragraphs,blocks,items`,
  `.blocks[]: ${PARAGRAPH}`,
  `.blocks[].content: ${PROSE}`,
  `.items[]: ${ARTICLE} | kind,index,span,firstBlock,lastBlock,caption`,
  `.items[].body[]: ${PARAGRAPH}`,
  `.items[].body[].content: ${PROSE}`,
  `.items[].bylines[]: name,role,span`,
  `.items[].bylines[].span: ${SPAN}`,
  `.items[].caption: text,span,credit,credits,creditSpan`,
  `.items[].caption.creditSpan: ${PARAGRAPH}`,
  `.items[].caption.creditSpan.content: (itself)`,
  `.items[].caption.credits[]: name,role,span`,
  `.items[].caption.credits[].span: ${SPAN}`,
  `.items[].caption.span: ${SPAN}`,
  `.items[].captions[]: text,span,credit,credits,creditSpan`,
  `.items[].captions[].creditSpan: ${SPAN}`,
  `.items[].captions[].credits[]: name,role,span`,
  `.items[].captions[].credits[].span: ${SPAN}`,
  `.items[].captions[].span: ${SPAN}`,
  `.items[].credits[]: name,role,span`,
  `.items[].credits[].span: ${SPAN}`,
  `.items[].dateline: place,date,agency,span`,
  `.items[].dateline.span: ${SPAN}`,
  `.items[].endMark: text,span`,
  `.items[].endMark.span: ${PARAGRAPH} | ${SPAN}`,
  `.items[].endMark.span.content: (itself)`,
  `.items[].frontMatter: span,contentSpan,data,errors,headline,subheadlines,kicker,kickerSubtitle,bylines,dateline,credits,photos,source,entries`,
  `.items[].frontMatter.bylines[]: name,role,span`,
  `.items[].frontMatter.bylines[].span: ${SPAN}`,
  `.items[].frontMatter.contentSpan: ${SPAN}`,
  `.items[].frontMatter.credits[]: name,role,span`,
  `.items[].frontMatter.credits[].span: ${SPAN}`,
  `.items[].frontMatter.dateline: place,date,agency,span`,
  `.items[].frontMatter.dateline.span: ${SPAN}`,
  `.items[].frontMatter.entries[]: path,keySpan,valueSpan,kind,value`,
  `.items[].frontMatter.entries[].keySpan: ${SPAN}`,
  `.items[].frontMatter.entries[].valueSpan: ${SPAN}`,
  `.items[].frontMatter.errors[]: message,span`,
  `.items[].frontMatter.errors[].span: ${SPAN}`,
  `.items[].frontMatter.headline: text,span`,
  `.items[].frontMatter.headline.span: ${SPAN}`,
  `.items[].frontMatter.kicker: text,span`,
  `.items[].frontMatter.kicker.span: ${SPAN}`,
  `.items[].frontMatter.kickerSubtitle: text,span`,
  `.items[].frontMatter.kickerSubtitle.span: ${SPAN}`,
  `.items[].frontMatter.photos[]: caption,credit,span`,
  `.items[].frontMatter.photos[].span: ${SPAN}`,
  `.items[].frontMatter.source: publication,page,date,agency`,
  `.items[].frontMatter.span: ${PARAGRAPH}`,
  `.items[].frontMatter.span.content: (itself)`,
  `.items[].frontMatter.subheadlines[]: text,span`,
  `.items[].frontMatter.subheadlines[].span: ${SPAN}`,
  `.items[].headline: text,span`,
  `.items[].headline.span: ${PARAGRAPH} | ${SPAN}`,
  `.items[].headline.span.content: (itself)`,
  `.items[].kicker: text,span`,
  `.items[].kicker.span: ${PARAGRAPH} | ${SPAN}`,
  `.items[].kicker.span.content: (itself)`,
  `.items[].kickerSubtitle: text,span`,
  `.items[].kickerSubtitle.span: ${PARAGRAPH} | ${SPAN}`,
  `.items[].kickerSubtitle.span.content: (itself)`,
  `.items[].lede: ${PARAGRAPH}`,
  `.items[].lede.content: ${PROSE}`,
  `.items[].openerSpan: ${SPAN}`,
  `.items[].orphanCredits[]: ${PARAGRAPH}`,
  `.items[].orphanCredits[].content: (itself)`,
  `.items[].sections[]: title,line,span,extent`,
  `.items[].sections[].extent: ${SPAN}`,
  `.items[].sections[].span: ${PARAGRAPH}`,
  `.items[].sections[].span.content: (itself)`,
  `.items[].span: ${SPAN}`,
  `.items[].subheadlines[]: text,span`,
  `.items[].subheadlines[].span: ${PARAGRAPH} | ${SPAN}`,
  `.items[].subheadlines[].span.content: (itself)`,
  `.paragraphs[]: ${PARAGRAPH}`,
  `.paragraphs[].content: ${PROSE}`,
].sort();

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

  it('equals a fresh reading after random edits on front-matter articles with every field, photos between them', () => {
    const { incremental } = check('full front matter', fullFrontMatter(), 5, 120);
    assert.ok(incremental > 20, `only ${incremental} of 120 edits were incremental`);
  });

  it('moves every span of the articles after an edit, front-matter entries and kicker subtitles included', () => {
    const text = frontMatterArchive();
    const model = computeDocumentModel(text);
    const at = model.articles[1].body[5].content.start + 3;
    const kickerSubtitle = model.articles[5].frontMatter!.kickerSubtitle!.span.start;
    const update = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
    assert.ok(update.incremental);
    const fresh = computeDocumentModel(update.model.text);
    assert.equal(JSON.stringify(update.model.items), JSON.stringify(fresh.items));
    assert.equal(update.model.articles[5].frontMatter?.kickerSubtitle?.span.start, kickerSubtitle + 1);
  });

  it('knows every shape the reader makes (a field added to the model must be moved in incrementalModel.ts, then listed here)', () => {
    // The objects after an edit are moved in place field by field: a field the mover does not know would keep
    // a stale offset. Every object's keys, per path, on pages that have every kind of item and front matter.
    const got = new Map<string, Set<string>>();
    for (const text of [threePages(), frontMatterArchive(), fullFrontMatter(), ...WIRE.map(readFixture)]) {
      const model = computeDocumentModel(text);
      keysByPath({ paragraphs: model.paragraphs, blocks: model.blocks, items: model.items }, '', got);
    }
    const seen = [...got].map(([path, keys]) => `${path}: ${[...keys].sort().join(' | ')}`).sort();
    assert.deepEqual(seen, KNOWN_SHAPES);
  });

  it('shares objects only as the mover expects: blocks, and spans and headings within one unit', () => {
    // Spans are marked as they move, so one held twice within a unit moves once; an object held by two items,
    // or a section (whose line is moved apart from its spans) held twice, would move twice.
    for (const text of [threePages(), frontMatterArchive(), fullFrontMatter(), ...WIRE.map(readFixture)]) {
      const model = computeDocumentModel(text);
      const owner = new Map<object, number>();
      model.paragraphs.forEach((p, i) => {
        owner.set(p.span, i);
        owner.set(model.blocks[i].content, i);
      });
      const holder = new Map<object, number>();
      model.items.forEach((item, k) => {
        const from = k === 0 ? 0 : item.firstBlock;
        const to = k + 1 < model.items.length ? model.items[k + 1].firstBlock : model.blocks.length;
        const walk = (value: unknown, path: string): void => {
          if (!value || typeof value !== 'object') return;
          // Blocks are moved as blocks; the data read from YAML holds no offsets.
          if ('role' in value && 'paragraph' in value) return;
          if (path.endsWith('.data') || path.endsWith('.value')) return;
          // An empty list holds nothing to move: every article's empty lists are one (see \`fitted\` in articles.ts).
          if (Array.isArray(value) && value.length === 0) return;
          const p = owner.get(value);
          if (p !== undefined) {
            assert.ok(p >= from && p < to, `item ${k} holds the span of paragraph ${p}, outside its unit (${path})`);
            return;
          }
          const held = holder.get(value);
          if (held !== undefined) {
            assert.equal(held, k, `item ${k} holds an object of item ${held} (${path})`);
            assert.ok(!('line' in value), `a section held twice (${path})`);
            return;
          }
          holder.set(value, k);
          for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`);
        };
        walk(item, '');
      });
    }
  });

  it('retires the previous model: reading its structure throws, its text stays, and an update from it reads the text again', () => {
    const text = threePages();
    const model = computeDocumentModel(text);
    const at = model.items[Math.floor(model.items.length / 2)].span.start + 2;
    const first = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字\n' }]);
    assert.ok(first.incremental);
    assert.ok(isRetiredModel(model));
    assert.throws(() => model.paragraphs, /retired/);
    assert.throws(() => model.items, /retired/);
    assert.equal(model.text, text);
    const second = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
    assert.equal(second.incremental, false);
    assert.deepEqual(second.kept, []);
    const expected = text.slice(0, at) + '字' + text.slice(at);
    assert.equal(shape(second.model), shape(computeDocumentModel(expected)));
    // The first update's model is untouched by the second one, which read the old text.
    assert.equal(shape(first.model), shape(computeDocumentModel(text.slice(0, at) + '字\n' + text.slice(at))));
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

  it('typing inside an article keeps every other item, the one after it too, as the objects they were', () => {
    const text = threePages();
    const model = computeDocumentModel(text);
    const k = Math.floor(model.items.length / 2);
    const item = model.items[k];
    assert.equal(item.kind, 'article');
    const body = item.kind === 'article' ? (item.lede ?? item.body[0]) : undefined;
    assert.ok(body, 'the middle article has a lede or a body paragraph');
    const before = [...model.items];
    const count = model.items.length;
    const at = body.content.start + 2;
    const update = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
    assert.ok(update.incremental);
    assert.deepEqual(
      update.kept.map((r) => [r.start, r.end, r.previousStart]),
      [
        [0, k, 0],
        [k + 1, count, k + 1],
      ],
    );
    assert.equal(update.model.items[k + 1], before[k + 1], 'the item after the edited one is the object it was, moved');
    assert.notEqual(update.model.items[k], before[k], 'the edited item is read again');
    assert.equal(shape(update.model), shape(computeDocumentModel(update.model.text)));
  });

  it('reports which items it carried over, and they are the same items moved', () => {
    const text = threePages();
    const model = computeDocumentModel(text);
    const at = model.items[Math.floor(model.items.length / 2)].span.start + 2;
    const spans = model.items.map((item) => ({ ...item.span }));
    const count = model.items.length;
    const update = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
    assert.ok(update.incremental);
    const keptCount = update.kept.reduce((n, k) => n + k.end - k.start, 0);
    assert.ok(keptCount >= count - 6, `kept ${keptCount} of ${count}`);
    for (const k of update.kept) {
      for (let i = k.start; i < k.end; i++) {
        const before = spans[k.previousStart + i - k.start];
        const after = update.model.items[i];
        assert.equal(after.span.start, before.start + k.shift);
        assert.equal(update.model.text.slice(after.span.start, after.span.end), text.slice(before.start, before.end));
      }
    }
  });
});
