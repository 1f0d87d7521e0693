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
import { JsonBytes, jsonBytesOf, moveLines } from '../jsonBytes';

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

/**
 * One item's part of the outline, as it is kept from one keystroke to the next. `counts` holds how many symbols lie
 * under each of the item's own symbols. `full` is its symbols with their children, `bare` the same symbols without
 * children, for an item past the limit; at least one of the two is there. An item past the limit does not keep its
 * children: in a year of pages 11,411 of 16,410 symbols are never given at the default limit, and the outline kept
 * 5.3 MB of heap with them, 2.7 without (in process). When an edit brings such an item within the limit its children
 * are made again from the model (`fullOf`).
 *
 * The server keeps each symbol as its JSON only (`KeptSymbol`): the objects of a year of pages' outline (ranges,
 * positions, names) held 3.5 MB of V8's heap besides their bytes. `limitSymbols` gives the same outline as objects.
 */
export interface ItemOutline<S = KeptSymbol> {
  full: S[] | null;
  bare: S[] | null;
  counts: number[];
}

/** A symbol as the server keeps it: its JSON, in ASCII (see `jsonBytes.ts`). */
export type KeptSymbol = JsonBytes;

/** How the outline's symbols, as objects or as kept JSON, are given without their children. */
interface SymbolForm<S> {
  /** `s` without its children; `inside` is how many symbols lie under it (0: `s` itself). */
  withoutChildren(s: S, inside: number): S;
}

/*
 * Symbols are never changed once made (a moved item gets new ones), so a symbol's childless copy is kept with it:
 * the copies given for an item are the same objects from one answer to the next while the item keeps its symbols.
 */
const childless = new Memo<object, object>('childless');

function keptChildless<S extends object>(s: S, inside: number, make: (s: S) => S): S {
  if (inside === 0) return s;
  let bare = childless.get(s) as S | undefined;
  if (!bare) {
    bare = make(s);
    childless.set(s, bare);
  }
  return bare;
}

/** A symbol's copy without its children. */
const childlessCopy = (s: DocumentSymbol): DocumentSymbol => ({ ...s, children: [] });

const SYMBOL_OBJECTS: SymbolForm<DocumentSymbol> = {
  withoutChildren: (s, inside) => keptChildless(s, inside, childlessCopy),
};

const SYMBOL_BYTES: SymbolForm<KeptSymbol> = {
  withoutChildren: (s, inside) => keptChildless(s, inside, (whole) => jsonBytesOf(childlessCopy(whole.toJSON() as DocumentSymbol))),
};

const countsOf = (full: readonly DocumentSymbol[]): number[] => full.map((s) => (s.children ? countSymbols(s.children) : 0));

/** The part of the outline kept for an item whose symbols are `full`, as objects. */
function symbolsOutline(full: DocumentSymbol[]): ItemOutline<DocumentSymbol> {
  return { full, bare: null, counts: countsOf(full) };
}

/**
 * The part of the outline the server keeps for an item whose symbols are `full`: their JSON, with their children or,
 * when `bare` and they have any, without (see `letChildrenGo`).
 */
function itemOutline(full: DocumentSymbol[], bare = false): ItemOutline {
  const counts = countsOf(full);
  if (bare && counts.some((c) => c > 0)) return { full: null, bare: full.map((s, j) => jsonBytesOf(counts[j] > 0 ? childlessCopy(s) : s)), counts };
  return { full: full.map(jsonBytesOf), bare: null, counts };
}

/** An item's part of the outline after it moved by whole `lines` (see `moveSymbols`). */
function moveItemOutline(value: ItemOutline, lines: number): ItemOutline {
  if (lines === 0) return value;
  const move = (list: KeptSymbol[]): KeptSymbol[] => list.map((s) => moveLines(s, lines));
  return { full: value.full && move(value.full), bare: value.bare && move(value.bare), counts: value.counts };
}

/** An item's symbols without their children, made once from its whole ones. */
function bareOf<S extends object>(e: ItemOutline<S>, form: SymbolForm<S>): S[] {
  return (e.bare ??= e.full!.map((s, j) => form.withoutChildren(s, e.counts[j])));
}

/**
 * Lets an item's children go, keeping its bare symbols: they are made again (`fullOf`) if ever given. An item
 * without children keeps its symbols, which are their own bare ones.
 */
function letChildrenGo<S extends object>(e: ItemOutline<S>, form: SymbolForm<S>): void {
  if (!e.full || !e.counts.some((c) => c > 0)) return;
  bareOf(e, form);
  e.full = null;
}

/**
 * The outline within `max` symbols (0: no limit), as VS Code's JSON support limits its own (`json.maxItemsComputed`):
 * every item keeps its node, so a year of pages can still be navigated by headline; children (banner, bylines,
 * dateline, sections, captions…) are given in page order while the total stays within the limit. When the items
 * alone pass it, the first `max` items are given. `leftOut` counts the symbols not given. The symbols given are
 * shared with later answers: callers must not change them.
 *
 * `entries` are the items' parts, kept by the caller: an item whose children are not given is left with its bare
 * symbols only, and `fullOf(i)` gives item `i`'s symbols with their children again when they are needed.
 */
