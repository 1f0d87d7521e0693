/**
 * The status bar item for the active news file: how many articles Newsmark found and how many findings it
 * has. The numbers come from the server (`newsmark/documentStatus`), so they are the same the outline and the
 * Problems view show; they are refreshed when the file, its diagnostics or the active editor change.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatus, DocumentStatusRequest } from '../../server/src/protocol';

/** Typing fires many changes; the diagnostics-changed event follows anyway. */
const DEBOUNCE_MS = 300;

export function statusText(status: DocumentStatus): string {
  const articles = status.articles === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', status.articles);
  const findings =
    status.findings.total === 0 ? vscode.l10n.t('no findings') : status.findings.total === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', status.findings.total);
  return `$(book) ${articles} · ${findings}`;
}

function tooltip(status: DocumentStatus): string {
  const f = status.findings;
  const lines = [
    vscode.l10n.t('Newsmark: {0} articles, {1} photos', status.articles, status.photos),
    vscode.l10n.t('Errors: {0}, warnings: {1}, information: {2}, hints: {3}', f.errors, f.warnings, f.information, f.hints),
  ];
  if (status.omitted > 0) lines.push(vscode.l10n.t('{0} more findings left out by newsmark.maxNumberOfProblems', status.omitted));
  if (status.outlineLeftOut > 0) lines.push(vscode.l10n.t('{0} outline entries left out by newsmark.maxItemsComputed (every headline is kept)', status.outlineLeftOut));
  lines.push(vscode.l10n.t('Click to open the Problems view.'));
  return lines.join('\n');
}

export class NewsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsmark.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are dropped: only the latest request may update the item. */
  private generation = 0;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly selector: () => vscode.DocumentSelector,
  ) {
    this.item.name = vscode.l10n.t('Newsmark');
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule();
      }),
    );
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), DEBOUNCE_MS);
  }

  update(): void {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (!document || !client?.isRunning() || vscode.languages.match(this.selector(), document) === 0) {
      this.item.hide();
      return;
    }
    client.sendRequest(DocumentStatusRequest.type, { uri: client.code2ProtocolConverter.asUri(document.uri) }).then(
      (status) => {
        if (generation !== this.generation) return;
        if (!status) {
          this.item.hide();
          return;
        }
        this.item.text = statusText(status);
        this.item.tooltip = tooltip(status);
        this.item.show();
      },
      () => {
        if (generation === this.generation) this.item.hide();
      },
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
