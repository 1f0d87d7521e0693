/**
 * Findings as LSP diagnostics. Pulled by clients that support it (VS Code), pushed with publishDiagnostics to
 * those that do not (neovim 0.7); refreshed when settings or `.newsmarkrc.json` change.
 */
import { Diagnostic, DiagnosticSeverity, Position, Range, DocumentDiagnosticReport, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NewsmarkConfig } from '../core/config';
import { computeFindings, FindingsResult } from '../core/findings';
import { FindingsCancelled } from '../core/incrementalFindings';
import { Memo } from '../core/memo';
import { DocumentModel } from '../core/model';
import { Finding, Severity } from '../core/rules/types';
import { LineIndex, Span } from '../core/text';
import { sameRange, toRange } from '../convert';
import { Feature, ServerContext } from '../serverContext';
import { keptElements } from '../keptElements';
import { afterQueuedRequests } from '../turns';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where each rule's one-paragraph documentation lives; the fragment is the rule's code. */
export const RULE_DOCS_BASE = 'https://github.com/newsmark/newsmark/blob/main/docs/rules.md';

export function toDiagnostic(model: DocumentModel, uri: string, f: Finding): Diagnostic {
  return {
    range: toRange(model, f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: `${RULE_DOCS_BASE}#${f.code}` },
    source: 'newsmark',
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri, range: toRange(model, r.span) }, message: r.message })),
  };
}

export function computeDiagnostics(model: DocumentModel, uri: string, config: NewsmarkConfig, log: (message: string) => void, result: FindingsResult = computeFindings(model, config)): Diagnostic[] {
  for (const failure of result.failures) log(`rule ${failure.code} failed on ${uri}: ${failure.message}`);
  return result.findings.map((f) => keptDiagnostic(model, uri, f));
}

/**
 * The diagnostic last made for each finding. The server keeps the findings of the articles an edit did not touch
 * (`core/incrementalFindings.ts`), so after a keystroke in a year of pages most of the thousand diagnostics handed
 * out are of the same finding objects; making their ranges and objects again at every keystroke was a fifth of
 * what a keystroke allocated. A kept diagnostic is given again only while its positions are still where the
 * finding's offsets fall (an edit above it can move lines without moving offsets).
 */
const made = new Memo<Finding, { uri: string; diagnostic: Diagnostic }>('diagnostic');

function keptDiagnostic(model: DocumentModel, uri: string, f: Finding): Diagnostic {
  const kept = made.get(f);
  if (kept && kept.uri === uri && rangeStill(model.lines, kept.diagnostic.range, f.span) && relatedStill(model.lines, kept.diagnostic, f)) return kept.diagnostic;
  const diagnostic = toDiagnostic(model, uri, f);
  made.set(f, { uri, diagnostic });
  return diagnostic;
}

function relatedStill(lines: LineIndex, d: Diagnostic, f: Finding): boolean {
  const related = d.relatedInformation ?? [];
  if (related.length !== f.related.length) return false;
  for (let i = 0; i < related.length; i++) if (!rangeStill(lines, related[i].location.range, f.related[i].span)) return false;
  return true;
}

function rangeStill(lines: LineIndex, range: Range, span: Span): boolean {
  return lines.isPositionOf(range.start, span.start) && lines.isPositionOf(range.end, span.end);
}

/**
 * The last report pulled for each document, so that a request whose answer has not changed is answered with
 * `unchanged` and the report's id, as LSP 3.17 allows: the editor keeps what it shows, and nothing is sent or
 * parsed again. In a long archive a keystroke usually changes nothing the problem cap lets through.
 */
export class PulledReports {
  private readonly last = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private counter = 0;

  report(uri: string, previousResultId: string | undefined, items: Diagnostic[]): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last) keepUnchanged(last.items, items);
    if (last && previousResultId === last.resultId && sameDiagnostics(last.items, items)) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    const resultId = String(++this.counter);
    this.last.set(uri, { resultId, items });
    // Most of a changed report's diagnostics are the same objects as in the last one (see keptDiagnostic): over a
    // stream each is encoded once, and a keystroke that moves one line's findings does not write out a thousand.
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: keptElements(items) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** Equal as the editor shows them: range, severity, code, message and related locations. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i], b[i])) return false;
  return true;
}

