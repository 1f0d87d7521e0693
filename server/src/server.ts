/**
 * The language server's glue: documents in, core features out. It does not know whether it runs over stdio
 * or IPC. Configuration is resolved here once per document; each feature in `features/` registers its own
 * handlers and announces its own capabilities.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ClientCapabilities,
  Connection,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  ServerCapabilities,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigProblem, defaultConfig, NewsmarkConfig } from './core/config';
import { Locale } from './core/rules/types';
import { newsDocuments } from './documentStore';
import { codeActionsFeature } from './features/codeActions';
import { completionFeature } from './features/completion';
import { convertCommandFeature } from './features/convertCommand';
import { codeLensFeature } from './features/codeLens';
import { diagnosticsFeature } from './features/diagnostics';
import { documentHighlightFeature } from './features/documentHighlight';
import { documentSymbolsFeature } from './features/documentSymbols';
import { fileChecksFeature } from './features/fileChecks';
import { foldingFeature } from './features/folding';
import { hoverFeature } from './features/hover';
import { selectionRangesFeature } from './features/selectionRanges';
import { semanticTokensFeature } from './features/semanticTokens';
import { workspaceSymbolsFeature } from './features/workspaceSymbols';
import { ModelCache } from './modelCache';
import { CONFIG_FILE_NAME, findConfigFile, loadConfigFile } from './node/configFile';
import { Feature, ServerContext } from './serverContext';
import { EditorSettings, effectiveConfig, fromEditorSettings } from './settings';

/** Every language feature, in the order they register. */
export const FEATURES: readonly Feature[] = [
  documentSymbolsFeature,
  diagnosticsFeature,
  codeActionsFeature,
  hoverFeature,
  completionFeature,
  convertCommandFeature,
  documentHighlightFeature,
  foldingFeature,
  selectionRangesFeature,
  semanticTokensFeature,
  workspaceSymbolsFeature,
  codeLensFeature,
  fileChecksFeature,
];

/**
 * The display language the client announces (`initializeParams.locale`, e.g. `zh-cn`, `en-us`) as one of the
 * server's message languages. Chinese in any region reads the Simplified messages; everything else, English.
 */
