/**
 * No code from the workspace is ever run and nothing goes over the network. Checked three ways:
 * - our sources contain no eval, no `new Function`, no `require` and no `import()` of a computed path, no `vm`;
 * - the three bundles contain no eval or `new Function` at all (dependencies included), and no fetch,
 *   XMLHttpRequest or WebSocket;
 * - esbuild's metafile says which module imports each Node built-in: network modules (net, http, https,
 *   tls, dgram, dns, http2) only from vscode-jsonrpc's Node transport, which carries the client–server
 *   connection (IPC, pipes), and from the server's own stdio reader, which reads its standard input as a socket and
 *   connects nowhere (checked too); child_process only from the language-client library (it starts the server)
 *   and vscode-languageserver's module-resolution helper, which Newsmark never calls.
 * The behaviour is checked too: a workspace full of executable configuration is read as JSON or not at all.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { SAMPLE_PATH } from '../support/text';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const SOURCES = [...sourceFiles(path.join(ROOT, 'server/src')), ...sourceFiles(path.join(ROOT, 'client/src'))];

const ENTRIES = [
  { entry: 'client/src/extension.ts', external: ['vscode'] },
  { entry: 'server/src/node/main.ts', external: [] },
  { entry: 'server/src/cli/main.ts', external: [] },
];

const NETWORK = new Set(['net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'undici', 'inspector']);

/** Who may import what: the only importers allowed for network and process built-ins. */
const ALLOWED_IMPORTERS: Record<string, RegExp> = {
  net: /^(node_modules\/vscode-jsonrpc\/lib\/node\/main\.js|server\/src\/node\/stdioReader\.ts)$/,
  child_process: /^node_modules\/(vscode-languageclient\/lib\/node\/(main|processes)\.js|vscode-languageserver\/lib\/node\/files\.js)$/,
};

const builtin = new Set(builtinModules);
const bare = (p: string) => p.replace(/^node:/, '');

describe('security: no workspace code is run, no network', () => {
  it('our sources use no eval, new Function, require, computed import(), vm or child_process', () => {
    assert.ok(SOURCES.length > 20);
    for (const file of SOURCES) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(ROOT, file);
      assert.doesNotMatch(text, /\beval\s*\(/, `${rel}: eval`);
      assert.doesNotMatch(text, /\bnew\s+Function\s*\(/, `${rel}: new Function`);
      assert.doesNotMatch(text, /\brequire\s*\(/, `${rel}: require()`);
      assert.doesNotMatch(text, /\bimport\s*\(\s*[^'"\s]/, `${rel}: import() of a computed path`);
      assert.doesNotMatch(text, /from\s+'(node:)?(vm|child_process)'/, `${rel}: vm or child_process`);
    }
  });

  it('the bundles contain no eval, new Function, fetch, XMLHttpRequest or WebSocket', async () => {
    for (const { entry, external } of ENTRIES) {
      const r = await esbuild.build({ entryPoints: [entry], absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external, write: false, logLevel: 'silent' });
      const code = r.outputFiles[0].text;
      for (const pattern of [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/]) {
        assert.doesNotMatch(code, pattern, `${entry} bundle: ${pattern}`);
      }
    }
  });

  it('network and process built-ins are imported only by the LSP transport and the client library', async () => {
    for (const { entry, external } of ENTRIES) {
      const r = await esbuild.build({ entryPoints: [entry], absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external, write: false, metafile: true, logLevel: 'silent' });
      const seen: string[] = [];
      for (const [importer, input] of Object.entries(r.metafile!.inputs)) {
        for (const imp of input.imports) {
          const name = bare(imp.path);
          if (!builtin.has(name)) continue;
          seen.push(`${name} <- ${importer}`);
          if (!importer.startsWith('node_modules/')) assert.ok(!['vm', 'child_process'].includes(name), `${importer} imports ${name}`);
          if (NETWORK.has(name)) assert.match(importer, ALLOWED_IMPORTERS.net, `${entry}: ${name} imported by ${importer}`);
          if (name === 'child_process') assert.match(importer, ALLOWED_IMPORTERS.child_process, `${entry}: child_process imported by ${importer}`);
        }
      }
      assert.ok(seen.length > 0, `${entry}: the metafile lists built-in imports (the check is not vacuous)`);
      if (entry.startsWith('server/src/cli')) assert.ok(seen.every((s) => !NETWORK.has(s.split(' ')[0])), 'the CLI bundle imports no network module');
    }
  });

  it("the server's stdio reader only wraps its standard input: no connection, no listening socket, no other descriptor", () => {
    const text = fs.readFileSync(path.join(ROOT, 'server/src/node/stdioReader.ts'), 'utf8');
    assert.match(text, /import \{ Socket \} from 'node:net';/, 'the reader imports the socket class alone');
    assert.doesNotMatch(text, /\.connect\s*\(|createServer|createConnection|\bServer\b/, 'no connection is opened or accepted');
    assert.match(text, /constructor\(private readonly fd = 0\)/, 'the descriptor is standard input unless a test gives its own');
  });

  it('the server never uses the library helper that runs npm or yarn', () => {
    for (const file of SOURCES) assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /\bFiles\b\s*\.\s*resolve|resolveGlobalNodePath|resolveGlobalYarnPath/, file);
  });

  it('a workspace full of executable configuration is read as JSON only, and nothing in it runs', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-hostile-ws-'));
    try {
      const marker = path.join(ws, 'PWNED');
      const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
      for (const name of ['.newsmarkrc.js', '.newsmarkrc.cjs', '.newsmarkrc.mjs', 'newsmark.config.js', '.newsmarkrc']) fs.writeFileSync(path.join(ws, name), `${payload}\nmodule.exports = {};\n`);
      fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'ws', scripts: { postinstall: payload }, newsmark: { require: './.newsmarkrc.js' } }));
      fs.writeFileSync(path.join(ws, '.newsmarkrc.json'), JSON.stringify({ rules: { 'orphan-credit': 'error' }, extends: './.newsmarkrc.js', plugins: ['./.newsmarkrc.js'] }));
      fs.copyFileSync(SAMPLE_PATH, path.join(ws, 'page.news'));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'lint', 'page.news'], { cwd: ws, encoding: 'utf8' });
      assert.equal(fs.existsSync(marker), false, 'no workspace code ran');
      assert.equal(r.status, 1, 'the JSON configuration applied (orphan-credit at error level)');
      assert.match(r.stdout, / error orphan-credit /);
      // Keys the format does not have are ignored, not followed.
      assert.doesNotMatch(r.stderr, /PWNED|\n\s+at /);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
