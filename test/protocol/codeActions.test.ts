/** Quick fixes, fix-all and configuration over the protocol, against the bundled server. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../../server/src/core/text';
import { LspClient } from '../support/lspClient';
import { paragraphs, readSample } from '../support/text';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const STORY = paragraphs('天津出台优化执法方式实施方案', '年底前建立非现场监管程序规范', '本报讯 全年PM_{2.5}浓度下降,生态文明建设 and 加强监管的', '工作取得实效。', '金文') + '\n';

/** Applies LSP text edits (ranges in UTF-16 positions) to a text. */
function applyLspEdits(text: string, edits: Json[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText as string }));
  spans.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

const CAPABILITIES = { textDocument: { diagnostic: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } }, workspace: { configuration: true } };

describe('language server over stdio: fixes and configuration', () => {
  let client: LspClient;
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-lsp-'));
  });
  afterEach(async () => {
    await client?.shutdown();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function start(text: string, settings: Json = null, rc?: string): Promise<string> {
    if (rc !== undefined) fs.writeFileSync(path.join(tmp, '.newsmarkrc.json'), rc);
    const file = path.join(tmp, 'story.news');
    fs.writeFileSync(file, text);
    client = new LspClient();
    client.settings = { newsmark: settings };
    const init = await client.initialize(CAPABILITIES, pathToFileURL(tmp).href);
    assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes('source.fixAll.newsmark'));
    const uri = pathToFileURL(file).href;
    client.open(uri, text);
    return uri;
  }

  const diagnostics = async (uri: string): Promise<Json[]> => (await client.request('textDocument/diagnostic', { textDocument: { uri } })).items;

  it('offers each finding its quick fix with the diagnostic attached; applying it changes only its target', async () => {
    const uri = await start(STORY);
    const items = await diagnostics(uri);
    const stray = items.find((d: Json) => d.code === 'stray-latin');
    assert.equal(stray.codeDescription.href.endsWith('docs/rules.md#stray-latin'), true);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: stray.range, context: { diagnostics: [stray], only: ['quickfix'] } });
    const fix = actions.find((a: Json) => a.diagnostics?.[0]?.code === 'stray-latin');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.title, 'Replace "and" with "和"');
    assert.equal(applyLspEdits(STORY, fix.edit.changes[uri]), STORY.replace(' and ', '和'));
    assert.ok(actions.every((a: Json) => a.kind === 'quickfix'), 'fix-all is not offered unasked');
  });

  it('answers the diagnostics the client sends; an automatic request without them gets no quick fix', async () => {
    const uri = await start(STORY);
    const line5 = { start: { line: 4, character: 0 }, end: { line: 4, character: 40 } };
    const quick = (actions: Json[]) => actions.filter((a) => a.kind === 'quickfix');
    const automatic = await client.request('textDocument/codeAction', { textDocument: { uri }, range: line5, context: { diagnostics: [], triggerKind: 2 } });
    assert.deepEqual(quick(automatic), []);
    const invoked = quick(await client.request('textDocument/codeAction', { textDocument: { uri }, range: line5, context: { diagnostics: [], triggerKind: 1 } }));
    assert.deepEqual(invoked.map((a: Json) => a.diagnostics[0].code).sort(), ['broken-wrap', 'halfwidth-punctuation', 'ocr-markup', 'stray-latin']);
    const comma = (await diagnostics(uri)).filter((d: Json) => d.code === 'halfwidth-punctuation');
    const one = quick(await client.request('textDocument/codeAction', { textDocument: { uri }, range: line5, context: { diagnostics: comma, triggerKind: 2 } }));
    assert.deepEqual(one.map((a: Json) => a.title), ['Replace "," with "，"']);
  });

  it('the broken-wrap quick fix joins the paragraphs', async () => {
    const uri = await start(STORY);
    const wrap = (await diagnostics(uri)).find((d: Json) => d.code === 'broken-wrap');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: wrap.range, context: { diagnostics: [wrap] } });
    const join = actions.find((a: Json) => a.diagnostics?.[0]?.code === 'broken-wrap');
    assert.equal(applyLspEdits(STORY, join.edit.changes[uri]), STORY.replace('加强监管的\n\n工作', '加强监管的工作'));
  });

  it('source.fixAll.newsmark applies every safe fix in one edit, as codeActionsOnSave asks', async () => {
    const text = readSample();
    const uri = await start(text);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.newsmark');
    const edits = actions[0].edit.changes[uri];
    assert.equal(edits.length, 1);
    const fixed = applyLspEdits(text, edits);
    assert.ok(fixed.includes('PM2.5') && fixed.includes('建设和加强') && !fixed.includes('学习,'));
    // Opening the fixed text and asking again gives nothing to do.
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const again = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.newsmark'] } });
    assert.deepEqual(again, []);
    assert.deepEqual((await diagnostics(uri)).map((d: Json) => d.code), ['orphan-credit', 'truncated-article']);
  });

  it('reads levels from .newsmarkrc.json, and newsmark.rules.<code> settings override it', async () => {
    const rc = JSON.stringify({ rules: { 'halfwidth-punctuation': 'error', 'stray-latin': 'off', 'ocr-markup': 'hint' } });
    const uri = await start(STORY, { rules: { 'ocr-markup': 'off', 'stray-latin': 'default', 'broken-wrap': 'information' } }, rc);
    const items = await diagnostics(uri);
    const severities = Object.fromEntries(items.map((d: Json) => [d.code, d.severity]));
    assert.deepEqual(severities, { 'broken-wrap': 3, 'halfwidth-punctuation': 1 });
  });

  it('a broken .newsmarkrc.json gives a clear message and the defaults, and the server stays up', async () => {
    const uri = await start(STORY, null, '{ "rules": { "broken-wrap": ');
    const items = await diagnostics(uri);
    assert.ok(items.some((d: Json) => d.code === 'broken-wrap' && d.severity === 2), 'defaults apply');
    const log = await client.waitFor((n) => n.method === 'window/logMessage' && /newsmarkrc\.json: not valid JSON/.test(n.params.message));
    assert.match(log.params.message, /\.newsmarkrc\.json: not valid JSON/);
    assert.equal(client.exitCode, null);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
  });

  it('an unknown rule and a bad level in the file are reported; the rest of the file applies', async () => {
    const uri = await start(STORY, null, JSON.stringify({ rules: { 'no-such-rule': 'error', 'broken-wrap': 'loud', 'ocr-markup': 'error' } }));
    const items = await diagnostics(uri);
    const severities = Object.fromEntries(items.map((d: Json) => [d.code, d.severity]));
    assert.equal(severities['ocr-markup'], 1);
    assert.equal(severities['broken-wrap'], 2);
    await client.waitFor((n) => n.method === 'window/logMessage' && /unknown rule "no-such-rule"/.test(n.params.message));
    await client.waitFor((n) => n.method === 'window/logMessage' && /rules\.broken-wrap must be a level/.test(n.params.message));
  });
});
