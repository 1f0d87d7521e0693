/**
 * The server never dies on what a client or a document sends it: malformed requests and notifications,
 * unknown methods and URIs, positions out of range, edits racing requests, cancellations, and a rule that
 * throws. After each, the server must still answer documentSymbol with the right outline.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOSTILE_CASES } from '../../bench/hostile';
import { computeDocumentModel } from '../../server/src/core/documentModel';
import { getDocumentSymbols, limitSymbols } from '../../server/src/features/documentSymbols';
import { DEFAULT_MAX_ITEMS_COMPUTED } from '../../server/src/settings';
import { frameBytes } from '../support/frames';
import { LspClient } from '../support/lspClient';
import { SAMPLE_PATH } from '../support/text';

const SAMPLE = fs.readFileSync(SAMPLE_PATH, 'utf8');
const URI = pathToFileURL(SAMPLE_PATH).href;
const CAPABILITIES = { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, diagnostic: {} } };

type Symbols = { name: string; kind: number; children: unknown[] }[];

/** The server answers documentSymbol for `uri` with the outline of `text`. */
async function assertAlive(client: LspClient, uri = URI, text = SAMPLE): Promise<void> {
  const symbols = await client.request<Symbols>('textDocument/documentSymbol', { textDocument: { uri } });
  // The outline a fresh reading gives, within the default limit of newsmark.maxItemsComputed.
  const expected = limitSymbols(getDocumentSymbols(computeDocumentModel(text)).map((s) => [s]), DEFAULT_MAX_ITEMS_COMPUTED).symbols;
  assert.deepEqual(JSON.parse(JSON.stringify(symbols)), JSON.parse(JSON.stringify(expected)));
  assert.equal(client.exitCode, null, 'the server process is still running');
}

/** Settles a request either way; the point is that it is answered, not how. */
async function answered(p: Promise<unknown>): Promise<{ result?: unknown; code?: number }> {
  try {
    return { result: await p };
  } catch (e) {
    return { code: (e as { code?: number }).code };
  }
}

