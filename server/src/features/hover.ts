/**
 * Hover: one LSP handler, several providers (figures, bylines and datelines, front-matter keys). The first
 * provider with an answer wins; providers are listed in `hoverProviders.ts`.
 */
import { Hover } from 'vscode-languageserver/node';
import { DocumentModel } from '../core/model';
import { guard } from '../safe';
import { Feature } from '../serverContext';
import { HOVER_PROVIDERS } from './hoverProviders';

/** A provider answers Markdown for an offset, and the span it describes. */
export type HoverProvider = (model: DocumentModel, offset: number) => { markdown: string; span: { start: number; end: number } } | null;

export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register({ connection, documents, models }) {
    connection.onHover(
      guard(connection.console, 'hover', null as Hover | null, (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return null;
        const model = models.get(document);
        const offset = model.lines.offsetAt(params.position);
        for (const provider of HOVER_PROVIDERS) {
          const answer = provider(model, offset);
          if (answer) return { contents: { kind: 'markdown', value: answer.markdown }, range: model.lines.rangeOf(answer.span) };
        }
        return null;
      }),
    );
  },
};
