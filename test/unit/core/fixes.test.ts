import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { applyEdits, computeFixAll, computeReplacement, selectFixes } from '../../../server/src/core/fixes';
import { paragraphs, readSample } from '../../support/text';

const FULL_TO_ASCII: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' };

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** The text with the safe fixes' differences taken out: mark width, whitespace, LaTeX subscripts, and/和. */
function normalize(text: string): string {
  return text
    .replace(/[，：；？！（）]/g, (c) => FULL_TO_ASCII[c])
    .replace(/_\{([^{}]*)\}/g, '$1')
    .replace(/\s+and\s+/g, '和')
    .replace(/\s+/g, '');
}

describe('fixes', () => {
  describe('applyEdits', () => {
    it('applies edits in any order and keeps everything outside them', () => {
      assert.equal(applyEdits('a,b;c', [{ span: { start: 3, end: 4 }, newText: '；' }, { span: { start: 1, end: 2 }, newText: '，' }]), 'a，b；c');
      assert.equal(applyEdits('abc', [{ span: { start: 3, end: 3 }, newText: 'd' }]), 'abcd');
    });

    it('refuses overlapping edits', () => {
      assert.throws(() => applyEdits('abcdef', [{ span: { start: 1, end: 3 }, newText: '' }, { span: { start: 2, end: 4 }, newText: '' }]));
    });
  });

  describe('selectFixes', () => {
    it('takes a fix whole or not at all, and skips fixes that overlap a fix already taken', () => {
      const fixes = [
        { title: 'pair', safe: true, edits: [{ span: { start: 0, end: 1 }, newText: '（' }, { span: { start: 4, end: 5 }, newText: '）' }] },
        { title: 'clash', safe: true, edits: [{ span: { start: 2, end: 3 }, newText: 'x' }, { span: { start: 4, end: 6 }, newText: '' }] },
        { title: 'apart', safe: true, edits: [{ span: { start: 7, end: 8 }, newText: '，' }] },
        { title: 'same insertion point', safe: true, edits: [{ span: { start: 7, end: 7 }, newText: 'y' }] },
      ];
      const { edits, applied } = selectFixes(fixes);
      assert.equal(applied, 2);
      assert.equal(applyEdits('(abc)de,f', edits), '（abc）de，f');
    });
  });

  describe('computeReplacement', () => {
    it('returns the smallest single edit, never splitting a CRLF or a surrogate pair', () => {
      assert.equal(computeReplacement('same', 'same'), null);
      const crlf = computeReplacement('a\r\n\r\nb', 'ab');
      assert.deepEqual(crlf, { span: { start: 1, end: 5 }, newText: '' });
      const before = 'x𠀀y';
      const after = 'x𠀁y';
      const edit = computeReplacement(before, after);
      assert.ok(edit);
      assert.equal(applyEdits(before, [edit]), after);
      assert.equal(edit.span.start, 1);
      assert.equal(edit.span.end, 3);
    });
  });

  describe('computeFixAll', () => {
    it('reaches a fixed point: running it again changes nothing', () => {
      const text = paragraphs('天津出台优化执法方式实施方案', '年底前建立非现场监管程序规范', '本报讯 全年PM_{2.5}浓度下降,出动4500余人(次),生态文明建设 and 加强监管的', '工作取得实效。');
      const once = computeFixAll(text, defaultConfig());
      assert.equal(once.text, paragraphs('天津出台优化执法方式实施方案', '年底前建立非现场监管程序规范', '本报讯 全年PM2.5浓度下降，出动4500余人（次），生态文明建设和加强监管的工作取得实效。'));
      const twice = computeFixAll(once.text, defaultConfig());
      assert.equal(twice.text, once.text);
      assert.equal(twice.applied, 0);
    });

    it('applies only fixes marked safe and respects levels', () => {
      const text = paragraphs('河西区明确今年重点工作目标任务', '本报讯 全年**浓度下降,监管加强。');
      const config = defaultConfig();
      config.rules['halfwidth-punctuation'] = { level: 'off' };
      assert.equal(computeFixAll(text, config).text, text);
    });

    it('on the sample page changes exactly what the safe fixes target', () => {
      const text = readSample();
      const before = computeFindings(computeDocumentModel(text), { ...defaultConfig(), maxProblems: 0 }).findings;
      const fixable = before.filter((f) => f.fixes.some((x) => x.safe));
      const byCode = (code: string) => fixable.filter((f) => f.code === code).length;
      assert.deepEqual(
        ['broken-wrap', 'halfwidth-punctuation', 'ocr-markup', 'stray-latin'].map(byCode),
        [8, 269, 3, 1],
      );
      const result = computeFixAll(text, defaultConfig());
      const fixed = result.text;
      assert.equal(result.applied, fixable.length);
      assert.equal(computeFixAll(fixed, defaultConfig()).text, fixed, 'idempotent');

      // Nothing but the targeted marks, spaces and markup changed.
      assert.equal(normalize(fixed), normalize(text));
      // Each ASCII mark flagged became its full-width form, one for one; parentheses count twice.
      const flaggedMarks = before.filter((f) => f.code === 'halfwidth-punctuation').map((f) => text.slice(f.span.start, f.span.end));
      for (const [full, ascii] of Object.entries(FULL_TO_ASCII)) {
        const n = flaggedMarks.filter((m) => m === ascii || (m.length > 1 && (ascii === '(' || ascii === ')'))).length;
        assert.equal(count(fixed, full) - count(text, full), n, `${ascii} → ${full}`);
        assert.equal(count(text, ascii) - count(fixed, ascii), n, `${ascii} removed`);
      }
      // Eight joins remove eight blank-line gaps (two line breaks each) and nothing else.
      assert.equal(count(text, '\n') - count(fixed, '\n'), 16);
      assert.equal(fixed.length, text.length - 16 - 3 * 3 - 4);
      assert.ok(fixed.includes('PM2.5') && !fixed.includes('PM_{'));
      assert.ok(fixed.includes('生态文明建设和加强'));
      // The structure is the same page: articles, headlines, bylines, credits and section heads.
      const shape = (t: string) => computeDocumentModel(t).articles.map((a) => [a.headline?.text, a.bylines.map((b) => b.name), a.credits.map((c) => c.name), a.sections.map((x) => x.title)]);
      assert.deepEqual(shape(fixed), shape(text));
      // What is left for the editor: the orphan credit and the truncated ending.
      const after = computeFindings(computeDocumentModel(fixed), defaultConfig()).findings.map((f) => f.code);
      assert.deepEqual(after, ['orphan-credit', 'truncated-article']);
    });
  });
});