function limitOutline<S extends object>(entries: readonly ItemOutline<S>[], max: number, fullOf: (i: number) => S[], form: SymbolForm<S>): { symbols: S[]; leftOut: number } {
  let items = 0;
  let total = 0;
  for (const e of entries) {
    items += e.counts.length;
    for (const c of e.counts) total += 1 + c;
  }
  const full = (i: number): S[] => (entries[i].full ??= fullOf(i));
  const bare = (i: number): S[] => bareOf(entries[i], form);
  const symbols: S[] = [];
  if (max <= 0 || total <= max) {
    for (let i = 0; i < entries.length; i++) for (const s of full(i)) symbols.push(s);
    return { symbols, leftOut: 0 };
  }
  let budget = items >= max ? -1 : max - items;
  let given = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    let whole = false;
    for (let j = 0; j < e.counts.length; j++) {
      if (symbols.length === max) break;
      const inside = e.counts[j];
      if (budget >= 0 && inside <= budget) {
        budget -= inside;
        given += 1 + inside;
        symbols.push(full(i)[j]);
        whole = true;
      } else {
        budget = -1;
        given++;
        symbols.push(bare(i)[j]);
      }
    }
    // The children of an item none of whose own are given are let go: made again if an edit brings them within.
    if (!whole) letChildrenGo(e, form);
  }
  return { symbols, leftOut: total - given };
}

/** The outline within `max` symbols, as objects (see `limitOutline`), from the items' whole symbols: for callers that hold them all. */
export function limitSymbols(perItem: readonly DocumentSymbol[][], max: number): { symbols: DocumentSymbol[]; leftOut: number } {
  return limitOutline(perItem.map(symbolsOutline), max, (i) => perItem[i], SYMBOL_OBJECTS);
}

/**
 * The outline's part of each item, kept per item: after a keystroke only the touched article's is made again. With a
 * limit (`max` above 0), an item made when the children made before it (in page order) already pass what the limit
 * can hold besides one symbol per item keeps its bare symbols only, as `limitOutline` would leave it. A year of pages'
 * first outline then holds the children of the first 429 articles, not of all 3,282 (4.9 MB of symbols in all),
 * until the answer is made: the bench's 10 MB sequence peaked at 111.6–112.4 MB against 113.6–114.8 (three servers
 * each). Should an item give no symbol, one past the limit may be left bare too early, and is made again when asked for.
 */
export function outlinePerItem(models: ModelCache, document: TextDocument, max = 0): ItemOutline[] {
  const room = max > 0 ? max - models.get(document).items.length : Infinity;
  let children = 0;
  const compute = (model: DocumentModel, item: Item): PerItem => {
    const made = itemSymbols(model, item);
    for (const s of made) if (s.children) children += countSymbols(s.children);
    return { made, bare: children > room };
  };
  // Symbols are in lines and columns: an item that moved by offsets alone (a character typed above it, on another line) keeps them.
  // Each item's symbols are kept as JSON as soon as they are in its place (`keepMade`), and only its JSON lives on.
  return models.perItem(document, 'documentSymbols', compute, movePerItem, keepMade) as ItemOutline[];
}

/**
 * An item's symbols just made, as objects, and whether to keep them without their children: `outlinePerItem` keeps
 * them as JSON once they are in the item's place (`keepMade`). An item read in a view of its own text is made there
 * and moved (see `ModelCache.perItem`); had its JSON been made before the move, each item would have made its bytes
 * twice, and a year of pages' first outline after a keystroke left the first 1.8 MB of them among the kept ones, in
 * the same 8 KB blocks of memory, held resident with them.
 */
interface MadeOutline {
  made: DocumentSymbol[];
  bare: boolean;
}

type PerItem = ItemOutline | MadeOutline;

function keepMade(value: PerItem): PerItem {
  return 'made' in value ? itemOutline(value.made, value.bare) : value;
}

function movePerItem(value: PerItem, offsets: number, lines: number): PerItem {
  return 'made' in value ? { made: moveSymbols(value.made, offsets, lines), bare: value.bare } : moveItemOutline(value, lines);
}

/** The document's outline within `max` symbols (see `limitOutline`), from the parts kept per item. */
export function documentOutline(models: ModelCache, document: TextDocument, max: number): { symbols: KeptSymbol[]; leftOut: number } {
  const entries = outlinePerItem(models, document, max);
  return limitOutline(entries, max, (i) => models.itemValue(document, i, itemSymbols, moveSymbols).map(jsonBytesOf), SYMBOL_BYTES);
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
        // Symbols are kept per item as their JSON and never changed: over a stream each is written from its bytes (see
        // keptElements.ts), and on any other transport it serialises as the DocumentSymbol it is (`JsonBytes`).
        return keptElements(documentOutline(models, current, max).symbols) as unknown[] as DocumentSymbol[];
      } catch (e) {
        log(`documentSymbol failed for ${document.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return [];
      }
    });
  },
};
