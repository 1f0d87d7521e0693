/**
 * The server never asks ICU for locale data. Collation (`localeCompare`), number formatting (`toLocaleString`) and
 * the `Intl` objects load ICU's data and code from Node's executable on their first call, and it stays resident:
 * 2.2 MB for collation (one call in a bare `node`), 5.2 MB for formatting the code lens's numbers (in a server). Every
 * editor feature is asked for here of a server preloaded with `test/support/icuCalls.cjs`, which reports such calls
 * on stderr.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

const SAMPLE = path.resolve(__dirname, '../fixtures/tianjin-environment-page.news');
const PRELOAD = path.resolve(__dirname, '../support/icuCalls.cjs');

describe('language server over stdio: no ICU locale data', () => {
  let client: LspClient | undefined;
  afterEach(async () => client?.shutdown());

  /** The ICU calls the server reported so far. */
  const icuCalls = (c: LspClient): string[] => c.stderr.join('').split('\n').filter((l) => l.startsWith('icu-call: '));

  it('the preload reports a call that reaches ICU, once per function', () => {
    const code = "'a'.localeCompare('b'); 'b'.localeCompare('c'); (1234).toLocaleString('en-US'); new Intl.NumberFormat('en')";
    const run = spawnSync(process.execPath, ['--require', PRELOAD, '--eval', code], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stderr.trim().split('\n'), ['icu-call: String.prototype.localeCompare', 'icu-call: Number.prototype.toLocaleString', 'icu-call: Intl.NumberFormat']);
  });

  it('answers every editor feature on the sample page, in both display languages, without such a call', async () => {
    const text = fs.readFileSync(SAMPLE, 'utf8');
    const lines = text.split('\n');
    const uri = pathToFileURL(SAMPLE).href;
    const textDocument = { textDocument: { uri } };
    const figure = { line: 66, character: lines[66].indexOf('1240多公顷') + 1 };
    for (const locale of ['en', 'zh-cn']) {
      client = new LspClient(undefined, ['--require', PRELOAD]);
      await client.initialize({}, null, { locale });
      client.open(uri, text);
      const symbols = await client.request('textDocument/documentSymbol', textDocument);
      assert.ok(symbols.length >= 5);
      const report = await client.request('textDocument/diagnostic', textDocument);
      assert.ok(report.items.length > 0);
      const lenses = await client.request('textDocument/codeLens', textDocument);
      assert.ok(lenses.some((l: { command?: { title: string } }) => /\d,\d{3}/.test(l.command?.title ?? '')), 'a lens with a grouped count');
      const hover = await client.request('textDocument/hover', { ...textDocument, position: figure });
      assert.match(hover.contents.value, /1,240/);
      await client.request('textDocument/documentHighlight', { ...textDocument, position: figure });
      await client.request('textDocument/foldingRange', textDocument);
      await client.request('textDocument/semanticTokens/full', textDocument);
      await client.request('textDocument/selectionRange', { ...textDocument, positions: [figure] });
      await client.request('textDocument/completion', { ...textDocument, position: { line: 0, character: 0 } });
      const actions = await client.request('textDocument/codeAction', {
        ...textDocument,
        range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: 0 } },
        context: { diagnostics: report.items },
      });
      assert.ok(actions.length > 0);
      await client.request('workspace/symbol', { query: '天津' });
      assert.deepEqual(icuCalls(client), [], `locale ${locale}`);
      await client.shutdown();
      client = undefined;
    }
  });
});
