/**
 * Conversion as code actions: `refactor.rewrite` "Convert article to front-matter" on each raw article the
 * selection touches, and a `source` action that converts every article of the document at once.
 */
import { CodeAction, CodeActionKind, CodeActionTriggerKind, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { computeArticleConversion, computeDocumentConversion } from '../core/convert';
import { DocumentModel } from '../core/model';
import { TextEdit } from '../core/rules/types';
import { CodeActionProvider, wanted } from './codeActions';

export const CONVERT_ALL_KIND = `${CodeActionKind.Source}.convertToFrontMatter`;

export function toWorkspaceEdit(model: DocumentModel, uri: string, version: number, edits: TextEdit[]): WorkspaceEdit {
  const lsp: LspTextEdit[] = edits.map((e) => ({ range: model.lines.rangeOf(e.span), newText: e.newText }));
  return { documentChanges: [{ textDocument: { uri, version }, edits: lsp }] };
}

export const convertActions: CodeActionProvider = {
  kinds: [CodeActionKind.RefactorRewrite, CONVERT_ALL_KIND],
  provide({ model, document, params }) {
    const out: CodeAction[] = [];
    if (wanted(params, CodeActionKind.RefactorRewrite)) {
      const start = model.lines.offsetAt(params.range.start);
      const end = model.lines.offsetAt(params.range.end);
      // Asked for automatically (the light bulb follows the cursor), the action shows only on an article's header
      // and opener, so it does not light every line of a page; invoked (Ctrl+., Refactor…) it is offered anywhere.
      const automatic = params.context.triggerKind === CodeActionTriggerKind.Automatic && !params.context.only;
      const touched = model.articles.filter((a) => {
        if (automatic) {
          const headerEnd = a.lede ? a.lede.content.start : a.span.end;
          return a.span.start <= end && headerEnd >= start;
        }
        return a.span.end >= start && a.span.start <= end;
      });
      for (const a of touched) {
        const c = computeArticleConversion(model, a);
        if (!c) continue;
        // A selection across several articles offers one action each, told apart by headline.
        const title = touched.length > 1 && a.headline ? `Convert article to front-matter: ${a.headline.text}` : 'Convert article to front-matter';
        out.push({ title, kind: CodeActionKind.RefactorRewrite, edit: toWorkspaceEdit(model, document.uri, document.version, c.edits) });
      }
    }
    // Offered only when asked for source actions: it touches the whole document.
    if (params.context.only && wanted(params, CONVERT_ALL_KIND)) {
      const all = computeDocumentConversion(model);
      if (all.length > 0) {
        out.push({
          title: 'Convert all articles to front-matter',
          kind: CONVERT_ALL_KIND,
          edit: toWorkspaceEdit(model, document.uri, document.version, all.flatMap((c) => c.edits)),
        });
      }
    }
    return out;
  },
};
