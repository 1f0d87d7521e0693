/**
 * The bundles are ASCII only (`scripts/asciiOutput.mjs`), so that Node holds each one's source in one byte a
 * character, and escaping the regular expressions written in Chinese changes nothing they match: the same answers
 * for Chinese, a surrogate pair with and without the `u` flag, a range and a negated class. A character escaped in
 * the source itself (`\省`), which the rewriting would turn into something else, stops the build.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

const ROOT = path.resolve(__dirname, '../..');

describe('ASCII-only bundles', () => {
  it('the built bundles have no character past ASCII (built by npm test before the tests run)', () => {
    for (const bundle of ['server.js', 'cli.js', 'lintWorker.js', 'extension.js']) {
      const text = fs.readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `dist/${bundle}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
    }
  });

  it('escaped regular expressions match what the originals match', async () => {
    const { asciiSource } = await import('../../scripts/asciiOutput.mjs');
    const source = String.raw`module.exports = [/^.{2,6}[省市县区州]$/, /[(（](完|END)[)）]/, /^[一-龥·]+摄$/, /[^。！？]+/g, /😀/, /^[😀]$/u, /^.$/u]; // 注释`;
    const escaped = asciiSource(source);
    assert.doesNotMatch(escaped, /[^\x00-\x7f]/);
    const load = (code: string): RegExp[] => {
      const sandbox = { module: { exports: [] as RegExp[] } };
      vm.runInNewContext(code, sandbox);
      return sandbox.module.exports;
    };
    const [before, after] = [load(source), load(escaped)];
    const samples = ['天津市', '河北省', '和平区', '新华社（完）', '(END)', '张冬梅摄', '张冬梅 摄', '句子。下一句！', '😀', '\ud83d', 'a😀b', '省'];
    assert.equal(after.length, before.length);
    before.forEach((re, i) => {
      for (const s of samples) {
        re.lastIndex = 0;
        after[i].lastIndex = 0;
        // Each side was made in a context of its own: compared as plain values.
        const match = (r: RegExp) => JSON.stringify(((m) => m && [...m, m.index])(r.exec(s)));
        assert.equal(match(after[i]), match(re), `${re} on ${JSON.stringify(s)}`);
      }
    });
  });

  it('refuses a character past ASCII escaped with a backslash in the source', async () => {
    const { asciiSource } = await import('../../scripts/asciiOutput.mjs');
    assert.throws(() => asciiSource(String.raw`const r = /\省/;`, 'x.js'), /x\.js: an escaped "省" at offset 12; write it as \\u7701 in the source/);
    assert.equal(asciiSource(String.raw`const r = /\\省/;`), String.raw`const r = /\\\u7701/;`, 'an escaped backslash before it is not an escape of it');
  });
});
