/**
 * Hover: one LSP handler, several providers (figures, bylines and datelines, front-matter keys). The first
 * provider with an answer wins; providers are listed in `hoverProviders.ts`.
 */
import { Hover, MarkupKind } from 'vscode-languageserver/node';
import { DocumentModel } from '../core/model';
import { Locale } from '../core/rules/types';
import { guard } from '../safe';
import { Feature } from '../serverContext';
import { HOVER_PROVIDERS } from './hoverProviders';

/** A provider answers Markdown for an offset, and the span it describes, in the display language. */
export type HoverProvider = (model: DocumentModel, offset: number, locale?: Locale) => { markdown: string; span: { start: number; end: number } } | null;

export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register({ connection, documents, models, configFor }) {
    connection.onHover(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      let locale: Locale = 'en';
      try {
        locale = (await configFor(document.uri)).locale;
      } catch {
        // The hover still answers, in English.
      }
      return guard(connection.console, 'hover', null as Hover | null, () => {
        const model = models.get(document);
        const offset = model.lines.offsetAt(params.position);
        for (const provider of HOVER_PROVIDERS) {
          const answer = provider(model, offset, locale);
          if (answer) return { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range: model.lines.rangeOf(answer.span) };
        }
        return null;
      })(params, token);
    });
  },
};
