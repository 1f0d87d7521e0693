/**
 * Front-matter over LSP, through the bundled server: the conversion code actions and the palette command's
 * server side (applied and compared as text), completion of keys and workspace values, hover on keys, and the
 * front-matter diagnostics.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, computeArticleConversion, computeConvertedText } from '../../server/src/core/convert';
import { computeDocumentModel } from '../../server/src/core/documentModel';
import { LineIndex } from '../../server/src/core/text';
import { LspClient } from '../support/lspClient';
import { joinLines } from '../support/text';

const SAMPLE = path.resolve(__dirname, '../fixtures/tianjin-environment-page.news');
const SAMPLE_TEXT = fs.readFileSync(SAMPLE, 'utf8');
const SAMPLE_URI = pathToFileURL(SAMPLE).href;

type LspEdit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };

function applyLspEdits(text: string, edits: LspEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, edits.map((e) => ({ span: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })));
}

const CAPABILITIES = {
  workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } },
  textDocument: { completion: { completionItem: { snippetSupport: false } }, hover: { contentFormat: ['markdown'] }, diagnostic: {} },
};

describe('language server over stdio: front-matter', () => {
  let client: LspClient;
  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(CAPABILITIES);
  });
  afterEach(async () => client?.shutdown());

  it('offers "Convert article to front-matter" on the article under the cursor; applying it converts that article', async () => {
    client.open(SAMPLE_URI, SAMPLE_TEXT);
    const range = { start: { line: 60, character: 2 }, end: { line: 60, character: 2 } };
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: SAMPLE_URI }, range, context: { diagnostics: [] } });
    const convert = actions.filter((a: { title: string }) => a.title === 'Convert article to front-matter');
    assert.equal(convert.length, 1);
    assert.equal(convert[0].kind, 'refactor.rewrite');
    const change = convert[0].edit.documentChanges[0];
    assert.deepEqual(change.textDocument, { uri: SAMPLE_URI, version: 1 });
    const model = computeDocumentModel(SAMPLE_TEXT);
    const expected = applyEdits(SAMPLE_TEXT, computeArticleConversion(model, model.articles[3])!.edits);
    const after = applyLspEdits(SAMPLE_TEXT, change.edits);
    assert.equal(after, expected);
    assert.ok(after.includes('---\nheadline: 蓟州区将添两大国家湿地公园\n'));
    assert.ok(!actions.some((a: { kind: string }) => a.kind === 'source.convertToFrontMatter'), 'the whole-document action waits for a source request');
  });

  it('lights the bulb only on the header and opener when asked automatically', async () => {
    client.open(SAMPLE_URI, SAMPLE_TEXT);
    const ask = (line: number) =>
      client.request('textDocument/codeAction', { textDocument: { uri: SAMPLE_URI }, range: { start: { line, character: 3 }, end: { line, character: 3 } }, context: { diagnostics: [], triggerKind: 2 } });
    assert.equal((await ask(60)).length, 1, 'on the headline');
    assert.equal((await ask(64)).length, 1, 'on 本报讯');
    assert.equal((await ask(66)).length, 0, 'in the body');
  });

  it('offers one action per article for a selection across articles, told apart by headline', async () => {
    client.open(SAMPLE_URI, SAMPLE_TEXT);
    const range = { start: { line: 30, character: 0 }, end: { line: 44, character: 0 } };
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: SAMPLE_URI }, range, context: { diagnostics: [], only: ['refactor'] } });
    assert.deepEqual(actions.map((a: { title: string }) => a.title), [
      'Convert article to front-matter: 天津明确市区两级生态环境领域事权和财权',
      'Convert article to front-matter: 天津出台优化执法方式实施方案',
    ]);
  });

  it('offers "Convert all articles to front-matter" as a source action', async () => {
    client.open(SAMPLE_URI, SAMPLE_TEXT);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // The Source Action menu also lists fix-all (source.fixAll.newsmark); this test is about the conversion.
    const all = await client.request('textDocument/codeAction', { textDocument: { uri: SAMPLE_URI }, range, context: { diagnostics: [], only: ['source'] } });
    const actions = all.filter((a: { kind: string }) => a.kind !== 'source.fixAll.newsmark');
    assert.deepEqual(actions.map((a: { title: string }) => a.title), ['Convert all articles to front-matter']);
    assert.equal(actions[0].kind, 'source.convertToFrontMatter');
    assert.equal(applyLspEdits(SAMPLE_TEXT, actions[0].edit.documentChanges[0].edits), computeConvertedText(computeDocumentModel(SAMPLE_TEXT)));
  });

  it('converts a whole document on workspace/executeCommand newsmark.server.convertDocument through workspace/applyEdit', async () => {
    let applied: { label: string; edit: { documentChanges: { edits: LspEdit[] }[] } } | null = null;
    client.handlers['workspace/applyEdit'] = (params) => {
      applied = params;
      return { applied: true };
    };
    client.open(SAMPLE_URI, SAMPLE_TEXT);
    const result = await client.request('workspace/executeCommand', { command: 'newsmark.server.convertDocument', arguments: [SAMPLE_URI] });
    assert.deepEqual(result, { converted: 7, applied: true });
    assert.ok(applied);
    const edit = (applied as { edit: { documentChanges: { edits: LspEdit[] }[] } }).edit;
    assert.equal(applyLspEdits(SAMPLE_TEXT, edit.documentChanges[0].edits), computeConvertedText(computeDocumentModel(SAMPLE_TEXT)));
    const none = await client.request('workspace/executeCommand', { command: 'newsmark.server.convertDocument', arguments: ['file:///not-open.news'] });
    assert.equal(none.converted, 0);
  });

  it('completes keys not yet in the block, and names, roles and places seen in open documents', async () => {
    client.open(SAMPLE_URI, SAMPLE_TEXT);
    const uri = 'file:///draft.news';
    const text = joinLines('---', 'headline: 新稿', '', 'bylines:', '  - name: 郭', '    role: ', 'dateline:', '  place: ', '---', '', '正文。');
    client.open(uri, text);
    const keys = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    const labels = keys.map((k: { label: string }) => k.label);
    assert.ok(labels.includes('subheadlines') && labels.includes('kicker'));
    assert.ok(!labels.includes('headline') && !labels.includes('bylines'), 'keys already present are not offered again');
    const names = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 11 } });
    assert.deepEqual(names.map((k: { label: string }) => k.label), ['郭文生']);
    assert.deepEqual(names[0].textEdit.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 11 } });
    const roles = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 10 } });
    assert.ok(roles.map((k: { label: string }) => k.label).includes('本报见习记者'), 'a role from the sample page');
    const places = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 9 } });
    assert.deepEqual(places.map((k: { label: string }) => k.label), ['天津']);
    const nested = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 0 } });
    assert.ok(nested.map((k: { label: string }) => k.label).includes('dateline') === false);
    const outside = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 1 } });
    assert.deepEqual(outside, []);
  });

  it('completes names found in the .news files of the workspace folders', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ws-'));
    try {
      fs.mkdirSync(path.join(root, 'archive'));
      fs.writeFileSync(path.join(root, 'archive', 'old.news'), '旧稿标题\n\n本报记者欧阳明 通讯员柏青天津报道 正文。\n');
      const ws = new LspClient();
      try {
        ws.handlers['workspace/workspaceFolders'] = () => [{ uri: pathToFileURL(root).href, name: 'ws' }];
        await ws.initialize({ ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, workspaceFolders: true } });
        const uri = 'file:///draft.news';
        ws.open(uri, joinLines('---', 'headline: 新稿', 'bylines:', '  - name: 欧', '---', '', '正文。'));
        const names = await ws.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 11 } });
        assert.deepEqual(names.map((k: { label: string }) => k.label), ['欧阳明']);
      } finally {
        await ws.shutdown();
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('explains a key on hover', async () => {
    const uri = 'file:///hover.news';
    client.open(uri, joinLines('---', 'headline: 新稿', 'subheadlines:', '  - 副题', '---', '', '正文。'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.match(hover.contents.value, /\*\*subheadlines\*\*/);
    assert.match(hover.contents.value, /alternativeHeadline/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 0 } }), null);
  });

  it('pulls front-matter diagnostics with code front-matter', async () => {
    const uri = 'file:///bad.news';
    client.open(uri, joinLines('---', 'headline: 新稿', 'byline:', '  - name: 金文', '---', '', '正文。'));
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const fm = report.items.filter((d: { code: string }) => d.code === 'front-matter');
    assert.equal(fm.length, 1);
    assert.match(fm[0].message, /did you mean "bylines"/);
    assert.deepEqual(fm[0].range.start, { line: 2, character: 0 });
  });
});
