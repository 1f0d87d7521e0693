/** The CLI contract, through the bundled `dist/cli.js` (built by `npm test` before the tests run). */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SAMPLE_PATH } from '../support/text';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function run(args: string[], input?: string | Buffer, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('newsmark CLI', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('outline', () => {
    it('prints the tree of the sample page', () => {
      const r = run(['outline', SAMPLE_PATH]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /7 articles, 1 photo/);
      assert.match(r.stdout, /^ {2}天津市生态环境局党组理论学习中心组开展党史专题学习研讨 {2}\[lines 3–27\]$/m);
      assert.match(r.stdout, /^ {4}byline: 郭文生 \(本报记者\) {2}\[line 11\]$/m);
      assert.match(r.stdout, /^ {4}section: 坚持一个科学指引 {2}\[lines 107–111\]$/m);
      assert.match(r.stdout, /^ {4}credit: 金文 {2}\[line 75\]$/m);
    });

    it('prints the stable JSON shape with --json', () => {
      const r = run(['outline', '--json', SAMPLE_PATH]);
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.articles.length, 7);
      assert.equal(doc.items.length, 8);
      for (const a of doc.articles) {
        for (const key of ['headline', 'subheadlines', 'kicker', 'bylines', 'dateline', 'credits', 'sections', 'captions', 'range']) assert.ok(key in a, `article has ${key}`);
      }
      assert.equal(doc.articles[0].kicker, '奋斗百年路 启航新征程');
      assert.deepEqual(doc.articles[0].bylines, [{ name: '郭文生', role: '本报记者' }, { name: '任效良', role: '见习记者' }]);
      assert.deepEqual(doc.articles[3].credits, [{ name: '金文', role: null }]);
      assert.deepEqual(doc.articles[5].sections[0], { title: '坚持一个科学指引', line: 106 });
      assert.deepEqual(doc.articles[0].range.start, { line: 2, character: 0 });
      assert.equal(doc.items[5].kind, 'photo');
      assert.equal(doc.items[5].credit, '张冬梅');
    });

    it('reads standard input for -', () => {
      const r = run(['outline', '--json', '-'], '标题在这里\n\n本报讯 正文第一段。\n\n金文\n');
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.file, '-');
      assert.equal(doc.articles[0].headline, '标题在这里');
      assert.deepEqual(doc.articles[0].credits, [{ name: '金文', role: null }]);
    });

    it('prints an array for several files', () => {
      const r = run(['outline', '--json', SAMPLE_PATH, SAMPLE_PATH]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).length, 2);
    });
  });

  describe('lint and check', () => {
    it('prints file:line:col severity code message', () => {
      const r = run(['lint', SAMPLE_PATH]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^${SAMPLE_PATH.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:111:1 warning orphan-credit `, 'm'));
    });

    it('prints a JSON array with 0-based ranges', () => {
      const r = run(['lint', '--format', 'json', SAMPLE_PATH]);
      const findings = JSON.parse(r.stdout);
      const orphan = findings.find((f: { code: string }) => f.code === 'orphan-credit');
      assert.deepEqual(Object.keys(orphan).sort(), ['code', 'file', 'message', 'range', 'severity']);
      assert.equal(orphan.range.start.line, 110);
      assert.equal(orphan.severity, 'warning');
    });

    it('exits 1 when a finding is at error level', () => {
      const config = path.join(tmp, 'strict.json');
      fs.writeFileSync(config, JSON.stringify({ rules: { 'orphan-credit': 'error' } }));
      const r = run(['lint', '--config', config, SAMPLE_PATH]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, / error orphan-credit /);
    });

    it('check prints the outline and the findings', () => {
      const r = run(['check', SAMPLE_PATH]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /7 articles/);
      assert.match(r.stdout, /^ {2}orphan-credit: 1$/m);
      // A frequent code is summarised: a count, three examples, and how many more.
      const m = /^ {2}halfwidth-punctuation: (\d+)$/m.exec(r.stdout);
      assert.ok(m && Number(m[1]) > 8);
      assert.match(r.stdout, new RegExp(`… and ${Number(m[1]) - 3} more`));
    });
  });

  describe('errors: exit 2, one line naming the file and the reason', () => {
    const oneLine = (s: string) => s.trim().split('\n').length === 1;

    it('a missing file', () => {
      const r = run(['outline', path.join(tmp, 'nope.news')]);
      assert.equal(r.code, 2);
      assert.ok(oneLine(r.stderr));
      assert.match(r.stderr, /nope\.news: no such file/);
      assert.equal(r.stdout, '');
    });

    it('a directory', () => {
      const r = run(['lint', tmp]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is a directory/);
      assert.ok(oneLine(r.stderr));
    });

    it('a binary file and invalid UTF-8', () => {
      const bin = path.join(tmp, 'photo.news');
      fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      let r = run(['outline', bin]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /photo\.news: binary file/);
      const latin1 = path.join(tmp, 'gbk.news');
      fs.writeFileSync(latin1, Buffer.from([0xc4, 0xe3, 0xba, 0xc3]));
      r = run(['outline', latin1]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /gbk\.news: not valid UTF-8/);
      assert.ok(oneLine(r.stderr));
    });

    it('usage errors', () => {
      for (const args of [['frobnicate'], ['outline'], ['outline', '--bogus', SAMPLE_PATH], ['lint', '--format', 'xml', SAMPLE_PATH], []]) {
        const r = run(args);
        assert.equal(r.code, 2, args.join(' '));
        assert.ok(oneLine(r.stderr), r.stderr);
        assert.doesNotMatch(r.stderr, /\n\s+at /);
      }
    });

    it('reports nothing on stdout when one of several files fails', () => {
      const r = run(['outline', SAMPLE_PATH, path.join(tmp, 'missing.news')]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
    });
  });

  it('strips a BOM and reads CRLF', () => {
    const file = path.join(tmp, 'crlf.news');
    fs.writeFileSync(file, '\uFEFF标题在这里\r\n\r\n本报讯 正文第一段。\r\n\r\n金文\r\n');
    const doc = JSON.parse(run(['outline', '--json', file]).stdout);
    assert.equal(doc.articles[0].headline, '标题在这里');
    assert.deepEqual(doc.articles[0].credits[0], { name: '金文', role: null });
  });

  it('prints help and a version', () => {
    assert.match(run(['--help']).stdout, /newsmark outline/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });
});
