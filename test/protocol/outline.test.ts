import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

const SAMPLE = path.resolve(__dirname, '../fixtures/tianjin-environment-page.news');

describe('language server over stdio: outline', () => {
  let client: LspClient;
  afterEach(async () => client?.shutdown());

  it('answers hierarchical document symbols for the sample page', async () => {
    client = new LspClient();
    const init = await client.initialize({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
    assert.ok(init.capabilities.documentSymbolProvider);
    const uri = pathToFileURL(SAMPLE).href;
    client.open(uri, fs.readFileSync(SAMPLE, 'utf8'));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const articles = symbols.filter((s: { kind: number }) => s.kind === 2);
    assert.deepEqual(
      articles.map((s: { selectionRange: { start: { line: number } } }) => s.selectionRange.start.line + 1),
      [3, 29, 43, 61, 77, 99, 137],
    );
    const first = articles[0];
    assert.equal(first.name, '天津市生态环境局党组理论学习中心组开展党史专题学习研讨');
    assert.deepEqual(
      first.children.filter((c: { kind: number }) => c.kind === 9).map((c: { name: string }) => c.name),
      ['郭文生', '任效良'],
    );
  });

  it('pushes diagnostics to a client without pull support', async () => {
    client = new LspClient();
    await client.initialize({});
    const uri = pathToFileURL(SAMPLE).href;
    client.open(uri, fs.readFileSync(SAMPLE, 'utf8'));
    const n = await client.waitFor((x) => x.method === 'textDocument/publishDiagnostics' && x.params.uri === uri);
    const orphan = n.params.diagnostics.find((d: { code: string }) => d.code === 'orphan-credit');
    assert.ok(orphan, 'orphan credit on line 111 is reported');
    assert.equal(orphan.range.start.line, 110);
  });

  it('answers an unknown document with an empty outline and stays up', async () => {
    client = new LspClient();
    await client.initialize({});
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.news' } });
    assert.deepEqual(symbols, []);
    assert.equal(client.exitCode, null);
  });
});
