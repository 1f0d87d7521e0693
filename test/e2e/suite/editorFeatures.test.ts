/**
 * Issue 6's editor features in a real VS Code, through the `vscode` API: folding, expand selection, semantic
 * tokens, workspace symbols, code lens and hover on the sample page, and the workspace check filling the
 * Problems view. Run by the end-to-end launcher (code-server here, @vscode/test-electron elsewhere), which
 * opens a scratch workspace holding the sample page. Waits on events or polls under a deadline; never sleeps
 * a fixed time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const SAMPLE_NAME = 'tianjin-environment-page.news';
const ARTICLE_LINES = [3, 29, 43, 61, 77, 99, 137];

function sample(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder holding the sample page');
  return vscode.Uri.file(path.join(folder.uri.fsPath, SAMPLE_NAME));
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Runs `produce` until `accept` holds, for providers that answer empty until the server is up. */
async function until<T>(produce: () => Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await produce();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: no acceptable answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openSample(): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument(sample());
  await vscode.window.showTextDocument(document);
  await vscode.extensions.getExtension('newsmark.newsmark')?.activate();
  return document.uri;
}

describe('editor features in VS Code', () => {
  it('folds articles, expands the selection, colours headlines, finds symbols, shows lenses and hovers', async () => {
    const uri = await openSample();
    const folds = await until(() => vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri), (f) => (f?.length ?? 0) >= 11, 'folding');
    assert.ok(folds.some((f) => f.start === 2 && f.end === 26), 'the first article folds over lines 3–27');

    const [selection] = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', uri, [new vscode.Position(108, 10)]);
    const chain: number[][] = [];
    for (let r: vscode.SelectionRange | undefined = selection; r; r = r.parent) chain.push([r.range.start.line, r.range.end.line]);
    assert.deepEqual(chain.slice(0, 4), [
      [108, 108],
      [106, 110],
      [98, 134],
      [0, 144],
    ]);

    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
    const headlineLines: number[] = [];
    let line = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      if (legend.tokenTypes[tokens.data[i + 3]] === 'headline') headlineLines.push(line + 1);
    }
    assert.deepEqual(headlineLines, ARTICLE_LINES);

    const symbols = await until(
      () => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '郭文生'),
      (s) => (s?.filter((x) => x.location.uri.toString() === uri.toString()).length ?? 0) >= 3,
      'workspace symbols',
    );
    assert.deepEqual(
      symbols.filter((s) => s.location.uri.toString() === uri.toString()).map((s) => s.location.range.start.line + 1),
      [11, 33, 103],
    );

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual([...new Set(lenses.map((l) => l.range.start.line + 1))], ARTICLE_LINES);
    // Article 6 (line 99) holds the orphan credit, the stray "and" and OCR markup: its lens counts them.
    const counts = lenses
      .filter((l) => l.range.start.line + 1 === 99)
      .map((l) => /^(\d+) (?:findings?|个问题)$/.exec(l.command?.title ?? ''))
      .filter((m): m is RegExpExecArray => m !== null);
    assert.equal(counts.length, 1, 'one findings lens on the article of line 99');
    assert.ok(Number(counts[0][1]) >= 3, `the findings of article 6 counted on its lens: ${counts[0][0]}`);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(10, 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /本报记者郭文生/);
  });

  it('checks every news file in the workspace into the Problems view', async () => {
    const other = path.join(path.dirname(sample().fsPath), 'archive', 'copy-of-sample.news');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.copyFileSync(sample().fsPath, other);
    try {
      await vscode.commands.executeCommand('newsmark.checkFolder');
      const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(other));
      const found = diagnostics.map((d) => [codeOf(d), d.range.start.line] as const);
      assert.ok(found.some(([code, line]) => code === 'orphan-credit' && line === 110), 'the orphan credit of the copy');
      assert.deepEqual(
        found.filter(([code]) => code === 'broken-wrap').map(([, line]) => line + 1),
        [13, 17, 19, 25, 53, 69, 85, 121],
      );
    } finally {
      fs.rmSync(path.dirname(other), { recursive: true, force: true });
    }
  });
});