/** Equal in every field `toDiagnostic` fills (the code's link and the source follow from the code). */
function sameDiagnostic(x: Diagnostic, y: Diagnostic): boolean {
  if (x === y) return true;
  if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message || !sameRange(x.range, y.range)) return false;
  const rx = x.relatedInformation ?? [];
  const ry = y.relatedInformation ?? [];
  if (rx.length !== ry.length) return false;
  for (let j = 0; j < rx.length; j++) {
    if (rx[j].message !== ry[j].message || rx[j].location.uri !== ry[j].location.uri || !sameRange(rx[j].location.range, ry[j].location.range)) return false;
  }
  return true;
}

/**
 * Puts the last report's diagnostic in the place of an equal new one, walking both in page order. The findings of
 * the articles an edit re-checked are new objects, and so are their diagnostics, though most read as before: given
 * again, a diagnostic is written from its kept bytes (see `keptElements`) and compared at once. A diagnostic whose
 * equal sits elsewhere in the order is only made again.
 */
export function keepUnchanged(last: readonly Diagnostic[], items: Diagnostic[]): void {
  let i = 0;
  for (let j = 0; j < items.length && i < last.length; j++) {
    const y = items[j];
    while (i < last.length && isBefore(last[i].range.start, y.range.start)) i++;
    if (i < last.length && sameDiagnostic(last[i], y)) items[j] = last[i++];
  }
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Pushed diagnostics wait for a pause in typing, so a burst of keystrokes in a big file is checked once. */
export const PUSH_DEBOUNCE_MS = 150;

function pullSupported(context: ServerContext): boolean {
  return !!context.capabilities().textDocument?.diagnostic;
}

export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  capabilities: (client) => (client.textDocument?.diagnostic ? { diagnosticProvider: { identifier: 'newsmark', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
  register(context) {
    const { connection, documents, models, log } = context;
    const reports = new PulledReports();

    const push = async (document: TextDocument) => {
      if (pullSupported(context)) return;
      try {
        const config = await context.configFor(document.uri);
        const current = documents.get(document.uri);
        if (!current || current.version !== document.version) return;
        const diagnostics = computeDiagnostics(models.get(document), document.uri, config, log, models.findings(document, config));
        await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      } catch (e) {
        log(`diagnostics failed for ${document.uri}: ${e instanceof Error ? e.message : String(e)}`);
      }
    };

    connection.languages.diagnostics.on(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      try {
        const config = await context.configFor(document.uri);
        // Requests sent with this one that need only the model (the outline) go first; and a cancellation only
        // arrives between turns of the event loop, so a request made stale by the next keystroke is dropped
        // unstarted. The token is asked again between articles.
        await afterQueuedRequests();
        if (token.isCancellationRequested) throw new FindingsCancelled();
        const result = models.findings(document, config, () => token.isCancellationRequested);
        const items = computeDiagnostics(models.get(document), document.uri, config, log, result);
        return reports.report(document.uri, params.previousResultId, items);
      } catch (e) {
        if (e instanceof FindingsCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        log(`diagnostics failed for ${document.uri}: ${e instanceof Error ? e.message : String(e)}`);
        return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
    });

    const timers = new Map<string, NodeJS.Timeout>();
    const schedulePush = (document: TextDocument) => {
      if (pullSupported(context)) return;
      clearTimeout(timers.get(document.uri));
      timers.set(
        document.uri,
        setTimeout(() => {
          timers.delete(document.uri);
          const current = documents.get(document.uri);
          if (current) void push(current);
        }, PUSH_DEBOUNCE_MS),
      );
    };
    documents.onDidChangeContent((e) => schedulePush(e.document));
    documents.onDidClose((e) => {
      reports.forget(e.document.uri);
      clearTimeout(timers.get(e.document.uri));
      timers.delete(e.document.uri);
      if (!pullSupported(context)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    context.onConfigurationChanged(() => {
      if (pullSupported(context)) connection.languages.diagnostics.refresh();
      else for (const d of documents.all()) void push(d);
    });
  },
};
