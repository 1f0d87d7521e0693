/**
 * The VS Code client: starts the bundled language server for news text and lets a `.txt` or `.md` file be
 * checked as news text. Document selectors name the `file`, `untitled` and `vscode-vfs` (virtual workspace)
 * schemes so that chat inputs, diff views and other virtual inputs are never analysed. A server that dies is
 * restarted (restartPolicy.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  DocumentSelector,
  ErrorAction,
  ErrorHandler,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

let client: LanguageClient | undefined;

function selector(): DocumentSelector {
  const extra = vscode.workspace.getConfiguration('newsmark').get<string[]>('checkFiles', []);
  const out: DocumentSelector = [
    { scheme: 'file', language: 'newsmark' },
    { scheme: 'untitled', language: 'newsmark' },
    // Virtual workspaces (GitHub Repositories): analysed, with .newsmarkrc.json unread (the server reads only file: URIs).
    { scheme: 'vscode-vfs', language: 'newsmark' },
  ];
  for (const ext of extra) if (ext === 'txt' || ext === 'md') out.push({ scheme: 'file', pattern: `**/*.${ext}` });
  return out;
}

/** Restarts a server that died and tells the user once; `handled: true` keeps the library's own notices quiet. */
function errorHandler(policy: RestartPolicy): ErrorHandler {
  return {
    error: (_error, _message, count) => ({ action: policy.errored(count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = policy.closed();
      if (decision.notify) void vscode.window.showWarningMessage(decision.notify);
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.log, handled: true };
    },
  };
}

/** The server command that converts a whole document (server/src/features/convertCommand.ts). */
const CONVERT_DOCUMENT_COMMAND = 'newsmark.server.convertDocument';

async function convertToFrontMatter(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Newsmark: open a news file first.');
    return;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('Newsmark: the language server is not running.');
    return;
  }
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: CONVERT_DOCUMENT_COMMAND, arguments: [editor.document.uri.toString()] })) as {
    converted: number;
    applied: boolean;
    message?: string;
  } | null;
  if (!result || result.converted === 0 || !result.applied) {
    const hint = editor.document.languageId === 'newsmark' ? '' : ' Run "Newsmark: Check This File as News Text" first.';
    void vscode.window.showInformationMessage(`Newsmark: ${result?.message ?? 'nothing converted.'}${hint}`);
    return;
  }
  void vscode.window.showInformationMessage(`Newsmark: converted ${result.converted} article${result.converted === 1 ? '' : 's'} to front-matter.`);
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
    errorHandler: errorHandler(new RestartPolicy()),
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
    vscode.commands.registerCommand('newsmark.convertToFrontMatter', convertToFrontMatter),
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
