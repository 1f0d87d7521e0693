/**
 * What the manifest declares about workspaces holds in the server: `.newsmarkrc.json` is read from disk for
 * `file:` documents only, so a document with another scheme (a virtual workspace's `vscode-vfs:`, which other LSP
 * clients may send) is analysed with the defaults and
 * editor settings, and the same text on disk follows the workspace file. And the restricted settings named
 * in package.json are real settings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { readSample } from '../support/text';

const MANIFEST = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

describe('workspaces: trust and virtual file systems', function () {
  this.timeout(30000);
  let client: LspClient;
  let ws: string;
  before(() => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ws-'));
    fs.writeFileSync(path.join(ws, '.newsmarkrc.json'), JSON.stringify({ rules: { 'orphan-credit': 'off' } }));
    fs.writeFileSync(path.join(ws, 'page.news'), readSample());
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));
  afterEach(async () => client?.shutdown());

  it('reads .newsmarkrc.json for a file: document and not for a virtual one', async () => {
    client = new LspClient();
    await client.initialize({ textDocument: { diagnostic: {} } }, pathToFileURL(ws).href);
    const onDisk = pathToFileURL(path.join(ws, 'page.news')).href;
    const virtual = `vscode-vfs://github/newsroom/pages${path.join(ws, 'page.news')}`;
    client.open(onDisk, readSample());
    client.open(virtual, readSample());
    const codes = async (uri: string) => (await client.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } })).items.map((d) => d.code);
    assert.ok(!(await codes(onDisk)).includes('orphan-credit'), 'the workspace file turned the rule off');
    assert.ok((await codes(virtual)).includes('orphan-credit'), 'the virtual document uses the defaults');
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: virtual } });
    assert.equal(symbols.length, 8, 'the virtual document has its outline');
  });

  it('the manifest declares limited support, and restricts only settings that exist', () => {
    const caps = MANIFEST.capabilities;
    assert.equal(caps.untrustedWorkspaces.supported, 'limited');
    assert.equal(caps.virtualWorkspaces.supported, 'limited');
    const settings = Object.keys(MANIFEST.contributes.configuration.properties);
    assert.ok(caps.untrustedWorkspaces.restrictedConfigurations.length > 0);
    for (const s of caps.untrustedWorkspaces.restrictedConfigurations) assert.ok(settings.includes(s), `${s} is a contributed setting`);
  });
});
