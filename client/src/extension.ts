/**
 * The VS Code client: starts the bundled language server for news text and lets a `.txt` or `.md` file be
 * checked as news text. Document selectors name the `file` and `untitled` schemes so that chat inputs, diff
 * views and other virtual inputs are never analysed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DocumentSelector, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function selector(): DocumentSelector {
  const extra = vscode.workspace.getConfiguration('newsmark').get<string[]>('checkFiles', []);
  const out: DocumentSelector = [
    { scheme: 'file', language: 'newsmark' },
    { scheme: 'untitled', language: 'newsmark' },
  ];
  for (const ext of extra) if (ext === 'txt' || ext === 'md') out.push({ scheme: 'file', pattern: `**/*.${ext}` });
  return out;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.newsmarkrc.json') },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('newsmark', 'Newsmark', serverOptions, clientOptions);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsmark.checkAsNews', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Newsmark: open a text file first.');
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, 'newsmark');
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('newsmark.checkFiles') && client) {
        await client.stop();
        await startClient(context);
      }
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
