/**
 * The server has V8 favour memory while two million UTF-16 units or more are open (`LargeTextMemory` in
 * `node/heapTuning.ts`), and only then: a preload reports every flag the server gives V8 at run time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LARGE_TEXT_MEMORY, MEMORY_FLAG, NO_MEMORY_FLAG, TYPING_FLAGS } from '../../server/src/node/heapTuning';
import { LspClient } from '../support/lspClient';

const SAMPLE = path.resolve(__dirname, '../fixtures/tianjin-environment-page.news');
const PRELOAD = path.resolve(__dirname, '../support/v8Flags.cjs');

describe('language server over stdio: memory favoured while large text is open', () => {
  let client: LspClient | undefined;
  afterEach(async () => client?.shutdown());

  it('sets the flag when a large page opens, not for a small one, and clears it when the page closes', async function () {
    this.timeout(60_000);
    const page = fs.readFileSync(SAMPLE, 'utf8');
    const large = page.repeat(Math.ceil(LARGE_TEXT_MEMORY / page.length));
    client = new LspClient(undefined, ['--require', PRELOAD]);
    const outline = async (uri: string) => client!.request('textDocument/documentSymbol', { textDocument: { uri } });
    const flags = () => client!.stderr.join('').split('\n').filter((l) => l.startsWith('v8-flag: ')).map((l) => l.slice('v8-flag: '.length));
    // The flags come on stderr, which the client reads apart from the answers: waited for, up to ten seconds.
    const flagsWhen = async (count: number) => {
      for (let waited = 0; flags().length < count && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      return flags();
    };
    await client.initialize();
    assert.deepEqual(await flagsWhen(TYPING_FLAGS.length), TYPING_FLAGS, `the preload reports the flags given at start: ${client.stderr.join('')}`);
    const started = TYPING_FLAGS.length;
    client.open('file:///small.news', page);
    await outline('file:///small.news');
    assert.deepEqual(flags().slice(started), [], 'a page');
    client.open('file:///year.news', large);
    assert.ok((await outline('file:///year.news')).length > 300);
    assert.deepEqual((await flagsWhen(started + 1)).slice(started), [MEMORY_FLAG], `${large.length} units open`);
    client.notify('textDocument/didClose', { textDocument: { uri: 'file:///year.news' } });
    await outline('file:///small.news');
    assert.deepEqual((await flagsWhen(started + 2)).slice(started), [MEMORY_FLAG, NO_MEMORY_FLAG], 'closed');
  });
});
