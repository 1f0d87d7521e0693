/**
 * Quick fixes and fix-all. Each finding the client asks about (its diagnostics in the request) offers its fixes
 * as `quickfix` actions with the diagnostic attached (preferred when the finding has exactly one fix and it is
 * safe); `source.fixAll.newsmark` applies every safe fix in one edit, which is what `editor.codeActionsOnSave`
 * asks for, and is listed in the Source Action menu. The edits come from the core.
 */
import { CodeAction, CodeActionKind, CodeActionTriggerKind, Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
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

/**
 * Which findings the client asks about: the newsmark diagnostics it sends in the context (what VS Code does for
 * the light bulb and Ctrl+.), or, when it sends none and a person asked, every finding the range touches.
 */
function askedAbout(request: CodeActionRequest, findings: Finding[]): Finding[] {
  const { model, params } = request;
  const sent = params.context.diagnostics.filter((d) => d.source === 'newsmark');
  if (sent.length > 0) {
    return findings.filter((f) => {
      const range = model.lines.rangeOf(f.span);
      return sent.some((d) => d.code === f.code && d.range.start.line === range.start.line && d.range.start.character === range.start.character);
    });
  }
  if (params.context.triggerKind === CodeActionTriggerKind.Automatic) return [];
  const range = { start: model.lines.offsetAt(params.range.start), end: model.lines.offsetAt(params.range.end) };
  return findings.filter((f) => touches(f.span, range));
}

function quickFixes(request: CodeActionRequest): CodeAction[] {
  const { model, document } = request;
  // The articles the request and the diagnostics it sends are about, not the whole page: the light bulb asks on every cursor move.
  const { params } = request;
  const ranges = [params.range, ...params.context.diagnostics.map((d) => d.range)];
  const start = Math.min(...ranges.map((r) => model.lines.offsetAt(r.start)));
  const end = Math.max(...ranges.map((r) => model.lines.offsetAt(r.end)));
  const findings = request.findingsAround({ start, end });
  const out: CodeAction[] = [];
  for (const finding of askedAbout(request, findings)) {
    if (finding.fixes.length === 0) continue;
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
