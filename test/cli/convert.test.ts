/** `newsmark convert` and `newsmark export` through the bundled CLI. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computeDocumentModel } from '../../server/src/core/documentModel';
import { SAMPLE_PATH } from '../support/text';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const AP = path.resolve(__dirname, '../fixtures/wire-ap.news');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('newsmark convert and export', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-convert-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints the converted page on standard output', () => {
    const r = run(['convert', SAMPLE_PATH]);
    assert.equal(r.code, 0, r.stderr);
    const m = computeDocumentModel(r.stdout);
    assert.equal(m.articles.length, 7);
    assert.ok(m.articles.every((a) => a.format === 'front-matter'));
    assert.match(r.stdout, /^---\nheadline: 天津市生态环境局党组理论学习中心组开展党史专题学习研讨\n/m);
  });

  it('writes -o OUT atomically, keeping a BOM, and leaves no temporary file', () => {
    const input = path.join(tmp, 'bom.news');
    fs.writeFileSync(input, '\uFEFF' + fs.readFileSync(AP, 'utf8'));
    const out = path.join(tmp, 'out.md');
    const r = run(['convert', input, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const written = fs.readFileSync(out, 'utf8');
    assert.ok(written.startsWith('\uFEFF---\nheadline: Storm knocks out power to thousands in Texas'));
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')), []);
  });

  it('splits into one Markdown file per article, numbered, with readable slugs, losing nothing', () => {
    const dir = path.join(tmp, 'split');
    const r = run(['convert', SAMPLE_PATH, '--split', dir]);
    assert.equal(r.code, 0, r.stderr);
    const files = fs.readdirSync(dir).sort();
    assert.equal(files.length, 7);
    assert.equal(files[0], '01-天津市生态环境局党组理论学习中心组开展党史专题学习研讨.md');
    assert.equal(files[4], '05-北辰区开展-我为群众办实事-实践活动.md');
    const pieces = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    pieces.forEach((p) => assert.equal(computeDocumentModel(p).articles.length, 1));
    assert.match(pieces[4], /图为4月8日/, 'the photo after article 5 goes into its file');
    const whole = run(['convert', SAMPLE_PATH]).stdout;
    assert.equal(pieces.join('').replace(/\s+/g, ''), whole.replace(/\s+/g, ''));
  });

  it('slugs English headlines as lowercase ASCII words', () => {
    const dir = path.join(tmp, 'split-en');
    assert.equal(run(['convert', AP, '--split', dir]).code, 0);
    assert.deepEqual(fs.readdirSync(dir), ['01-storm-knocks-out-power-to-thousands-in.md']);
  });

  it('reads standard input and refuses bad usage with exit 2 and one line', () => {
    const r = run(['convert', '-'], '标题一\n\n副标题\n\n本报讯 正文。\n');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^---\nheadline: 标题一\n/);
    for (const args of [['convert'], ['convert', AP, '-o', 'x', '--split', 'y'], ['convert', path.join(tmp, 'missing.news')], ['export', AP], ['export', '--format', 'xml', AP]]) {
      const bad = run(args);
      assert.equal(bad.code, 2, args.join(' '));
      assert.equal(bad.stderr.trim().split('\n').length, 1);
      assert.match(bad.stderr, /^newsmark: /);
    }
  });

  it('writes --publication, --page and --date into each block\'s source, and exports them', () => {
    const r = run(['convert', AP, '--publication', 'The Daily', '--page', 'A5', '--date', '2021-04-12']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\nsource:\n {2}publication: The Daily\n {2}page: A5\n {2}date: 2021-04-12\n {2}agency: Associated Press\n---/);
    const out = path.join(tmp, 'sourced.md');
    fs.writeFileSync(out, r.stdout);
    const j = JSON.parse(run(['export', '--format', 'jsonld', out]).stdout);
    assert.equal(j[0].printPage, 'A5');
    assert.equal(j[0].datePublished, '2021-04-12');
    const bad = run(['convert', AP, '--date', '12 April']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--date must be an ISO date/);
  });

  it('exports ninjs and JSON-LD arrays, one item per article', () => {
    const n = run(['export', '--format', 'ninjs', SAMPLE_PATH]);
    assert.equal(n.code, 0, n.stderr);
    const items = JSON.parse(n.stdout);
    assert.equal(items.length, 7);
    assert.equal(items[0].standard.name, 'ninjs');
    const j = JSON.parse(run(['export', '--format', 'jsonld', AP]).stdout);
    assert.equal(j[0]['@type'], 'NewsArticle');
    assert.equal(j[0].dateline, 'HOUSTON (AP)');
  });
});
