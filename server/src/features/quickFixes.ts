/**
 * Quick fixes and fix-all. Each finding under the cursor offers its fixes as `quickfix` actions with the
 * diagnostic attached (preferred when the finding has exactly one fix and it is safe); `source.fixAll.newsmark` applies every
 * safe fix in one edit, which is what `editor.codeActionsOnSave` asks for. The edits come from the core.
 */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { computeFindings } from '../core/findings';
import { computeFixAll, computeReplacement } from '../core/fixes';
import { DocumentModel } from '../core/model';
import { Fix, Finding } from '../core/rules/types';
import { Span } from '../core/text';
import { toRange } from '../convert';
import { CodeActionProvider, CodeActionRequest, wanted } from './codeActions';
import { toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.newsmark`;

function touches(finding: Span, range: Span): boolean {
  return finding.start <= range.end && range.start <= finding.end;
}

/** Does the client ask for fix-all explicitly (`only: ["source.fixAll"]` or ours)? It never shows up unasked. */
function fixAllRequested(request: CodeActionRequest): boolean {
  const only = request.params.context.only;
  return !!only && only.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + '.'));
}

function toAction(model: DocumentModel, uri: string, finding: Finding, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const edits: LspTextEdit[] = fix.edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: finding.fixes.length === 1 && fix.safe ? true : undefined,
    edit: { changes: { [uri]: edits } },
  };
}

function quickFixes(request: CodeActionRequest): CodeAction[] {
  const { model, document, params, config } = request;
  const range = { start: model.lines.offsetAt(params.range.start), end: model.lines.offsetAt(params.range.end) };
  const { findings } = computeFindings(model, { ...config, maxProblems: 0 });
  const out: CodeAction[] = [];
  for (const finding of findings) {
    if (finding.fixes.length === 0 || !touches(finding.span, range)) continue;
    const diagnostic = toDiagnostic(model, document.uri, finding);
    for (const fix of finding.fixes) out.push(toAction(model, document.uri, finding, fix, diagnostic));
  }
  return out;
}

function fixAll(request: CodeActionRequest): CodeAction[] {
  const { model, document, config } = request;
  const result = computeFixAll(model.text, config);
  const edit = computeReplacement(model.text, result.text);
  if (!edit) return [];
  return [
    {
      title: `Fix all safe Newsmark problems (${result.applied})`,
      kind: FIX_ALL_KIND,
      edit: { changes: { [document.uri]: [{ range: toRange(model, edit.span), newText: edit.newText }] } },
    },
  ];
}

export const quickFixProvider: CodeActionProvider = {
  kinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
  provide(request) {
    const out: CodeAction[] = [];
    if (wanted(request.params, CodeActionKind.QuickFix)) out.push(...quickFixes(request));
    if (fixAllRequested(request)) out.push(...fixAll(request));
    return out;
  },
};
