/** Conversions between core spans and LSP ranges. */
import { Range as LspRange } from 'vscode-languageserver/node';
import { DocumentModel } from './core/model';
import { Span } from './core/text';

export function toRange(model: DocumentModel, span: Span): LspRange {
  return model.lines.rangeOf(span);
}