export function localeFromClient(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export const SERVER_VERSION = '0.1.0';

/** What the process running the server wants to know (the Node entry point tunes V8's heap to the open text). */
export interface ServerHooks {
  /** The open documents hold `chars` UTF-16 units in all: called when one opens or closes. */
  openText?(chars: number): void;
}

export function startServer(connection: Connection, hooks: ServerHooks = {}): void {
  const documents: TextDocuments<TextDocument> = new TextDocuments(newsDocuments);
  const models = new ModelCache();
  const configs = new Map<string, Promise<NewsmarkConfig>>();
  const editorSettings = new Map<string, Promise<EditorSettings | null>>();
  const reportedProblems = new Set<string>();
  const configListeners: (() => void)[] = [];
  const commands = new Map<string, (args: unknown[]) => unknown>();
  let clientCapabilities: ClientCapabilities = {};
  let workspaceRoots: string[] = [];
  // The default under `.newsmarkrc.json` and settings: the client's display language.
  let defaults: NewsmarkConfig = defaultConfig();
  const log = (message: string) => connection.console.error(message);

  const reportProblems = (problems: string[]) => {
    for (const p of problems) {
      if (reportedProblems.has(p)) continue;
      reportedProblems.add(p);
      connection.console.warn(p);
      void connection.window.showWarningMessage(`Newsmark: ${p}. Using the defaults for it.`);
    }
  };

  const fileConfig = (uri: string): NewsmarkConfig | null => {
    if (!uri.startsWith('file:')) return null;
    let dir: string;
    try {
      dir = path.dirname(fileURLToPath(uri));
    } catch {
      return null;
    }
    const root = workspaceRoots.find((r) => dir.startsWith(r));
    const file = findConfigFile(dir, root);
    if (!file) return null;
    const loaded = loadConfigFile(file, defaults);
    reportProblems(loaded.problems);
    return loaded.config;
  };

  const editorSettingsFor = (uri: string): Promise<EditorSettings | null> => {
    let cached = editorSettings.get(uri);
    if (!cached) {
      cached = (async () => {
        if (!clientCapabilities.workspace?.configuration) return null;
        try {
          return (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'newsmark' })) as EditorSettings | null;
        } catch {
          return null;
        }
      })();
      editorSettings.set(uri, cached);
    }
    return cached;
  };

  const configFor = (uri: string): Promise<NewsmarkConfig> => {
    let cached = configs.get(uri);
    if (!cached) {
      cached = (async () => {
        const problems: ConfigProblem[] = [];
        const editor = await editorSettingsFor(uri);
        const partial = fromEditorSettings(editor, problems);
        reportProblems(problems.map((p) => `settings: ${p.message}`));
        return effectiveConfig(fileConfig(uri), partial, defaults);
      })();
      configs.set(uri, cached);
    }
    return cached;
  };

  const context: ServerContext = {
    connection,
    documents,
    models,
    configFor,
    editorSettingsFor,
    capabilities: () => clientCapabilities,
    workspaceRoots: () => workspaceRoots,
    log,
    onConfigurationChanged: (listener) => configListeners.push(listener),
    onCommand: (command, handler) => commands.set(command, handler),
  };

  const configurationChanged = () => {
    configs.clear();
    editorSettings.clear();
    reportedProblems.clear();
    for (const listener of configListeners) listener();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities;
    defaults = { ...defaultConfig(), locale: localeFromClient(params.locale) };
    workspaceRoots = (params.workspaceFolders ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    if (workspaceRoots.length === 0 && params.rootUri?.startsWith('file:')) workspaceRoots = [fileURLToPath(params.rootUri)];
    const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    const commandNames: string[] = [];
    for (const feature of FEATURES) {
      const contributed = feature.capabilities(clientCapabilities);
      commandNames.push(...(contributed.executeCommandProvider?.commands ?? []));
      Object.assign(capabilities, contributed);
    }
    if (commandNames.length > 0) capabilities.executeCommandProvider = { commands: commandNames };
    // Folders added to a multi-root workspace later still count for workspace symbols and config lookup.
    if (clientCapabilities.workspace?.workspaceFolders) capabilities.workspace = { ...capabilities.workspace, workspaceFolders: { supported: true, changeNotifications: true } };
    return { capabilities, serverInfo: { name: 'newsmark', version: SERVER_VERSION } };
  });

  connection.onInitialized(() => {
    if (clientCapabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsmark' }).catch(() => undefined);
    }
    if (clientCapabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri)));
        const added = e.added.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
        workspaceRoots = [...workspaceRoots.filter((r) => !removed.has(r)), ...added.filter((a) => !workspaceRoots.includes(a))];
        configurationChanged();
      });
    }
  });

  connection.onDidChangeConfiguration(() => configurationChanged());
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith(CONFIG_FILE_NAME))) configurationChanged();
  });

  for (const feature of FEATURES) feature.register(context);

  connection.onExecuteCommand(async (params) => {
    const handler = commands.get(params.command);
    if (!handler) return null;
    try {
      return await handler(params.arguments ?? []);
    } catch (e) {
      log(`command ${params.command} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }
  });

  const reportOpenText = (): void => {
    if (!hooks.openText) return;
    let chars = 0;
    // A position past the last line is the end of the text.
    for (const d of documents.all()) chars += d.offsetAt({ line: d.lineCount, character: 0 });
    hooks.openText(chars);
  };
  documents.onDidOpen(reportOpenText);

  documents.onDidClose((e) => {
    models.delete(e.document.uri);
    configs.delete(e.document.uri);
    editorSettings.delete(e.document.uri);
    reportOpenText();
  });

  documents.listen(connection);
  connection.listen();
}
