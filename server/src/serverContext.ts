/**
 * What every feature's glue gets: the connection, the open documents, the per-version model cache, the
 * effective configuration of a document, the client's capabilities and a logger. Features register their own
 * handlers (`features/*.ts`), so adding one never means editing another.
 */
import { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NewsmarkConfig } from './core/config';
import { ModelCache } from './modelCache';
import { EditorSettings } from './settings';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  models: ModelCache;
  configFor(uri: string): Promise<NewsmarkConfig>;
  /** The editor's `newsmark` settings section for a document (null when the client has none), cached like `configFor`. */
  editorSettingsFor(uri: string): Promise<EditorSettings | null>;
  capabilities(): ClientCapabilities;
  log(message: string): void;
  /** The workspace folders on disk (absolute paths), for features that read files that are not open. */
  workspaceRoots(): readonly string[];
  /** Called after settings or a `.newsmarkrc.json` changed and cached configurations were dropped. */
  onConfigurationChanged(listener: () => void): void;
  /**
   * Handles one `workspace/executeCommand` command. The connection has a single handler, so features register
   * commands here and announce their names in `capabilities().executeCommandProvider`.
   */
  onCommand(command: string, handler: (args: unknown[]) => unknown): void;
}

/** A language feature's glue: what it announces in `initialize`, and the handlers it registers. */
export interface Feature {
  name: string;
  capabilities(client: ClientCapabilities): Partial<import('vscode-languageserver/node').ServerCapabilities>;
  register(context: ServerContext): void;
}
