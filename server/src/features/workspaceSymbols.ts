/**
 * Workspace symbols: articles by headline and by reporter, across the open documents and the `*.news` files
 * under the workspace folders. An open document is read as it is in the editor; any other file from disk,
 * analysed once per modification.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Location, Range, SymbolInformation, SymbolKind } from 'vscode-languageserver/node';
import { computeDocumentModel } from '../core/documentModel';
import { ArticleSymbol, findArticleSymbols, getArticleSymbols, matchesSymbolQuery } from '../core/workspaceSymbols';
import { listNewsFiles, NewsFileCache } from '../node/newsFiles';
import { Feature } from '../serverContext';

/** The same kinds the outline uses for an article and a byline, so both views read alike. */
const KIND: Record<ArticleSymbol['kind'], SymbolKind> = { headline: SymbolKind.Module, reporter: SymbolKind.Constructor };

/** Files read between two chances for the server to see a cancellation. */
const YIELD_EVERY = 25;

/** Enough for any picker; a query that matches more is too broad to scroll anyway. */
const MAX_RESULTS = 500;

/** What the cache keeps of a file on disk: its symbols with their ranges, not the text or the model. */
type FileSymbols = { symbol: ArticleSymbol; range: Range }[];

function toInformation(uri: string, s: ArticleSymbol, range: Range): SymbolInformation {
  return { name: s.name, kind: KIND[s.kind], containerName: s.container, location: Location.create(uri, range) };
}

function pathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export const workspaceSymbolsFeature: Feature = {
  name: 'workspaceSymbols',
  capabilities: () => ({ workspaceSymbolProvider: true }),
  register(context) {
    const { connection, documents, models, log } = context;
    const cache = new NewsFileCache<FileSymbols>((text) => {
      const model = computeDocumentModel(text);
      return getArticleSymbols(model).map((symbol) => ({ symbol, range: model.lines.rangeOf(symbol.span) }));
    }, log);

    connection.onWorkspaceSymbol(async (params, token) => {
      const out: SymbolInformation[] = [];
      try {
        const open = new Set<string>();
        for (const document of documents.all()) {
          const file = pathOf(document.uri);
          if (file) open.add(file);
          const model = models.get(document);
          for (const s of findArticleSymbols(getArticleSymbols(model), params.query)) out.push(toInformation(document.uri, s, model.lines.rangeOf(s.span)));
        }
        const files = listNewsFiles(context.workspaceRoots());
        cache.retain(files);
        for (let i = 0; i < files.length; i++) {
          const file = files[i];
          // Let a cancellation (the next keystroke's query) arrive while a large folder is read.
          if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
          if (token.isCancellationRequested || out.length >= MAX_RESULTS) break;
          if (open.has(file)) continue;
          const entry = cache.get(file);
          if (!entry) continue;
          const uri = pathToFileURL(file).href;
          for (const { symbol, range } of entry) if (matchesSymbolQuery(params.query, symbol.name)) out.push(toInformation(uri, symbol, range));
        }
      } catch (e) {
        log(`workspaceSymbol failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      return out.slice(0, MAX_RESULTS);
    });
  },
};
