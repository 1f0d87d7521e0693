/* eslint-disable @typescript-eslint/no-namespace -- one namespace per message, as vscode-eslint does: `X.method`, `X.type`. */
/**
 * Newsmark's own messages between the VS Code client and the language server, in one file both sides import,
 * so that a method name or a field can never drift between them. Each message is a namespace with its
 * `method` and its typed `type`.
 */
import { Diagnostic, RequestType } from 'vscode-languageserver-protocol';

/** What the status bar shows for the active file. */
export interface DocumentStatus {
  articles: number;
  photos: number;
  /** Findings reported (after the per-file cap), by severity. */
  findings: { total: number; errors: number; warnings: number; information: number; hints: number };
  /** Findings left out by `newsmark.maxNumberOfProblems`. */
  omitted: number;
  /** Outline symbols left out by `newsmark.maxItemsComputed` (0 for files that are not open). */
  outlineLeftOut: number;
}

export interface DocumentStatusParams {
  uri: string;
}

export namespace DocumentStatusRequest {
  export const method = 'newsmark/documentStatus' as const;
  export const type = new RequestType<DocumentStatusParams, DocumentStatus | null, void>(method);
}

export interface CheckFileParams {
  /** A `file:` URI; an open document is checked as it is in the editor, any other file as it is on disk. */
  uri: string;
}

export interface CheckFileResult {
  uri: string;
  status: DocumentStatus | null;
  diagnostics: Diagnostic[];
  /** Why the file could not be checked (not UTF-8, unreadable…), in the display language; null when it was. */
  error: string | null;
}

/** Checks one file for `Newsmark: Check All News Files in the Workspace`; the client walks the folder. */
export namespace CheckFileRequest {
  export const method = 'newsmark/checkFile' as const;
  export const type = new RequestType<CheckFileParams, CheckFileResult, void>(method);
}
