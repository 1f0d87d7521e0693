/**
 * The editor features over stdio, on the sample page: folding, selection ranges, semantic tokens, workspace
 * symbols, code lens, hover on a byline, incremental edits, the problem cap with refresh, the display
 * language, and Newsmark's own requests.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultConfig } from '../../server/src/core/config';
import { computeDocumentModel } from '../../server/src/core/documentModel';
import { computeFindings } from '../../server/src/core/findings';
import { CheckFileRequest, DocumentStatusRequest } from '../../server/src/protocol';
import { LspClient } from '../support/lspClient';

const SAMPLE = path.resolve(__dirname, '../fixtures/tianjin-environment-page.news');
const SAMPLE_URI = pathToFileURL(SAMPLE).href;
const SAMPLE_TEXT = fs.readFileSync(SAMPLE, 'utf8');
/** 1-based first lines of the seven articles. */
const ARTICLE_LINES = [3, 29, 43, 61, 77, 99, 137];

/** The findings the core reports on a text with the default configuration (the proofreading rules included). */
function coreFindings(text: string) {
  return computeFindings(computeDocumentModel(text), { ...defaultConfig(), maxProblems: 0 }).findings;
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Decodes LSP semantic tokens (relative line/character deltas) to absolute 0-based positions and type names. */
function decodeTokens(data: number[], legend: string[]): { line: number; character: number; length: number; type: string }[] {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2], type: legend[data[i + 3]] });
  }
  return out;
}

