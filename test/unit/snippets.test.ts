/**
 * The contributed snippets: the file parses as VS Code reads it (JSON with comments), every body is valid
 * snippet syntax, prefixes are unique, and each article skeleton, filled with its defaults, reads in the
 * structure core as the kind of article it promises.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { computeDocumentModel } from '../../server/src/core/documentModel';
import { checkSnippetBody } from '../support/snippetSyntax';

const ROOT = path.resolve(__dirname, '../..');

interface Snippet {
  scope?: string;
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

function loadSnippets(): Record<string, Snippet> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const entries = manifest.contributes.snippets as { language: string; path: string }[];
  assert.equal(entries.length, 1);
  assert.equal(entries[0].language, 'newsmark');
  const file = path.join(ROOT, entries[0].path);
  const parsed = ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8'));
  assert.equal(parsed.error, undefined, 'snippets file is valid JSON with comments');
  return parsed.config as Record<string, Snippet>;
}

const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/** Fixed values for the date variables, so the expanded skeletons are stable. */
const VARIABLES = { CURRENT_YEAR: '2021', CURRENT_MONTH: '04', CURRENT_DATE: '08', CURRENT_MONTH_NAME_SHORT: 'Apr' };

/** A skeleton filled with its defaults, with a body paragraph where the cursor ends ($0). */
function filled(snippet: Snippet, body: string): string {
  return checkSnippetBody(bodyOf(snippet).replace('$0', body), VARIABLES).expanded;
}

describe('snippets', () => {
  const snippets = loadSnippets();
  const byPrefix = new Map<string, Snippet>();
  for (const s of Object.values(snippets)) for (const p of prefixesOf(s)) byPrefix.set(p, s);

  it('has a skeleton for each kind of copy, a front-matter block, bylines, datelines and captions', () => {
    for (const p of ['article-paper', 'article-xinhua', 'article-ap', 'article-reuters', 'front-matter', 'byline-paper', 'dateline-xinhua', 'dateline-ap', 'dateline-reuters', 'caption-paper']) {
      assert.ok(byPrefix.has(p), `snippet ${p}`);
    }
  });

  it('every body is valid snippet syntax with balanced placeholders', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const check = checkSnippetBody(bodyOf(s));
      assert.deepEqual(check.errors, [], `${name}: ${check.errors.join('; ')}`);
      assert.equal(s.scope, 'newsmark', `${name} is scoped to news text`);
      assert.ok(s.description && s.description.length > 0, `${name} has a description`);
    }
  });

  it('every prefix is unique and a plain word', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of Object.entries(snippets)) {
      for (const p of prefixesOf(s)) {
        assert.ok(!seen.has(p), `prefix ${p} of ${name} is also used by ${seen.get(p)}`);
        assert.match(p, /^[a-z][a-z-]*$/, `prefix ${p} is typed without an input method`);
        seen.set(p, name);
      }
    }
  });

  it('tab stops are numbered from 1 without gaps', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const stops = [...new Set(checkSnippetBody(bodyOf(s)).tabStops.filter((t) => t > 0))].sort((a, b) => a - b);
      assert.deepEqual(stops, stops.map((_, i) => i + 1), name);
    }
  });

  it('the Chinese paper skeleton reads as an article with headline, subheadline, bylines and dateline', () => {
    const model = computeDocumentModel(filled(byPrefix.get('article-paper')!, '会议强调,要持续改善生态环境质量。'));
    assert.equal(model.articles.length, 1);
    const a = model.articles[0];
    assert.equal(a.headline?.text, '主标题');
    assert.deepEqual(a.subheadlines.map((s) => s.text), ['副标题']);
    assert.deepEqual(a.bylines.map((b) => b.role), ['本报记者', '见习记者']);
    assert.equal(a.dateline?.place, '天津');
  });

  it('the Xinhua skeleton reads with its dateline, reporters and end mark', () => {
    const model = computeDocumentModel(filled(byPrefix.get('article-xinhua')!, '会议强调,要持续改善生态环境质量。'));
    assert.equal(model.articles.length, 1);
    const a = model.articles[0];
    assert.equal(a.headline?.text, '标题');
    assert.deepEqual([a.dateline?.agency, a.dateline?.place, a.dateline?.date], ['新华社', '北京', '4月8日']);
    assert.equal(a.bylines.length, 2);
    assert.ok(a.endMark, 'ends with (完)');
  });

  it('the AP skeleton reads with its byline and dateline', () => {
    const model = computeDocumentModel(filled(byPrefix.get('article-ap')!, 'The storm left 120,000 homes without power.'));
    const a = model.articles[0];
    assert.equal(a.headline?.text, 'Headline');
    assert.deepEqual([a.dateline?.agency, a.dateline?.place], ['AP', 'HOUSTON']);
    assert.equal(a.bylines.length, 1);
  });

  it('the Reuters skeleton reads with its dateline and credits', () => {
    const model = computeDocumentModel(filled(byPrefix.get('article-reuters')!, 'Inflation rose to 3.2% in October.'));
    const a = model.articles[0];
    assert.deepEqual([a.dateline?.agency, a.dateline?.place], ['Reuters', 'LONDON']);
    assert.ok(a.credits.length >= 2, `credits: ${JSON.stringify(a.credits.map((c) => c.name))}`);
  });

  it('the front-matter block is read as the article header', () => {
    const model = computeDocumentModel(filled(byPrefix.get('front-matter')!, '天津市蓟州区两大国家湿地公园建设进展顺利。'));
    const a = model.articles[0];
    assert.equal(a.format, 'front-matter');
    assert.equal(a.headline?.text, '主标题');
    assert.deepEqual(a.bylines.map((b) => [b.name, b.role]), [['张三', '本报记者']]);
    assert.equal(a.dateline?.date, '2021-04-08');
  });

  describe('the syntax check itself', () => {
    const errorsOf = (body: string) => checkSnippetBody(body).errors;
    it('accepts tab stops, placeholders, choices, variables and transforms', () => {
      assert.deepEqual(errorsOf('${1:a ${2:b}} ${3|x,y|} $CURRENT_YEAR ${CURRENT_DATE/^0//} \\$5 $0'), []);
    });
    it('rejects an unclosed placeholder, a stray brace, a bad choice, an unknown variable and a bare $', () => {
      assert.notDeepEqual(errorsOf('${1:姓名'), []);
      assert.notDeepEqual(errorsOf('${1:姓名}}'), []);
      assert.notDeepEqual(errorsOf('${1|本报记者,记者}'), []);
      assert.notDeepEqual(errorsOf('$CURRENT_YAER'), []);
      assert.notDeepEqual(errorsOf('cost $ 4'), []);
      assert.notDeepEqual(errorsOf('${1/(/x/}'), []);
      assert.notDeepEqual(errorsOf('$0 $0'), []);
    });
    it('expands defaults, first choices and variables', () => {
      assert.equal(checkSnippetBody('${1|本报记者,记者|}${2:郭文生}${3:${CURRENT_MONTH/^0//}月}', { CURRENT_MONTH: '04' }).expanded, '本报记者郭文生4月');
    });
  });
});
