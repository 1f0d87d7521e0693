/** The outline over LSP: hierarchical document symbols from the core's outline. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { DocumentModel } from '../core/model';
import { getOutline, OutlineKind, OutlineSymbol } from '../core/outline';
import { toRange } from '../convert';
import { guard } from '../safe';
import { Feature } from '../serverContext';

/** Symbol kinds chosen for how they read in VS Code's Outline and breadcrumbs. */
const KINDS: Record<OutlineKind, SymbolKind> = {
  article: SymbolKind.Module,
  photo: SymbolKind.File,
  kicker: SymbolKind.Namespace,
  subheadline: SymbolKind.String,
  byline: SymbolKind.Constructor,
  dateline: SymbolKind.Event,
  section: SymbolKind.Class,
  caption: SymbolKind.File,
  credit: SymbolKind.Field,
  endMark: SymbolKind.Null,
  frontMatter: SymbolKind.Object,
};

function toSymbol(model: DocumentModel, s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: KINDS[s.kind],
    range: toRange(model, s.span),
    selectionRange: toRange(model, s.selectionSpan),
    children: s.children.map((c) => toSymbol(model, c)),
  };
}

export function getDocumentSymbols(model: DocumentModel): DocumentSymbol[] {
  return getOutline(model).map((s) => toSymbol(model, s));
}

export const documentSymbolsFeature: Feature = {
  name: 'documentSymbols',
  capabilities: () => ({ documentSymbolProvider: { label: 'Newsmark' } }),
  register({ connection, documents, models }) {
    connection.onDocumentSymbol(
      guard(connection.console, 'documentSymbol', [], (params) => {
        const document = documents.get(params.textDocument.uri);
        return document ? getDocumentSymbols(models.get(document)) : [];
      }),
    );
  },
};
