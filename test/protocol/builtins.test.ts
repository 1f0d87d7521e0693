/**
 * The server does not load Node's `crypto` and `child_process`, which its libraries require for transports and
 * module lookups it never uses (`scripts/lazyBuiltins.mjs`): with `dgram` and the internal modules they bring, an
 * idle server held 1.1 MB more. The bundled stand-ins load the real module at the first property read.
 */
import * as assert from 'node:assert/strict';
import * as nodeCrypto from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LAZY_BUILTINS, lazyBuiltinSource } from '../../scripts/lazyBuiltins.mjs';
import { LspClient } from '../support/lspClient';

const SAMPLE = path.resolve(__dirname, '../fixtures/tianjin-environment-page.news');
const PRELOAD = path.resolve(__dirname, '../support/builtinModules.cjs');
const requireBuiltin = createRequire(__filename);

/** `lazyBuiltinSource(name)` run as a module whose `require` counts its calls. */
function standIn(name: string): { exports: Record<string, unknown>; loads: string[] } {
  const loads: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const load = (id: string): unknown => {
    loads.push(id);
    return requireBuiltin(id);
  };
  new Function('module', 'require', lazyBuiltinSource(name))(module, load);
  return { exports: module.exports, loads };
}

describe('lazily loaded built-in modules', () => {
  it('a stand-in requires the real module at its first property read, once, and reads as it', () => {
    const { exports: crypto, loads } = standIn('crypto');
    assert.deepEqual(loads, []);
    const bytes = (crypto.randomBytes as (n: number) => Buffer)(8);
    assert.equal(bytes.length, 8);
    assert.equal(crypto.createHash, nodeCrypto.createHash);
    assert.ok('randomUUID' in crypto);
    assert.ok(Object.keys(crypto).includes('randomBytes'));
    assert.deepEqual(loads, ['node:crypto']);
  });

  it('stands in for crypto and child_process only', () => {
    assert.deepEqual([...LAZY_BUILTINS].sort(), ['child_process', 'crypto']);
  });
});

describe('language server over stdio: built-in modules loaded', () => {
  let client: LspClient | undefined;
  afterEach(async () => client?.shutdown());

  it('opening, typing in and closing a page loads neither crypto nor child_process', async () => {
    // Three copies of the sample: past the size from which a message's long strings are decoded in place.
    const text = fs.readFileSync(SAMPLE, 'utf8').repeat(3);
    const uri = pathToFileURL(SAMPLE).href;
    client = new LspClient(undefined, ['--require', PRELOAD]);
    await client.initialize();
    client.open(uri, text);
    assert.ok((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).length > 0);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, text: '字' }] });
    assert.ok((await client.request('textDocument/diagnostic', { textDocument: { uri } })).items.length > 0);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await client.shutdown();
    const line = client.stderr.join('').split('\n').find((l) => l.startsWith('builtin-modules: '));
    assert.ok(line, `the preload's report: ${client.stderr.join('')}`);
    const loaded = line.slice('builtin-modules: '.length).split(',');
    assert.ok(loaded.includes('net'), 'the report lists what was loaded');
    for (const name of ['crypto', 'child_process', 'dgram']) assert.ok(!loaded.includes(name), `${name} was loaded`);
    client = undefined;
  });
});
