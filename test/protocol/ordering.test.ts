/**
 * Requests an editor sends together, as VS Code does when a file opens: the outline needs only the model and is
 * answered before the requests that read the whole page's findings or figures (diagnostics, code lens, the status
 * bar, semantic tokens), which still all answer, in full and the same as when asked alone.
 */
import * as assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { readSample } from '../support/text';

const CAPABILITIES = { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, diagnostic: {}, codeLens: {} } };

describe('language server over stdio: requests sent together on opening a file', () => {
  let client: LspClient;
  afterEach(async () => client?.shutdown());

  it('answers the outline first, then every whole-page request in full', async () => {
    client = new LspClient();
    await client.initialize(CAPABILITIES);
    const page = readSample();
    const uri = 'file:///together.news';
    client.open(uri, [page, page.replace(/天津/g, '滨海'), page].join('\n\n'));
    const answered: string[] = [];
    const ask = (method: string, params: object) => client.request(method, params).then((answer) => (answered.push(method), answer));
    const td = { textDocument: { uri } };
    const [diagnostics, tokens, lenses, status, symbols] = await Promise.all(
      client.together(() => [
        ask('textDocument/diagnostic', td),
        ask('textDocument/semanticTokens/full', td),
        ask('textDocument/codeLens', td),
        ask('newsmark/documentStatus', { uri }),
        ask('textDocument/documentSymbol', td),
      ]),
    );
    assert.equal(answered[0], 'textDocument/documentSymbol', `answered in the order ${answered.join(', ')}`);
    assert.deepEqual(answered.slice(1), ['textDocument/diagnostic', 'textDocument/semanticTokens/full', 'textDocument/codeLens', 'newsmark/documentStatus'], 'the others in the order they came');
    assert.equal(symbols.length, 24, 'three copies of the page: seven articles and a photo each');
    assert.ok(diagnostics.items.length > 0);
    assert.equal(status.findings.total, diagnostics.items.length);
    assert.ok(tokens.data.length > 0);
    assert.ok(lenses.length > 0);
    // Asked again one at a time, each answers the same.
    assert.deepEqual(await client.request('textDocument/diagnostic', td), { ...diagnostics, resultId: String(Number(diagnostics.resultId) + 1) });
    assert.deepEqual(await client.request('textDocument/codeLens', td), lenses);
    assert.deepEqual(await client.request('textDocument/documentSymbol', td), symbols);
  });
});
