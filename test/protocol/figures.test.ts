/** Figures over LSP: hover, document highlights and diagnostics with related information, from the bundled server. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

const SAMPLE = path.resolve(__dirname, '../fixtures/tianjin-environment-page.news');

describe('language server over stdio: figures', () => {
  let client: LspClient;
  let text: string;
  const uri = pathToFileURL(SAMPLE).href;
  /** 0-based position of the n-th occurrence of `needle` on 1-based `line`. */
  const at = (line: number, needle: string, delta = 1) => ({ line: line - 1, character: text.split('\n')[line - 1].indexOf(needle) + delta });

  beforeEach(() => {
    text = fs.readFileSync(SAMPLE, 'utf8');
  });
  afterEach(async () => client?.shutdown());

  it('answers hover on a figure with value, unit, qualifier, subject and the other mentions', async () => {
    client = new LspClient();
    const init = await client.initialize({});
    assert.equal(init.capabilities.hoverProvider, true);
    client.open(uri, text);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: at(67, '1240多公顷') });
    const value: string = hover.contents.value;
    assert.match(value, /\*\*Figure\*\* `1240多公顷`/);
    assert.match(value, /value: 1,240 \(approximate: 多\)/);
    assert.match(value, /unit: `公顷` · quantity/);
    assert.match(value, /subject: `国家湿地公园总面积`/);
    assert.match(value, /line 63: `1240多公顷`/);
    assert.deepEqual(hover.range.start, { line: 66, character: text.split('\n')[66].indexOf('1240多公顷') });
    const none = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    assert.equal(none, null);
  });

  it('highlights the other mentions of a figure’s subject', async () => {
    client = new LspClient();
    const init = await client.initialize({});
    assert.equal(init.capabilities.documentHighlightProvider, true);
    client.open(uri, text);
    const highlights = await client.request('textDocument/documentHighlight', { textDocument: { uri }, position: at(139, '45') });
    assert.deepEqual(
      highlights.map((h: { range: { start: { line: number } } }) => h.range.start.line + 1),
      [139, 141, 141],
    );
    const none = await client.request('textDocument/documentHighlight', { textDocument: { uri }, position: { line: 10, character: 5 } });
    assert.deepEqual(none, []);
  });

  it('pushes a figure diagnostic with related information pointing at the other mention', async () => {
    client = new LspClient();
    await client.initialize({});
    const mutated = text.replace('这两个国家湿地公园总面积1240多公顷', '这两个国家湿地公园总面积1340多公顷');
    const mutatedUri = 'file:///tmp/newsmark-figures.news';
    client.open(mutatedUri, mutated);
    const n = await client.waitFor((x) => x.method === 'textDocument/publishDiagnostics' && x.params.uri === mutatedUri);
    const d = n.params.diagnostics.find((x: { code: string }) => x.code === 'figure-mismatch');
    assert.ok(d, JSON.stringify(n.params.diagnostics));
    assert.equal(d.range.start.line, 66);
    assert.equal(d.relatedInformation[0].location.uri, mutatedUri);
    assert.equal(d.relatedInformation[0].location.range.start.line, 62);
  });
});
