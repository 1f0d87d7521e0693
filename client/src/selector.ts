/**
 * Which documents the language server sees. Every filter names the `file` or `untitled` scheme, so chat
 * inputs, diff views, Git history, output channels and other virtual inputs are never analysed. Kept free of
 * the `vscode` module so that a unit test can check that promise.
 */
import type { DocumentFilter } from 'vscode-languageclient/node';

/** Extensions that `newsmark.checkFiles` may add. */
export const EXTRA_EXTENSIONS = ['txt', 'md'] as const;

export function newsSelector(checkFiles: readonly unknown[]): DocumentFilter[] {
  const out: DocumentFilter[] = [
    { scheme: 'file', language: 'newsmark' },
    { scheme: 'untitled', language: 'newsmark' },
  ];
  for (const ext of new Set(checkFiles)) {
    if (ext === 'txt' || ext === 'md') out.push({ scheme: 'file', pattern: `**/*.${ext}` });
  }
  return out;
}

/** The schemes `newsSelector` admits; a command asked to check anything else says so. */
export const CHECKED_SCHEMES: readonly string[] = ['file', 'untitled'];
