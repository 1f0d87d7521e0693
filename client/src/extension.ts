/**
 * The VS Code client: starts the bundled language server for news text, lets a `.txt` or `.md` file be
 * checked as news text, shows the active file's articles and findings in the status bar, and checks a whole
 * workspace on request. Document selectors name the `file` and `untitled` schemes only (`selector.ts`). A
 * server that dies is restarted (`restartPolicy.ts`).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  DocumentFilter,
  ErrorAction,
  ErrorHandler,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { serverLaunch } from '../../server/src/node/serverFlags';
import { FolderCheck } from './checkFolder';
import { RestartPolicy } from './restartPolicy';
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
    void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: open a news file first.'));
    return;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Newsmark: the language server is not running.'));
    return;
  }
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: CONVERT_DOCUMENT_COMMAND, arguments: [editor.document.uri.toString()] })) as {
    converted: number;
    applied: boolean;
    message?: string;
  } | null;
  if (!result || result.converted === 0 || !result.applied) {
    const hint = editor.document.languageId === 'newsmark' ? '' : ` ${vscode.l10n.t('Run "Newsmark: Check This File as News Text" first.')}`;
    void vscode.window.showInformationMessage(`Newsmark: ${result?.message ?? vscode.l10n.t('nothing converted.')}${hint}`);
    return;
  }
  void vscode.window.showInformationMessage(
    result.converted === 1 ? vscode.l10n.t('Newsmark: converted 1 article to front-matter.') : vscode.l10n.t('Newsmark: converted {0} articles to front-matter.', result.converted),
  );
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // V8's helper threads, young generation and gc, and glibc's malloc threshold (see serverFlags.ts).
  const { execArgv, env } = serverLaunch(os.availableParallelism(), process.platform, process.env);
  // Over stdio, not Node's IPC channel: there the server writes its answers with its own encoder, which reuses the
  // bytes of every outline symbol a keystroke left unchanged (see server/src/node/messageEncoder.ts); over IPC Node
  // serialises each answer whole. In a 10 MB file, keystroke -> outline p50 was 18.5 ms over stdio and 44.5 over IPC
  // (`npm run bench:transports`).
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv, env } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'], env } },
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
    vscode.commands.registerCommand('newsmark.convertToFrontMatter', convertToFrontMatter),
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
