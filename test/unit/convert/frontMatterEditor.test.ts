/** Completion and hover in a block, the workspace scan, and the JSON Schema against the vocabulary. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { computeConvertedText } from '../../../server/src/core/convert';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeKnownValues, emptyKnownValues, getFrontMatterCompletions, getFrontMatterKeyAt } from '../../../server/src/core/frontMatterCompletion';
import { FRONT_MATTER_FIELDS, getDidYouMean } from '../../../server/src/core/frontMatterFields';
import { findNewsFiles } from '../../../server/src/features/completion';
import { joinLines, readSample } from '../../support/text';

/** Completions at the `|` in the text. */
function completeAt(textWithCursor: string, known = emptyKnownValues()) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return getFrontMatterCompletions(computeDocumentModel(text), offset, known).map((c) => c.label);
}

const SCHEMA = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../schemas/front-matter.schema.json'), 'utf8'));

describe('front-matter in the editor (core)', () => {
  it('offers the keys of the mapping the cursor is in', () => {
    assert.deepEqual(completeAt(joinLines('---', 'headline: x', 'bylines:', '  - |', '---', '', '正文。')), ['name', 'role']);
    assert.deepEqual(completeAt(joinLines('---', 'headline: x', 'bylines:', '  - name: 金文', '    r|', '---', '', '正文。')), ['name', 'role']);
    assert.deepEqual(completeAt(joinLines('---', 'headline: x', 'dateline:', '  place: 天津', '  |', '---', '', '正文。')), ['place', 'date', 'agency']);
    assert.deepEqual(completeAt(joinLines('---', 'headline: x', 'source:', '  |', '---', '', '正文。')), ['publication', 'page', 'date', 'agency']);
    const top = completeAt(joinLines('---', 'headline: x', '|', '---', '', '正文。'));
    assert.deepEqual(top, FRONT_MATTER_FIELDS.map((f) => f.key).filter((k) => k !== 'headline'));
  });

  it('offers values seen in other documents, filtered by what is typed', () => {
    const known = computeKnownValues(computeDocumentModel(readSample()));
    assert.deepEqual(completeAt(joinLines('---', 'headline: x', 'credits:', '  - name: 任|', '---', '', '正文。'), known), ['任效良']);
    assert.ok(completeAt(joinLines('---', 'headline: x', 'dateline:', '  agency: |', '---', '', '正文。'), known).includes('新华社'));
    assert.deepEqual(completeAt(joinLines('---', 'headline: x', '---', '', '正|文。'), known), [], 'nothing outside the block');
  });

  it('finds the key under the cursor, nested ones included', () => {
    const text = computeConvertedText(computeDocumentModel(readSample()));
    const model = computeDocumentModel(text);
    const at = text.indexOf('    role: 见习记者') + 5;
    const found = getFrontMatterKeyAt(model, at);
    assert.deepEqual(found?.entry.path, ['bylines', '1', 'role']);
    assert.equal(found?.field.key, 'role');
    assert.equal(getFrontMatterKeyAt(model, text.indexOf('天津市生态环境局党组理论学习中心组日前')), null);
  });

  it('suggests the key a typo means, and nothing for an unrelated word', () => {
    assert.equal(getDidYouMean('byline', FRONT_MATTER_FIELDS.map((f) => f.key)), 'bylines');
    assert.equal(getDidYouMean('Headline', FRONT_MATTER_FIELDS.map((f) => f.key)), 'headline');
    assert.equal(getDidYouMean('kicker_subtitle', FRONT_MATTER_FIELDS.map((f) => f.key)), 'kickerSubtitle');
    assert.equal(getDidYouMean('weather', FRONT_MATTER_FIELDS.map((f) => f.key)), null);
  });

  it('scans the workspace for .news files within bounds, skipping node_modules', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ws-'));
    try {
      fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
      fs.mkdirSync(path.join(root, 'node_modules'));
      fs.writeFileSync(path.join(root, 'a', 'b', 'page.news'), '');
      fs.writeFileSync(path.join(root, 'node_modules', 'x.news'), '');
      fs.writeFileSync(path.join(root, 'notes.txt'), '');
      assert.deepEqual(findNewsFiles(root).map((f) => path.relative(root, f)), [path.join('a', 'b', 'page.news')]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('schemas/front-matter.schema.json', () => {
  it('lists exactly the vocabulary’s keys, nested ones included, and requires the headline', () => {
    assert.deepEqual(Object.keys(SCHEMA.properties), FRONT_MATTER_FIELDS.map((f) => f.key));
    assert.deepEqual(SCHEMA.required, FRONT_MATTER_FIELDS.filter((f) => f.required).map((f) => f.key));
    assert.deepEqual(Object.keys(SCHEMA.$defs.person.oneOf[1].properties), ['name', 'role']);
    assert.deepEqual(Object.keys(SCHEMA.properties.dateline.oneOf[1].properties), FRONT_MATTER_FIELDS.find((f) => f.key === 'dateline')!.children!.map((c) => c.key));
    assert.deepEqual(Object.keys(SCHEMA.properties.photos.items.properties), ['caption', 'credit']);
    assert.deepEqual(Object.keys(SCHEMA.properties.source.properties), FRONT_MATTER_FIELDS.find((f) => f.key === 'source')!.children!.map((c) => c.key));
  });

  it('describes every block the converter writes for the sample page and the wire fixtures', () => {
    const allowed = new Set(Object.keys(SCHEMA.properties));
    for (const name of ['tianjin-environment-page.news', 'wire-xinhua.news', 'wire-ap.news', 'wire-reuters.news']) {
      const text = computeConvertedText(computeDocumentModel(fs.readFileSync(path.resolve(__dirname, '../../fixtures', name), 'utf8')));
      for (const a of computeDocumentModel(text).articles) {
        const fm = a.frontMatter!;
        const data = parse(text.slice(fm.contentSpan.start, fm.contentSpan.end));
        for (const key of Object.keys(data)) assert.ok(allowed.has(key), `${name}: ${key}`);
        assert.equal(typeof data.headline, 'string');
      }
    }
  });
});

describe('docs/front-matter.md', () => {
  it('has a row for every key of the vocabulary', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/front-matter.md'), 'utf8');
    for (const f of FRONT_MATTER_FIELDS) assert.match(doc, new RegExp(`^\\| \`${f.key}\` \\|`, 'm'), f.key);
  });
});
