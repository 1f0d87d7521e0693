/**
 * Waiting in a real editor without fixed sleeps: diagnostics are awaited on `onDidChangeDiagnostics`, and
 * providers that answer only once the language server is up are polled until they do, under a deadline.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const SAMPLE_NAME = 'tianjin-environment-page.news';
export const EXTENSION_ID = 'newsmark.newsmark';

/** The sample page inside the workspace the launcher opened (a scratch copy, so fixes may edit it). */
export function sampleUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the end-to-end suite needs a workspace folder holding the sample page');
  return vscode.Uri.file(path.join(folder.uri.fsPath, SAMPLE_NAME));
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ') || 'none';
}

/** Resolves with the document's diagnostics as soon as `accept` holds for them. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (settled || !accept(diagnostics)) return;
      settled = true;
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      subscription.dispose();
      reject(new Error(`diagnostics did not arrive within ${timeoutMs} ms; have: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    check();
  });
}

/** Runs `produce` until `accept` holds for its result; for providers that answer empty until the server is up. */
export async function poll<T>(produce: () => Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await produce();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: no acceptable answer within ${timeoutMs} ms (last: ${JSON.stringify(last)?.slice(0, 300)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function openSample(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(sampleUri());
  const editor = await vscode.window.showTextDocument(document);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
  return editor;
}
