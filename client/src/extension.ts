/**
 * The VS Code client: starts the bundled language server for news text, lets a `.txt` or `.md` file be
 * checked as news text, shows the active file's articles and findings in the status bar, and checks a whole
 * workspace on request. Document selectors name the `file` and `untitled` schemes only (`selector.ts`).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DocumentFilter, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { FolderCheck } from './checkFolder';
import { CHECKED_SCHEMES, newsSelector } from './selector';
import { NewsStatusBar } from './statusBar';

let client: LanguageClient | undefined;

function selector(): DocumentFilter[] {
  return newsSelector(vscode.workspace.getConfiguration('newsmark').get<unknown[]>('checkFiles', []));
}

/** The same filters for `vscode.languages.match`: only `file` and `untitled`, each with a language or a glob. */
function editorSelector(): vscode.DocumentSelector {
  return selector().map((f) => ({ ...f }) as vscode.DocumentFilter);
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
  const statusBar = new NewsStatusBar(() => client, editorSelector);
  const folderCheck = new FolderCheck(() => client);
  context.subscriptions.push(
    statusBar,
    folderCheck,
    vscode.commands.registerCommand('newsmark.checkAsNews', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: open a text file first.'));
        return;
      }
      if (!CHECKED_SCHEMES.includes(editor.document.uri.scheme)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark checks files on disk and untitled documents only.'));
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, 'newsmark');
    }),
    vscode.commands.registerCommand('newsmark.checkFolder', () => folderCheck.run()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('newsmark.checkFiles') && client) {
        await client.stop();
        await startClient(context);
        statusBar.update();
      }
    }),
  );
  await startClient(context);
  statusBar.update();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
