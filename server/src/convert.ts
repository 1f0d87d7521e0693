/** Conversions between core spans and LSP ranges. */
import { Range as LspRange } from 'vscode-languageserver/node';
import { DocumentModel } from './core/model';
import { Span } from './core/text';

export function toRange(model: DocumentModel, span: Span): LspRange {
  return model.lines.rangeOf(span);
}

export function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
