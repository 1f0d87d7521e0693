/**
 * `Newsmark: Check All News Files in the Workspace`: every `*.news` file on disk in the workspace, one request
 * per file (`newsmark/checkFile`), with a progress notification that can be cancelled between files and
 * during one. Findings go to the Problems view in their own collection; a file that is open in an editor
 * keeps the live diagnostics the server already gives it instead.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckFileRequest } from '../../server/src/protocol';

const EXCLUDE = '**/{node_modules,.git,dist,out,.vscode-test}/**';

export class FolderCheck implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('newsmark-workspace');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.disposables.push(
      // Once a file is open, the server's live diagnostics for it take over.
      vscode.workspace.onDidOpenTextDocument((d) => this.diagnostics.delete(d.uri)),
    );
  }

  async run(): Promise<void> {
    const client = this.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Newsmark: the language server is not running.'));
      return;
    }
    const files = (await vscode.workspace.findFiles('**/*.news', EXCLUDE)).filter((u) => u.scheme === 'file').sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: no .news files in this workspace.'));
      return;
    }
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Newsmark: checking news files'), cancellable: true },
      async (progress, token) => {
        this.diagnostics.clear();
        let checked = 0;
        let findings = 0;
        const failures: string[] = [];
        for (const uri of files) {
          if (token.isCancellationRequested) break;
          progress.report({ message: `${checked + 1}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
          let result;
          try {
            result = await client.sendRequest(CheckFileRequest.type, { uri: client.code2ProtocolConverter.asUri(uri) }, token);
          } catch (e) {
            if (token.isCancellationRequested) break;
            failures.push(`${vscode.workspace.asRelativePath(uri)}: ${e instanceof Error ? e.message : String(e)}`);
            continue;
          }
          checked++;
          if (result.error) {
            failures.push(result.error);
            continue;
          }
          findings += result.diagnostics.length;
          if (!open.has(uri.toString())) this.diagnostics.set(uri, await client.protocol2CodeConverter.asDiagnostics(result.diagnostics));
        }
        return { checked, findings, failures, cancelled: token.isCancellationRequested };
      },
    );
    const text = summary.cancelled
      ? vscode.l10n.t('Newsmark: stopped after {0} of {1} files; {2} findings so far.', summary.checked, files.length, summary.findings)
      : vscode.l10n.t('Newsmark: checked {0} files; {1} findings.', summary.checked, summary.findings);
    if (summary.failures.length > 0) {
      void vscode.window.showWarningMessage(`${text} ${vscode.l10n.t('{0} files could not be checked: {1}', summary.failures.length, summary.failures.slice(0, 3).join('; '))}`);
    } else {
      void vscode.window.showInformationMessage(text);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
