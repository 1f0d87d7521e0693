/** The outline over LSP: hierarchical document symbols from the core's outline. */
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver/node';
import { Memo } from '../core/memo';
import { DocumentModel, Item } from '../core/model';
import { getOutline, OutlineKind, OutlineSymbol } from '../core/outline';
import { toRange } from '../convert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from '../modelCache';
import { maxItemsComputed } from '../settings';
import { Feature } from '../serverContext';
import { keptElements } from '../keptElements';

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

/**
 * A symbol whose selection is all of it (most leaves: a byline, a dateline) shares one range object between the
 * two fields: the JSON is the same, and a year of pages (16,410 symbols) keeps 10,393 fewer ranges, each with its two
 * positions (see `moveSymbols`).
 */
function toSymbol(model: DocumentModel, s: OutlineSymbol): DocumentSymbol {
  const range = toRange(model, s.span);
  return {
    name: s.name,
    detail: s.detail,
    kind: KINDS[s.kind],
    range,
    selectionRange: s.selectionSpan === s.span ? range : toRange(model, s.selectionSpan),
    children: s.children.map((c) => toSymbol(model, c)),
  };
}

export function getDocumentSymbols(model: DocumentModel): DocumentSymbol[] {
  return getOutline(model).map((s) => toSymbol(model, s));
}

/** The symbol of one item: the outline of a view of the model that holds only that item. */
export function itemSymbols(model: DocumentModel, item: Item): DocumentSymbol[] {
  return getDocumentSymbols({ ...model, items: [item], articles: item.kind === 'article' ? [item] : [] });
}

/** An item's symbols after it moved by whole `lines` (its columns do not change; offsets are not in symbols). */
export function moveSymbols(list: DocumentSymbol[], _offsets: number, lines: number): DocumentSymbol[] {
  return lines === 0 ? list : list.map((s) => moveSymbol(s, lines));
}

function moveSymbol(s: DocumentSymbol, lines: number): DocumentSymbol {
  const move = (r: Range): Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });
  const range = move(s.range);
  return { ...s, range, selectionRange: s.selectionRange === s.range ? range : move(s.selectionRange), children: s.children?.map((c) => moveSymbol(c, lines)) };
}

function countSymbols(list: readonly DocumentSymbol[]): number {
  let n = list.length;
  for (const s of list) if (s.children) n += countSymbols(s.children);
  return n;
}

/*
 * Symbols are never changed once made (a moved item gets new ones), so what the limit needs of each item's symbol
 * is kept with it: in a year of pages a keystroke would otherwise count 5,000 symbols and copy 3,000 childless
 * articles again. Only the items' own symbols are kept (their children are counted when the item is first seen).
 */
const descendantCounts = new Memo<DocumentSymbol, number>('descendantCount');
const childless = new Memo<DocumentSymbol, DocumentSymbol>('childless');

function descendants(s: DocumentSymbol): number {
  let n = descendantCounts.get(s);
  if (n === undefined) {
    n = s.children ? countSymbols(s.children) : 0;
    descendantCounts.set(s, n);
  }
  return n;
}

function withoutChildren(s: DocumentSymbol): DocumentSymbol {
  let bare = childless.get(s);
  if (!bare) {
    bare = { ...s, children: [] };
    childless.set(s, bare);
  }
  return bare;
}

/**
 * The outline within `max` symbols (0: no limit), as VS Code's JSON support limits its own (`json.maxItemsComputed`):
 * every item keeps its node, so a year of pages can still be navigated by headline; children (banner, bylines,
 * dateline, sections, captions…) are given in page order while the total stays within the limit. When the items
 * alone pass it, the first `max` items are given. `leftOut` counts the symbols not given. The symbols given are
 * shared with later answers: callers must not change them.
 */
export function limitSymbols(perItem: readonly DocumentSymbol[][], max: number): { symbols: DocumentSymbol[]; leftOut: number } {
  const all: DocumentSymbol[] = [];
  for (const list of perItem) for (const s of list) all.push(s);
  if (max <= 0) return { symbols: all, leftOut: 0 };
  let total = all.length;
  for (const s of all) total += descendants(s);
  if (total <= max) return { symbols: all, leftOut: 0 };
  if (all.length >= max) return { symbols: all.slice(0, max).map(withoutChildren), leftOut: total - max };
  let budget = max - all.length;
  let given = all.length;
  const symbols = all.map((s) => {
    const inside = descendants(s);
    if (budget >= 0 && inside <= budget) {
      budget -= inside;
      given += inside;
      return s;
    }
    budget = -1;
    return withoutChildren(s);
  });
  return { symbols, leftOut: total - given };
}

/** The outline's symbols of each item, kept per item: after a keystroke only the touched article's are made again. */
export function symbolsPerItem(models: ModelCache, document: TextDocument): DocumentSymbol[][] {
  // Symbols are in lines and columns: an item that moved by offsets alone (a character typed above it, on another line) keeps them.
  return models.perItem(document, 'documentSymbols', itemSymbols, moveSymbols);
}

export const documentSymbolsFeature: Feature = {
  name: 'documentSymbols',
  capabilities: () => ({ documentSymbolProvider: { label: 'Newsmark' } }),
  register(context) {
    const { connection, documents, models, log } = context;
    connection.onDocumentSymbol(async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      try {
        const max = maxItemsComputed(await context.editorSettingsFor(document.uri));
        const current = documents.get(document.uri);
        if (!current) return [];
        // Symbols are kept per item and never changed: over a stream each is encoded once (see keptElements.ts).
        return keptElements(limitSymbols(symbolsPerItem(models, current), max).symbols);
      } catch (e) {
        log(`documentSymbol failed for ${document.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return [];
      }
    });
  },
};
