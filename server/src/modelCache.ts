/**
 * One document model per document version: every handler asks here, so a page is analysed once per edit no
 * matter how many features the editor requests.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDocumentModel } from './core/documentModel';
import { DocumentModel } from './core/model';

interface Entry {
  version: number;
  model: DocumentModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument): DocumentModel {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.model;
    const model = computeDocumentModel(document.getText());
    this.entries.set(document.uri, { version: document.version, model });
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
