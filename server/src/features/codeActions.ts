/**
 * Code actions: one LSP handler, many providers. Quick fixes for findings, fix-all, and conversions each live
 * in their own provider file and are listed in `codeActionProviders.ts`.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NewsmarkConfig } from '../core/config';
import { DocumentModel } from '../core/model';
import { Finding } from '../core/rules/types';
import { Span } from '../core/text';
import { guard } from '../safe';
import { Feature } from '../serverContext';
import { CODE_ACTION_PROVIDERS } from './codeActionProviders';

export interface CodeActionRequest {
  model: DocumentModel;
  document: TextDocument;
  params: CodeActionParams;
  config: NewsmarkConfig;
  /** Every finding (no problem cap) of the articles around `span`, from the findings the server keeps. */
  findingsAround(span: Span): Finding[];
}

export interface CodeActionProvider {
  /** Kinds it can return, announced in `initialize`. */
  kinds: string[];
  provide(request: CodeActionRequest): CodeAction[];
}

/** Does the client's `only` filter admit this kind? */
export function wanted(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export const codeActionsFeature: Feature = {
  name: 'codeActions',
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [...new Set([CodeActionKind.QuickFix, ...CODE_ACTION_PROVIDERS.flatMap((p) => p.kinds)])], resolveProvider: false },
  }),
  register(context) {
    const { connection, documents, models } = context;
    connection.onCodeAction(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      let config: NewsmarkConfig;
      try {
        config = await context.configFor(document.uri);
      } catch {
        return [];
      }
      return guard(connection.console, 'codeAction', [] as CodeAction[], () => {
        const request: CodeActionRequest = { model: models.get(document), document, params, config, findingsAround: (span) => models.findingsAround(document, config, span) };
        const out: CodeAction[] = [];
        for (const provider of CODE_ACTION_PROVIDERS) {
          try {
            out.push(...provider.provide(request));
          } catch (e) {
            context.log(`code action provider failed: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        return out;
      })(params, token);
    });
  },
};
