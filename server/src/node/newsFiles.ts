/**
 * The `*.news` files under the workspace folders, for features that look beyond the open documents (workspace
 * symbols). Each file is read (strict UTF-8) and analysed once per modification: the cache keeps what a
 * feature derived from it, keyed by path and checked against the file's mtime and size on every walk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from './readText';

/** Folders never walked: version control, dependencies, build output. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);
/** A workspace with more news files than this is walked only this far. */
export const MAX_NEWS_FILES = 5000;
/** Larger files are archives, not pages; they are skipped here (the open-document path still handles them). */
export const MAX_NEWS_FILE_BYTES = 4 * 1024 * 1024;

export function listNewsFiles(roots: readonly string[], limit = MAX_NEWS_FILES): string[] {
  const out: string[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0 && out.length < limit) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith('.')) subdirs.push(path.join(dir, e.name));
      } else if (e.isFile() && e.name.endsWith('.news')) {
        out.push(path.join(dir, e.name));
        if (out.length >= limit) break;
      }
    }
    stack.push(...subdirs.reverse());
  }
  return out;
}

interface Entry<T> {
  mtimeMs: number;
  size: number;
  value: T | null;
}

/** Per-file results of `analyse(text)`, recomputed only when the file changes on disk. */
export class NewsFileCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** How many files were analysed (not served from the cache): for tests and logs. */
  analysed = 0;

  constructor(
    private readonly analyse: (text: string, file: string) => T,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  get(file: string): T | null {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.entries.delete(file);
      return null;
    }
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.value;
    let value: T | null = null;
    if (stat.size <= MAX_NEWS_FILE_BYTES) {
      try {
        value = this.analyse(decodeText(file, fs.readFileSync(file)).text, file);
        this.analysed++;
      } catch (e) {
        this.log(`skipped ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, value });
    return value;
  }

  /** Forgets files that are no longer listed. */
  retain(files: readonly string[]): void {
    const keep = new Set(files);
    for (const file of this.entries.keys()) if (!keep.has(file)) this.entries.delete(file);
  }
}
