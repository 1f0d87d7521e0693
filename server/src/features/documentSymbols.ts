/** The outline over LSP: hierarchical document symbols from the core's outline. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { DocumentModel } from '../core/model';
import { getOutline, OutlineKind, OutlineSymbol } from '../core/outline';
import { toRange } from '../convert';
import { guard } from '../safe';
import { Feature } from '../serverContext';

/**
 * Symbol kinds chosen for how they read in VS Code's Outline and breadcrumbs, where the kind is only an icon
 * beside the name and the filter word in "Go to Symbol" (`@:`). Containers get container icons, people a
 * person-like one, and no two roles an editor tells apart share an icon, except a photo and its caption.
 */
const KINDS: Record<OutlineKind, SymbolKind> = {
  // The story: the outermost box, like a module in code; "module" also groups articles in `@:`.
  article: SymbolKind.Module,
  // A picture with its caption: the file icon reads as "an attached item" between articles and inside one.
  photo: SymbolKind.File,
  caption: SymbolKind.File,
  // The banner over a headline groups it, as a namespace groups names.
  kicker: SymbolKind.Namespace,
  // A line of display text.
  subheadline: SymbolKind.String,
  // Who made the story: the constructor icon is the closest to "maker".
  byline: SymbolKind.Constructor,
  // Where and when the dispatch was filed: an event.
  dateline: SymbolKind.Event,
  // A section head opens a block of the story with members of its own.
  section: SymbolKind.Class,
  // A name attached to the story, like a field on it.
  credit: SymbolKind.Field,
  // 完, (END): a fixed mark, a constant (the null icon read as "nothing here").
  endMark: SymbolKind.Constant,
  // A key-value block.
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
