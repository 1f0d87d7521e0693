/**
 * Newsmark in a real VS Code: the sample newspaper page opens as news text, the extension activates, the
 * Outline comes from the language server, diagnostics arrive, code actions are answered and the snippets are
 * offered. Run by `npm run test:e2e` (code-server) or `npm run test:e2e:electron` (desktop VS Code).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { serverLaunch } from '../../../server/src/node/serverFlags';
import { codeOf, EXTENSION_ID, openSample, poll, sampleUri, waitForDiagnostics } from './helpers';

const FIRST_HEADLINE = '天津市生态环境局党组理论学习中心组开展党史专题学习研讨';

describe('Newsmark in VS Code: the sample page', () => {
  let document: vscode.TextDocument;

  before(async function () {
    this.timeout(120_000);
    document = (await openSample()).document;
  });

  it('opens .news files as news text and activates the extension', () => {
    assert.equal(document.languageId, 'newsmark');
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('starts the language server as serverFlags.ts says (V8 helper threads, young generation, gc, glibc threshold), over stdio', function () {
    // The client forks the server with `--clientProcessId=<this extension host>`; its command line and environment
    // are in /proc.
    if (process.platform !== 'linux') this.skip();
    const mine = `--clientProcessId=${process.pid}`;
    const servers: { pid: string; args: string[] }[] = [];
    for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      let args: string[];
      try {
        args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      } catch {
        continue; // Gone meanwhile, or not ours to read.
      }
      if (args.some((a) => a.endsWith('server.js')) && args.includes(mine)) servers.push({ pid, args });
    }
    assert.equal(servers.length, 1, `one Newsmark server for this extension host: ${JSON.stringify(servers)}`);
    const launch = serverLaunch(os.availableParallelism(), process.platform, process.env);
    const { pid, args } = servers[0];
    const nodeFlags = args.slice(1, args.findIndex((a) => a.endsWith('server.js')));
    for (const flag of launch.execArgv) assert.ok(nodeFlags.includes(flag), `${flag} among the server's Node flags ${JSON.stringify(nodeFlags)}`);
    // Over stdio the server's own encoder writes its answers (server/src/node/messageEncoder.ts); over IPC it would not.
    assert.ok(args.includes('--stdio') && !args.includes('--node-ipc'), `the server talks over stdio: ${JSON.stringify(args)}`);
    const environment = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    for (const [key, value] of Object.entries(launch.env)) {
      if (key !== 'GLIBC_TUNABLES') {
        assert.ok(environment.includes(`${key}=${value}`), `${key}=${value} in the server's environment`);
        continue;
      }
      // glibc (2.36) rewrites the variable where the process's environment holds it as it reads the tunables, and
      // what /proc then shows is the first of them: every tunable shown must be one of the launch's, the first first.
      const shown = environment.find((e) => e.startsWith('GLIBC_TUNABLES='))?.slice('GLIBC_TUNABLES='.length) ?? '';
      const wanted = value.split(':');
      assert.ok(shown !== '' && shown.startsWith(wanted[0]) && shown.split(':').every((t) => wanted.includes(t)), `GLIBC_TUNABLES=${shown} in the server's environment, from ${value}`);
    }
    assert.ok(Object.keys(launch.env).length > 0, 'on Linux the launch adds the glibc tunable');
  });

  it('shows the outline: seven articles and one photo in page order, with headlines and bylines', async () => {
    const symbols = await poll(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', sampleUri()),
      (s) => Array.isArray(s) && s.length > 0,
      'document symbols',
    );
    const articles = symbols!.filter((s) => s.kind === vscode.SymbolKind.Module);
    const photos = symbols!.filter((s) => s.kind === vscode.SymbolKind.File);
    assert.equal(articles.length, 7);
    assert.equal(photos.length, 1);
    assert.equal(articles[0].name, FIRST_HEADLINE);
    assert.deepEqual(articles.map((a) => a.selectionRange.start.line + 1), [3, 29, 43, 61, 77, 99, 137]);
    assert.deepEqual(
      articles[0].children.filter((c) => c.kind === vscode.SymbolKind.Constructor).map((c) => c.name),
      ['郭文生', '任效良'],
    );
    assert.ok(photos[0].range.start.line > articles[4].range.end.line && photos[0].range.end.line < articles[5].range.start.line, 'the photo sits between the fifth and sixth articles');
  });

  it('reports the orphan credit on line 111 as a warning from newsmark', async () => {
    const diagnostics = await waitForDiagnostics(sampleUri(), (ds) => ds.some((d) => codeOf(d) === 'orphan-credit'));
    const orphan = diagnostics.find((d) => codeOf(d) === 'orphan-credit')!;
    assert.equal(orphan.range.start.line, 110);
    assert.equal(orphan.source, 'newsmark');
    assert.equal(orphan.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(orphan.message, /任效良 董峰/);
  });

  it('answers a code action request on a diagnostic', async () => {
    const diagnostics = await waitForDiagnostics(sampleUri(), (ds) => ds.some((d) => codeOf(d) === 'orphan-credit'));
    const orphan = diagnostics.find((d) => codeOf(d) === 'orphan-credit')!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', sampleUri(), orphan.range);
    assert.ok(Array.isArray(actions), 'the provider answered');
    for (const action of actions) {
      if (typeof action.command === 'string') continue; // a bare Command
      const a = action as vscode.CodeAction;
      assert.ok(a.edit || a.command, `code action "${a.title}" does something`);
    }
  });

  it('offers the article snippets in news text', async () => {
    const scratch = await vscode.workspace.openTextDocument({ language: 'newsmark', content: 'article-xin' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', scratch.uri, new vscode.Position(0, 11));
    const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('article-xinhua'), `snippets offered: ${labels.join(', ')}`);
  });
});
