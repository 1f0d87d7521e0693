/** Expand selection over LSP: paragraph → section → article → document, from the core. */
import { SelectionRange } from 'vscode-languageserver/node';
import { DocumentModel } from '../core/model';
import { getSelectionChain } from '../core/selectionRanges';
import { Position } from '../core/text';
import { guard } from '../safe';
import { Feature } from '../serverContext';

export function getSelectionRange(model: DocumentModel, position: Position): SelectionRange {
  const offset = model.lines.offsetAt(position);
  let range: SelectionRange | undefined;
  // LSP wants the innermost range with its parents chained outwards.
  for (const span of getSelectionChain(model, offset).reverse()) range = { range: model.lines.rangeOf(span), parent: range };
  // One answer per position is required: on a blank line that is the cursor itself.
  return range ?? { range: model.lines.rangeOf({ start: offset, end: offset }) };
}

export const selectionRangesFeature: Feature = {
  name: 'selectionRanges',
  capabilities: () => ({ selectionRangeProvider: true }),
  register({ connection, documents, models }) {
    connection.onSelectionRanges(
      guard(connection.console, 'selectionRange', [] as SelectionRange[], (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        const model = models.get(document);
        return params.positions.map((p) => getSelectionRange(model, p));
      }),
    );
  },
};
