/**
 * Exports against the published standards. The allowed property lists below are written by hand from the
 * specifications, not from our code:
 * - IPTC ninjs 2.1: https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json (`$defs.ninjsType.properties`;
 *   `unevaluatedProperties: false`, so nothing else is allowed; `uri` is required; headlines, descriptions and
 *   bodies items require `value`; associations items require `name` and `uri`).
 * - schema.org NewsArticle: https://schema.org/NewsArticle (its own dateline, printColumn, printEdition,
 *   printPage, printSection, plus what it inherits from Article, CreativeWork and Thing that we use).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeConvertedText } from '../../../server/src/core/convert';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeExport, computeJsonLd, computeNinjs } from '../../../server/src/core/export';
import { readSample } from '../../support/text';

const NINJS_2_1_PROPERTIES = new Set([
  'uri', 'type', 'representationtype', 'profile', 'version', 'firstcreated', 'versioncreated', 'contentcreated', 'embargoed',
  'pubstatus', 'urgency', 'copyrightholder', 'copyrightnotice', 'usageterms', 'ednote', 'language', 'descriptions', 'bodies',
  'headlines', 'people', 'organisations', 'places', 'subjects', 'events', 'objects', 'infosources', 'title', 'by', 'slugline',
  'located', 'renditions', 'associations', 'altids', 'trustindicators', 'standard', 'genres', 'expires', 'rightsinfo',
]);
const NINJS_TYPES = new Set(['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component']);
const NINJS_STRING_PROPERTIES = ['uri', 'type', 'language', 'by', 'located', 'copyrightholder', 'contentcreated'];
const NINJS_ROLE_VALUE = new Set(['role', 'contenttype', 'value']);
const NINJS_BODY = new Set(['role', 'contenttype', 'charcount', 'wordcount', 'value']);
const NINJS_INFOSOURCE = new Set(['name', 'role', 'uri', 'literal', 'contactinfo']);
const NINJS_STANDARD = new Set(['name', 'version', 'schema']);

const JSONLD_KEYWORDS = new Set(['@context', '@type', '@id']);
const NEWS_ARTICLE_PROPERTIES = new Set([
  // NewsArticle
  'dateline', 'printColumn', 'printEdition', 'printPage', 'printSection',
  // Article
  'articleBody', 'articleSection', 'backstory', 'pageEnd', 'pageStart', 'pagination', 'speakable', 'wordCount',
  // CreativeWork (those a news article plausibly carries)
  'about', 'abstract', 'alternativeHeadline', 'author', 'contributor', 'copyrightHolder', 'creditText', 'dateCreated',
  'dateModified', 'datePublished', 'headline', 'inLanguage', 'isPartOf', 'keywords', 'locationCreated', 'publisher',
  'sourceOrganization', 'contentLocation', 'image',
  // Thing
  'description', 'identifier', 'name', 'url',
]);
const PERSON_PROPERTIES = new Set(['@type', 'name', 'jobTitle']);
const IMAGE_OBJECT_PROPERTIES = new Set(['@type', 'caption', 'creditText', 'author']);

function checkNinjs(item: Record<string, unknown>): void {
  for (const key of Object.keys(item)) assert.ok(NINJS_2_1_PROPERTIES.has(key), `ninjs 2.1 has no property "${key}"`);
  assert.equal(typeof item.uri, 'string');
  assert.match(item.uri as string, /^[a-z][a-z0-9+.-]*:[\x21-\x7e]+$/, 'uri is an ASCII URI');
  assert.ok(NINJS_TYPES.has(item.type as string));
  for (const key of NINJS_STRING_PROPERTIES) if (key in item) assert.equal(typeof item[key], 'string', `${key} is a string`);
  for (const key of Object.keys(item.standard as object)) assert.ok(NINJS_STANDARD.has(key));
  for (const list of ['headlines', 'descriptions'] as const) {
    for (const h of (item[list] as Record<string, unknown>[] | undefined) ?? []) {
      assert.equal(typeof h.value, 'string', `${list}[].value is required`);
      for (const key of Object.keys(h)) assert.ok(NINJS_ROLE_VALUE.has(key), `${list}[] has no "${key}"`);
    }
  }
  for (const b of item.bodies as Record<string, unknown>[]) {
    assert.equal(typeof b.value, 'string');
    for (const key of Object.keys(b)) assert.ok(NINJS_BODY.has(key), `bodies[] has no "${key}"`);
    assert.equal(typeof b.charcount, 'number');
  }
  for (const s of (item.infosources as Record<string, unknown>[] | undefined) ?? []) for (const key of Object.keys(s)) assert.ok(NINJS_INFOSOURCE.has(key));
  for (const a of (item.associations as Record<string, unknown>[] | undefined) ?? []) {
    assert.equal(typeof a.name, 'string');
    assert.equal(typeof a.uri, 'string');
    for (const key of Object.keys(a)) assert.ok(key === 'name' || NINJS_2_1_PROPERTIES.has(key), `associations[] has no "${key}"`);
  }
}

function checkJsonLd(item: Record<string, unknown>): void {
  assert.equal(item['@context'], 'https://schema.org');
  assert.equal(item['@type'], 'NewsArticle');
  for (const key of Object.keys(item)) assert.ok(JSONLD_KEYWORDS.has(key) || NEWS_ARTICLE_PROPERTIES.has(key), `NewsArticle has no property "${key}"`);
  for (const p of [...((item.author as Record<string, unknown>[]) ?? []), ...((item.contributor as Record<string, unknown>[]) ?? [])]) {
    assert.equal(p['@type'], 'Person');
    for (const key of Object.keys(p)) assert.ok(PERSON_PROPERTIES.has(key), `Person has no "${key}" here`);
  }
  for (const i of (item.image as Record<string, unknown>[] | undefined) ?? []) {
    assert.equal(i['@type'], 'ImageObject');
    for (const key of Object.keys(i)) assert.ok(IMAGE_OBJECT_PROPERTIES.has(key));
  }
  if (item.alternativeHeadline !== undefined) assert.ok(typeof item.alternativeHeadline === 'string' || Array.isArray(item.alternativeHeadline));
  assert.equal(typeof item.articleBody, 'string');
}

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../fixtures', name), 'utf8');
const TEXTS: [string, string][] = [
  ['sample page', readSample()],
  ['Xinhua', fixture('wire-xinhua.news')],
  ['AP', fixture('wire-ap.news')],
  ['Reuters', fixture('wire-reuters.news')],
];

describe('export', () => {
  for (const [name, text] of TEXTS) {
    it(`writes ninjs 2.1 and NewsArticle JSON-LD for every article of the ${name}, alike from raw and converted text`, () => {
      const raw = computeDocumentModel(text);
      const converted = computeDocumentModel(computeConvertedText(raw));
      for (const format of ['ninjs', 'jsonld'] as const) {
        const items = computeExport(raw, format);
        assert.equal(items.length, raw.articles.length);
        for (const item of items) (format === 'ninjs' ? checkNinjs : checkJsonLd)(item);
        assert.deepEqual(computeExport(converted, format), items);
      }
    });
  }

  it('maps the sample page’s first article field by field', () => {
    const m = computeDocumentModel(readSample());
    const n = computeNinjs(m, m.articles[0]);
    assert.deepEqual(n.headlines, [
      { role: 'main', value: '天津市生态环境局党组理论学习中心组开展党史专题学习研讨' },
      { role: 'subheadline', value: '为提升生态环境建设水平提供强大动力' },
      { role: 'kicker', value: '奋斗百年路 启航新征程' },
      { role: 'kicker-subtitle', value: '学党史 悟思想 办实事 开新局' },
    ]);
    assert.equal(n.by, '本报记者 郭文生, 见习记者 任效良');
    assert.equal(n.located, '天津');
    const body = (n.bodies as { value: string }[])[0].value;
    assert.ok(body.startsWith('天津市生态环境局党组理论学习中心组日前开展集中学习'), 'the body starts after the opener');
    const j = computeJsonLd(m, m.articles[0]);
    assert.deepEqual(j.author, [{ '@type': 'Person', name: '郭文生', jobTitle: '本报记者' }, { '@type': 'Person', name: '任效良', jobTitle: '见习记者' }]);
    assert.equal(j.alternativeHeadline, '为提升生态环境建设水平提供强大动力');
    assert.deepEqual(j.locationCreated, { '@type': 'Place', name: '天津' });
  });

  it('exports credits, datelines and the end of the body as printed in wire copy', () => {
    const m = computeDocumentModel(fixture('wire-xinhua.news'));
    const j = computeJsonLd(m, m.articles[0]);
    assert.equal(j.dateline, '新华社武汉3月12日电');
    assert.ok((j.articleBody as string).endsWith('主体工程。'), 'the end mark is not body text');
    const r = computeDocumentModel(fixture('wire-reuters.news'));
    const rj = computeJsonLd(r, r.articles[0]);
    assert.equal(rj.dateline, 'LONDON, Nov 28 (Reuters)');
    assert.deepEqual((rj.contributor as { name: string }[]).map((c) => c.name), ['Ann Poe', 'Ken Lee', 'Mark Roe']);
  });

  it('takes page, date and publication from a block’s source', () => {
    const text = ['---', 'headline: 测试标题', 'source:', '  publication: 天津日报', '  page: A5', '  date: 2021-04-12', '---', '', '正文第一段。'].join('\n');
    const m = computeDocumentModel(text);
    const j = computeJsonLd(m, m.articles[0]);
    assert.equal(j.printPage, 'A5');
    assert.equal(j.datePublished, '2021-04-12');
    assert.deepEqual(j.publisher, { '@type': 'Organization', name: '天津日报' });
    checkJsonLd(j);
    checkNinjs(computeNinjs(m, m.articles[0]));
  });
});