describe('language server over stdio: editor features', () => {
  let client: LspClient;
  afterEach(async () => client?.shutdown());

  async function startWithSample(capabilities: Json = {}, extra: Json = {}): Promise<Json> {
    client = new LspClient();
    const init = await client.initialize(capabilities, pathToFileURL(path.dirname(SAMPLE)).href, extra);
    client.open(SAMPLE_URI, SAMPLE_TEXT);
    return init;
  }

  it('folds each article, section and the photo (0-based lines)', async () => {
    const init = await startWithSample();
    assert.equal(init.capabilities.foldingRangeProvider, true);
    const ranges: Json[] = await client.request('textDocument/foldingRange', { textDocument: { uri: SAMPLE_URI } });
    const pairs = ranges.map((r) => [r.startLine, r.endLine]);
    for (const pair of [
      [2, 26],
      [28, 40],
      [42, 58],
      [60, 74],
      [76, 90],
      [94, 96],
      [98, 134],
      [106, 110],
      [112, 122],
      [124, 134],
      [136, 144],
    ]) {
      assert.ok(pairs.some((p) => p[0] === pair[0] && p[1] === pair[1]), `folding ${pair} in ${JSON.stringify(pairs)}`);
    }
    assert.equal(ranges.length, 11);
  });

  it('answers nested selection ranges: paragraph, section, article, document', async () => {
    await startWithSample();
    const [lede, sectioned]: Json[] = await client.request('textDocument/selectionRange', {
      textDocument: { uri: SAMPLE_URI },
      positions: [
        { line: 10, character: 30 },
        { line: 108, character: 10 },
      ],
    });
    const chain = (r: Json) => {
      const out = [];
      for (let x = r; x; x = x.parent) out.push(x.range);
      return out;
    };
    const inside = (a: Json, b: Json) =>
      (a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character)) &&
      (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.character <= b.end.character));
    for (const c of [chain(lede), chain(sectioned)]) for (let i = 1; i < c.length; i++) assert.ok(inside(c[i - 1], c[i]), JSON.stringify(c));
    assert.deepEqual(chain(sectioned).map((r: Json) => [r.start.line, r.end.line]), [
      [108, 108],
      [106, 110],
      [98, 134],
      [0, 144],
    ]);
    const ledeChain = chain(lede);
    assert.equal(ledeChain.length, 4);
    assert.deepEqual([ledeChain[2].start.line, ledeChain[2].end.line], [2, 26], 'the first article');
  });

  it('answers semantic tokens that decode to the headline lines, in full and for a range', async () => {
    const init = await startWithSample();
    const legend: string[] = init.capabilities.semanticTokensProvider.legend.tokenTypes;
    assert.deepEqual(legend, ['headline', 'subheadline', 'kicker', 'byline', 'dateline', 'credit', 'figure']);
    const full = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: SAMPLE_URI } });
    const tokens = decodeTokens(full.data, legend);
    const headlines = tokens.filter((t) => t.type === 'headline');
    assert.deepEqual(headlines.map((t) => t.line + 1), ARTICLE_LINES);
    const lines = SAMPLE_TEXT.split('\n');
    for (const t of headlines) assert.equal(t.character, 0);
    assert.equal(lines[headlines[1].line].slice(headlines[1].character, headlines[1].character + headlines[1].length), '天津明确市区两级生态环境领域事权和财权');
    const figures = tokens.filter((t) => t.type === 'figure').map((t) => [t.line + 1, lines[t.line].slice(t.character, t.character + t.length)]);
    assert.ok(figures.some(([l, text]) => l === 67 && text === '700公顷'), JSON.stringify(figures.slice(0, 20)));
    const byline = tokens.find((t) => t.type === 'byline')!;
    assert.equal(lines[byline.line].slice(byline.character, byline.character + byline.length), '本报记者郭文生');
    const range = await client.request('textDocument/semanticTokens/range', {
      textDocument: { uri: SAMPLE_URI },
      range: { start: { line: 28, character: 0 }, end: { line: 41, character: 0 } },
    });
    const inRange = decodeTokens(range.data, legend);
    assert.ok(inRange.length > 0 && inRange.every((t) => t.line >= 28 && t.line <= 40), JSON.stringify(inRange));
    assert.deepEqual(inRange.filter((t) => t.type === 'headline').map((t) => t.line + 1), [29]);
  });

  it('finds 郭文生\'s articles across the workspace, from disk and from the open document', async () => {
    client = new LspClient();
    const init = await client.initialize({}, pathToFileURL(path.dirname(SAMPLE)).href);
    assert.equal(init.capabilities.workspaceSymbolProvider, true);
    // Not open: read from disk.
    const fromDisk: Json[] = await client.request('workspace/symbol', { query: '郭文生' });
    const sample = fromDisk.filter((s) => s.location.uri === SAMPLE_URI);
    assert.deepEqual(sample.map((s) => s.containerName), ['天津市生态环境局党组理论学习中心组开展党史专题学习研讨', '天津明确市区两级生态环境领域事权和财权', '南开区扎实推进生态环境质量持续改善']);
    assert.deepEqual(sample.map((s) => s.location.range.start.line + 1), [11, 33, 103]);
    assert.ok(sample.every((s) => s.name === '郭文生'));
    // Open and edited: the editor's text wins over the file on disk.
    client.open(SAMPLE_URI, SAMPLE_TEXT.replace('◆郭文生 任效良', '◆任效良'));
    const fromEditor: Json[] = await client.request('workspace/symbol', { query: '郭文生' });
    assert.equal(fromEditor.filter((s) => s.location.uri === SAMPLE_URI).length, 2);
    const byHeadline: Json[] = await client.request('workspace/symbol', { query: '湿地公园' });
    assert.deepEqual(byHeadline.filter((s) => s.location.uri === SAMPLE_URI).map((s) => [s.name, s.location.range.start.line + 1]), [['蓟州区将添两大国家湿地公园', 61]]);
  });

  it('reads the *.news files of a workspace folder added after start', async () => {
    client = new LspClient();
    const init = await client.initialize({ workspace: { workspaceFolders: true } }, null, { workspaceFolders: [] });
    assert.equal(init.capabilities.workspace.workspaceFolders.changeNotifications, true);
    assert.deepEqual(await client.request('workspace/symbol', { query: '郭文生' }), []);
    const folder = { uri: pathToFileURL(path.dirname(SAMPLE)).href, name: 'fixtures' };
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    const found: Json[] = await client.request('workspace/symbol', { query: '郭文生' });
    assert.equal(found.filter((s) => s.location.uri === SAMPLE_URI).length, 3);
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    assert.deepEqual(await client.request('workspace/symbol', { query: '郭文生' }), []);
  });

  it('puts a code lens with length and findings on each article\'s headline', async () => {
    await startWithSample();
    const lenses: Json[] = await client.request('textDocument/codeLens', { textDocument: { uri: SAMPLE_URI } });
    const lines = [...new Set(lenses.map((l) => l.range.start.line + 1))];
    assert.deepEqual(lines, ARTICLE_LINES);
    assert.equal(lenses.length, ARTICLE_LINES.length * 3, 'length, figures and findings on each');
    const onNankai = lenses.filter((l) => l.range.start.line === 98).map((l) => l.command.title);
    assert.match(onNankai[0], /^[\d,]+ characters$/);
    assert.match(onNankai[1], /^\d+ figures$/);
    assert.ok(Number(onNankai[1].split(' ')[0]) >= 10, 'the sectioned article is full of figures');
    const nankai = computeDocumentModel(SAMPLE_TEXT).articles[5].span;
    const inNankai = coreFindings(SAMPLE_TEXT).filter((f) => f.span.start >= nankai.start && f.span.start < nankai.end);
    assert.ok(inNankai.some((f) => f.code === 'orphan-credit'), 'the orphan credit on line 111 is among them');
    assert.equal(onNankai[2], `${inNankai.length} findings`);
    assert.equal(lenses.find((l) => l.range.start.line === 2).command.title.endsWith('characters'), true);
  });

  it('hovers on a byline with its role and name, in the display language', async () => {
    await startWithSample({}, { locale: 'zh-cn' });
    const hover = await client.request('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: 10, character: 5 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*署名\*\* `本报记者郭文生`/);
    assert.match(hover.contents.value, /身份: `本报记者`/);
    assert.deepEqual(hover.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 7 } });
    const none = await client.request('textDocument/hover', { textDocument: { uri: SAMPLE_URI }, position: { line: 12, character: 5 } });
    assert.equal(none, null);
  });

  it('keeps the outline right through incremental edits', async () => {
    await startWithSample({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
    // Insert two lines at the top, then rename the second article's headline in place.
    client.notify('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<!-- 版面：生态环境 -->\n\n' }],
    });
    client.notify('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version: 3 },
      contentChanges: [{ range: { start: { line: 30, character: 2 }, end: { line: 30, character: 19 } }, text: '划定生态环境事权' }],
    });
    const symbols: Json[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    const articles = symbols.filter((s) => s.kind === 2);
    assert.deepEqual(articles.map((s) => s.selectionRange.start.line + 1), ARTICLE_LINES.map((l) => l + 2));
    assert.equal(articles[1].name, '天津划定生态环境事权');
    // Delete the whole first article (its lines 3–28 are now 5–30) and check the rest move up.
    client.notify('textDocument/didChange', {
      textDocument: { uri: SAMPLE_URI, version: 4 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 30, character: 0 } }, text: '' }],
    });
    const after: Json[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: SAMPLE_URI } });
    assert.deepEqual(after.filter((s) => s.kind === 2).map((s: Json) => s.name)[0], '天津划定生态环境事权');
    assert.equal(after.filter((s) => s.kind === 2).length, 6);
  });

  it('caps problems per file with newsmark.maxNumberOfProblems, refreshed when settings change (push)', async () => {
    client = new LspClient();
    await client.initialize({ workspace: { configuration: true } });
    const uri = 'file:///tmp/newsmark-cap-test.news';
    client.open(uri, `${SAMPLE_TEXT}\n\n${SAMPLE_TEXT}`);
    const first = await client.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    assert.equal(first.params.diagnostics.length, coreFindings(`${SAMPLE_TEXT}\n\n${SAMPLE_TEXT}`).length, 'every finding on both copies of the page');
    assert.equal(first.params.diagnostics.filter((d: Json) => d.code === 'orphan-credit').length, 2, 'the orphan credit on each copy of the page');
    const seen = client.notifications.length;
    client.settings = { newsmark: { maxNumberOfProblems: 1 } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const again = await client.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && client.notifications.indexOf(n) >= seen);
    assert.equal(again.params.diagnostics.length, 1);
  });

  it('asks a pull client to refresh diagnostics when settings change, and pulls the capped list', async () => {
    client = new LspClient();
    await client.initialize({ workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } });
    const uri = 'file:///tmp/newsmark-pull-test.news';
    client.open(uri, `${SAMPLE_TEXT}\n\n${SAMPLE_TEXT}`);
    const before = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(before.items.length, coreFindings(`${SAMPLE_TEXT}\n\n${SAMPLE_TEXT}`).length);
    client.settings = { newsmark: { maxNumberOfProblems: 1 } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForRequest((r) => r.method === 'workspace/diagnostic/refresh');
    const after = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(after.items.length, 1);
    const status = await client.request(DocumentStatusRequest.method, { uri });
    assert.deepEqual([status.findings.total, status.omitted], [1, before.items.length - 1], 'the status bar says how many were left out');
  });

  it('limits the outline with newsmark.maxItemsComputed, keeping every headline, and says so in the status', async () => {
    client = new LspClient();
    await client.initialize({ workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
    const uri = 'file:///tmp/newsmark-outline-limit.news';
    client.open(uri, `${SAMPLE_TEXT}\n\n${SAMPLE_TEXT}`);
    const count = (list: Json[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    const full: Json[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal((await client.request(DocumentStatusRequest.method, { uri })).outlineLeftOut, 0);
    client.settings = { newsmark: { maxItemsComputed: full.length + 2 } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const limited: Json[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(limited.map((s) => s.name), full.map((s) => s.name), 'every article and photo keeps its node');
    assert.ok(count(limited) <= full.length + 2);
    const status = await client.request(DocumentStatusRequest.method, { uri });
    assert.equal(status.outlineLeftOut, count(full) - count(limited));
    assert.ok(status.outlineLeftOut > 0);
  });

  it('writes findings in the client\'s display language unless .newsmarkrc.json names one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-locale-'));
    try {
      const file = path.join(dir, 'page.news');
      fs.writeFileSync(file, SAMPLE_TEXT);
      const uri = pathToFileURL(file).href;
      const orphanMessage = async () => {
        const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
        return report.items.find((d: Json) => d.code === 'orphan-credit').message as string;
      };
      client = new LspClient();
      await client.initialize({ textDocument: { diagnostic: {} } }, pathToFileURL(dir).href, { locale: 'zh-cn' });
      client.open(uri, SAMPLE_TEXT);
      const chinese = await orphanMessage();
      assert.ok(/[\u4e00-\u9fff]/.test(chinese.replace(/“[^”]*”|"[^"]*"/g, '')), chinese);
      await client.shutdown();

      fs.writeFileSync(path.join(dir, '.newsmarkrc.json'), '{"locale": "en"}');
      client = new LspClient();
      await client.initialize({ textDocument: { diagnostic: {} } }, pathToFileURL(dir).href, { locale: 'zh-cn' });
      client.open(uri, SAMPLE_TEXT);
      assert.match(await orphanMessage(), /^Credit line/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers the status bar request and checks files on disk for the workspace check', async () => {
    await startWithSample();
    const status = await client.request(DocumentStatusRequest.method, { uri: SAMPLE_URI });
    const found = coreFindings(SAMPLE_TEXT);
    const count = (severity: string) => found.filter((f) => f.severity === severity).length;
    assert.deepEqual(status, { articles: 7, photos: 1, findings: { total: found.length, errors: 0, warnings: count('warning'), information: count('information'), hints: 0 }, omitted: 0, outlineLeftOut: 0 });
    assert.equal(await client.request(DocumentStatusRequest.method, { uri: 'file:///not-open.news' }), null);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-check-'));
    try {
      const page = path.join(dir, '天津 版面.news');
      fs.writeFileSync(page, `${SAMPLE_TEXT}\n\n${SAMPLE_TEXT}`);
      const checked = await client.request(CheckFileRequest.method, { uri: pathToFileURL(page).href });
      assert.equal(checked.error, null);
      assert.equal(checked.status.articles, 14);
      assert.deepEqual(checked.diagnostics.filter((d: Json) => d.code === 'orphan-credit').map((d: Json) => d.range.start.line), [110, 110 + SAMPLE_TEXT.split('\n').length + 1]);
      assert.equal(checked.diagnostics.length, coreFindings(`${SAMPLE_TEXT}\n\n${SAMPLE_TEXT}`).length);
      const bad = path.join(dir, 'bad.news');
      fs.writeFileSync(bad, Buffer.from([0x41, 0xff, 0xfe]));
      const failed = await client.request(CheckFileRequest.method, { uri: pathToFileURL(bad).href });
      assert.match(failed.error, /not valid UTF-8/);
      assert.deepEqual(failed.diagnostics, []);
      const missing = await client.request(CheckFileRequest.method, { uri: pathToFileURL(path.join(dir, 'gone.news')).href });
      assert.match(missing.error, /no such file/);
      assert.equal(client.exitCode, null, 'the server is still up');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
