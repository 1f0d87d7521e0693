/**
 * Findings once per document version and configuration, for the features that count them besides the
 * diagnostics (code lens, status bar): an edit makes the editor ask for both, and the rules need not run
 * twice. Keyed weakly by the open document, so a closed document's entry goes with it.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NewsmarkConfig } from './core/config';
import { computeFindings, FindingsResult } from './core/findings';
import { DocumentModel } from './core/model';

interface Entry {
  version: number;
  config: NewsmarkConfig;
  result: FindingsResult;
}

const entries = new WeakMap<TextDocument, Entry>();

export function getCachedFindings(document: TextDocument, model: DocumentModel, config: NewsmarkConfig): FindingsResult {
  const entry = entries.get(document);
  // Configurations are cached objects until settings change, so identity says "same settings".
  if (entry && entry.version === document.version && entry.config === config) return entry.result;
  const result = computeFindings(model, config);
  entries.set(document, { version: document.version, config, result });
  return result;
}
