/**
 * Document highlights for figures: with the cursor on a figure, the editor marks the other mentions of the
 * same subject in the article (总面积 in the subheadline and the body), so a reader sees at once whether they
 * agree. Anywhere else the answer is empty.
 */
import { DocumentHighlight, DocumentHighlightKind } from 'vscode-languageserver/node';
import { getClaimAt, getRelatedMentions } from '../core/claims';
import { DocumentModel } from '../core/model';
import { unitViewAt } from '../core/ruleScope';
import { toRange } from '../convert';
import { guard } from '../safe';
import { Feature } from '../serverContext';

export function getFigureHighlights(model: DocumentModel, offset: number): DocumentHighlight[] {
  // Claims of the article under the cursor only: in a year of pages, reading every article's figures would take long.
  const view = unitViewAt(model, offset);
  const claim = getClaimAt(view, offset);
  if (!claim) return [];
  const related = getRelatedMentions(view, claim);
  if (related.length === 0) return [];
  return [claim, ...related]
    .sort((a, b) => a.span.start - b.span.start)
    .map((c) => ({ range: toRange(model, c.span), kind: DocumentHighlightKind.Text }));
}

export const documentHighlightFeature: Feature = {
  name: 'documentHighlight',
  capabilities: () => ({ documentHighlightProvider: true }),
  register({ connection, documents, models }) {
    connection.onDocumentHighlight(
      guard(connection.console, 'documentHighlight', [] as DocumentHighlight[], (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        const model = models.get(document);
        return getFigureHighlights(model, model.lines.offsetAt(params.position));
      }),
    );
  },
};
