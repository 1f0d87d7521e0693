/**
 * Completion in front-matter blocks: keys from the vocabulary, values (reporters' names, roles, places,
 * agencies) seen in the open documents and in the `.news` files of the workspace folders. The folder scan is
 * bounded (files, size, depth) and cached for a minute, so a large archive never stalls typing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompletionItem, CompletionItemKind } from 'vscode-languageserver/node';
import { computeDocumentModel } from '../core/documentModel';
import { computeKnownValues, emptyKnownValues, getFrontMatterCompletions, KnownValues } from '../core/frontMatterCompletion';
import { guard } from '../safe';
import { Feature, ServerContext } from '../serverContext';

const MAX_FILES = 300;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 6;
const CACHE_MS = 60_000;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

/** `.news` files under `root`, breadth first, within the bounds above. */
export function findNewsFiles(root: string, limit = MAX_FILES): string[] {
  const found: string[] = [];
  let level = [root];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && found.length < limit; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) next.push(full);
        else if (e.isFile() && e.name.endsWith('.news') && found.length < limit) found.push(full);
      }
    }
    level = next;
  }
  return found;
}

function scanFolders(roots: string[]): KnownValues {
  const known = emptyKnownValues();
  for (const root of roots) {
    for (const file of findNewsFiles(root)) {
      try {
        if (fs.statSync(file).size > MAX_FILE_BYTES) continue;
        computeKnownValues(computeDocumentModel(fs.readFileSync(file, 'utf8')), known);
      } catch {
        // An unreadable file offers no values; completion goes on without it.
      }
    }
  }
  return known;
}

function merge(into: KnownValues, from: KnownValues): KnownValues {
  for (const key of Object.keys(into) as (keyof KnownValues)[]) for (const v of from[key]) into[key].add(v);
  return into;
}

export const completionFeature: Feature = {
  name: 'completion',
  capabilities: () => ({ completionProvider: { triggerCharacters: [':'], resolveProvider: false } }),
  register(context: ServerContext) {
    const { connection, documents, models } = context;
    let folderValues: { at: number; values: KnownValues } | null = null;

    const workspaceValues = async (): Promise<KnownValues> => {
      if (!folderValues || Date.now() - folderValues.at > CACHE_MS) {
        let roots: string[] = [];
        if (context.capabilities().workspace?.workspaceFolders) {
          try {
            const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
            roots = folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
          } catch {
            roots = [];
          }
        }
        folderValues = { at: Date.now(), values: scanFolders(roots) };
      }
      const known = merge(emptyKnownValues(), folderValues.values);
      for (const d of documents.all()) computeKnownValues(models.get(d), known);
      return known;
    };

    connection.onCompletion(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const model = models.get(document);
      const offset = model.lines.offsetAt(params.position);
      // Outside a block there is nothing to offer; answer before touching the workspace.
      if (!model.articles.some((a) => a.frontMatter && offset >= a.frontMatter.contentSpan.start && offset <= a.frontMatter.contentSpan.end)) return [];
      let known: KnownValues;
      try {
        known = await workspaceValues();
      } catch {
        known = emptyKnownValues();
      }
      // The document may have changed while the workspace was read, which retires the model read before: ask again.
      const current = models.get(document);
      return guard(connection.console, 'completion', [] as CompletionItem[], () =>
        getFrontMatterCompletions(current, current.lines.offsetAt(params.position), known).map(
          (c): CompletionItem => ({
            label: c.label,
            kind: c.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
            detail: c.detail,
            textEdit: { range: current.lines.rangeOf(c.span), newText: c.insertText },
          }),
        ),
      )(params, token);
    });
  },
};