describe('language server over stdio: resilience', function () {
  this.timeout(30000);
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(CAPABILITIES);
    client.open(URI, SAMPLE);
    await assertAlive(client);
  });
  afterEach(async () => client.shutdown());

  it('answers malformed request params with an answer (result or error), and stays up', async () => {
    const bad: [string, unknown][] = [
      ['textDocument/documentSymbol', null],
      ['textDocument/documentSymbol', {}],
      ['textDocument/documentSymbol', { textDocument: 5 }],
      ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
      ['textDocument/hover', { textDocument: { uri: URI }, position: 'top' }],
      ['textDocument/hover', { textDocument: { uri: URI } }],
      ['textDocument/codeAction', { textDocument: { uri: URI } }],
      ['textDocument/codeAction', { textDocument: { uri: URI }, range: null, context: { diagnostics: 'none' } }],
      ['textDocument/diagnostic', null],
      ['textDocument/diagnostic', { textDocument: {} }],
      ['workspace/executeCommand', { command: 42 }],
    ];
    for (const [method, params] of bad) {
      const r = await answered(client.request(method, params));
      assert.ok('result' in r || typeof r.code === 'number', `${method} ${JSON.stringify(params)} is answered`);
    }
    await assertAlive(client);
  });

  it('survives malformed notifications and messages that are not JSON', async () => {
    client.notify('textDocument/didOpen', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///x.news' } });
    client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: 'everything' });
    client.notify('textDocument/didClose', null);
    client.notify('workspace/didChangeConfiguration', null);
    client.notify('workspace/didChangeWatchedFiles', { changes: 'all' });
    client.writeRaw(frameBytes('{"jsonrpc":"2.0","id":999,"method":'));
    await assertAlive(client);
  });

  it('answers an unknown method with MethodNotFound and ignores an unknown notification', async () => {
    const r = await answered(client.request('newsmark/noSuchMethod', {}));
    assert.equal(r.code, -32601);
    client.notify('newsmark/noSuchNotification', { x: 1 });
    client.notify('$/noSuchProtocolNotification', null);
    await assertAlive(client);
  });

  it('answers requests for unknown URIs with empty results', async () => {
    for (const uri of ['file:///nowhere.news', 'untitled:Untitled-9', 'vscode-vfs://github/x/y.news', 'not a uri', '']) {
      const td = { uri };
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: td }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: td, position: { line: 0, character: 0 } }), null);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: td, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
      const d = await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: td });
      assert.deepEqual(d.items, []);
    }
    client.notify('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.news' } });
    client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.news', version: 3 }, contentChanges: [{ text: 'x' }] });
    await assertAlive(client);
  });

  it('answers positions and ranges out of range', async () => {
    const positions = [
      { line: -1, character: 0 },
      { line: 0, character: -7 },
      { line: 1_000_000, character: 0 },
      { line: 10, character: 1_000_000 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ];
    for (const position of positions) {
      const r = await answered(client.request('textDocument/hover', { textDocument: { uri: URI }, position }));
      assert.ok(!('code' in r) || r.code !== undefined);
      const range = { start: position, end: { line: 0, character: 0 } };
      const a = await answered(client.request('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [] } }));
      assert.ok('result' in a || typeof a.code === 'number');
    }
    // An edit whose range lies past the end is clamped by the document, as the protocol's text sync does.
    const tail = '\n\n本报讯 追加的一段。\n';
    client.notify('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 999999, character: 5 }, end: { line: 999999, character: 9 } }, text: tail }],
    });
    await assertAlive(client, URI, SAMPLE + tail);
  });

  it('keeps up with edits racing requests, and answers for the last version', async () => {
    const uri = 'untitled:race.news';
    let text = '标题在这里\n\n本报讯 正文第一段。\n';
    client.open(uri, text);
    const pending: Promise<unknown>[] = [];
    for (let v = 2; v <= 60; v++) {
      const insert = v % 3 === 0 ? `\n\n第${v}段标题\n\n本报记者张三报道 第${v}段正文，𠮷野家。\r\n` : `补充${v}，`;
      const at = v % 2 === 0 ? text.length : 0;
      const lines = text.slice(0, at).split(/\r\n|\r|\n/);
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: position, end: position }, text: insert }] });
      text = text.slice(0, at) + insert + text.slice(at);
      pending.push(answered(client.request('textDocument/documentSymbol', { textDocument: { uri } })));
      pending.push(answered(client.request('textDocument/diagnostic', { textDocument: { uri } })));
      pending.push(answered(client.request('textDocument/hover', { textDocument: { uri }, position: { line: v, character: 3 } })));
    }
    const results = await Promise.all(pending);
    assert.equal(results.length, 59 * 3);
    await assertAlive(client, uri, text);
    await assertAlive(client);
  });

  it('answers outline, diagnostics and hover for every hostile document of the benchmark (small versions)', async () => {
    for (const c of HOSTILE_CASES) {
      const uri = `untitled:${c.name}.news`;
      const text = c.make(0.01);
      client.open(uri, text);
      const d = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(d.kind, 'full', c.name);
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await assertAlive(client, uri, text);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
    assert.ok(!client.stderr.join('').includes('FATAL'), 'no fatal error on stderr');
  });

  it('answers a cancelled request with its result or RequestCancelled, and stays up', async () => {
    const big = SAMPLE.repeat(40);
    const uri = 'untitled:big.news';
    client.open(uri, big);
    const outcomes: { result?: unknown; code?: number }[] = [];
    for (const method of ['textDocument/documentSymbol', 'textDocument/diagnostic', 'textDocument/documentSymbol']) {
      const { id, response } = client.requestWithId(method, { textDocument: { uri } });
      client.notify('$/cancelRequest', { id });
      outcomes.push(await answered(response));
    }
    for (const o of outcomes) assert.ok('result' in o || o.code === -32800, `answered: ${JSON.stringify(o).slice(0, 80)}`);
    client.notify('$/cancelRequest', { id: 123456 });
    client.notify('$/cancelRequest', { id: 'no such request' });
    await assertAlive(client, uri, big);
  });
});

describe('language server over stdio: a rule that throws', function () {
  this.timeout(30000);
  let client: LspClient;
  afterEach(async () => client.shutdown());

  it('is logged, the other rules still report, and the document still has an outline', async () => {
    // The real server with a faulty rule injected into its registry from outside (test/support/faultyServer.ts).
    client = new LspClient(path.resolve(__dirname, '../support/faultyServer.ts'), ['--require', require.resolve('tsx/cjs')]);
    await client.initialize(CAPABILITIES);
    // An untitled short news item at the end: the faulty rule assumes every article has a headline.
    const text = SAMPLE + '\n\n本报讯 一则没有标题的简讯。\n';
    const uri = 'untitled:faulty.news';
    client.open(uri, text);
    const report = await client.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const codes = report.items.map((d) => d.code);
    assert.ok(codes.includes('orphan-credit'), `the other rules still report: ${codes.join(', ')}`);
    assert.ok(!codes.includes('faulty-headline-length'));
    const logged = await client.waitFor((n) => n.method === 'window/logMessage' && /rule faulty-headline-length failed on untitled:faulty\.news/.test(n.params.message));
    assert.equal(logged.params.type, 1, 'logged as an error');
    await assertAlive(client, uri, text);
  });
});
