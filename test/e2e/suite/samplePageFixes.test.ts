/**
 * The name sorts after `samplePage.test.ts`, so the outline tests see the page unchanged.
 *
 * Applies a quick fix in the real editor and compares the text. Each test reopens the scratch copy of the sample page and reverts it afterwards, so they do not depend on
 * each other or on the outline tests.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openSample, sampleUri, waitForDiagnostics } from './helpers';

/** Every character that is not whitespace, in order: what a join or a conversion must never lose. */
const ink = (text: string) => text.replace(/\s+/g, '');

describe('Newsmark in VS Code: quick fixes', () => {
  let editor: vscode.TextEditor;

  beforeEach(async function () {
    this.timeout(120_000);
    editor = await openSample();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('joins a paragraph broken by the print layout (line 13 | line 15) with its quick fix', async () => {
    const before = editor.document.getText();
    const lines = before.split(/\r?\n/);
    const diagnostics = await waitForDiagnostics(sampleUri(), (ds) => ds.some((d) => codeOf(d) === 'broken-wrap'));
    const wrap = diagnostics.filter((d) => codeOf(d) === 'broken-wrap').sort((a, b) => a.range.start.line - b.range.start.line)[0];
    assert.ok(wrap.range.start.line >= 12 && wrap.range.start.line <= 14, `first broken wrap is at lines 13–15, not ${wrap.range.start.line + 1}`);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sampleUri(), wrap.range, vscode.CodeActionKind.QuickFix.value);
    // vscode.executeCodeActionProvider hands back actions without their diagnostics (they are undefined here),
    // so the fix is found by its title; the protocol tests check that the diagnostic is attached.
    const join = actions.find((a) => /Join/.test(a.title));
    assert.ok(join, `a Join fix is offered; got: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(join.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(join.edit, 'the fix carries its edit');
    assert.equal(await vscode.workspace.applyEdit(join.edit), true);

    const after = editor.document.getText();
    const expected = [...lines.slice(0, 12), lines[12] + lines[14], ...lines.slice(15)].join('\n');
    assert.equal(after, expected);
    assert.equal(ink(after), ink(before), 'no character other than the break is touched');
  });

  it('applies every safe fix when saving with editor.codeActionsOnSave: source.fixAll.newsmark', async () => {
    const before = editor.document.getText();
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'newsmark' });
    await settings.update('codeActionsOnSave', { 'source.fixAll.newsmark': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      await waitForDiagnostics(sampleUri(), (ds) => ds.some((d) => codeOf(d) === 'broken-wrap'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const after = editor.document.getText();
      assert.ok(after.includes('PM2.5') && !after.includes('PM_{'), 'ocr-markup fixed');
      assert.ok(after.includes('把推进生态文明建设和加强生态环境保护'), 'stray-latin fixed');
      assert.ok(!/[\u4e00-\u9fff],[\u4e00-\u9fff]/.test(after), 'no ASCII comma left between Chinese characters');
      assert.equal(after.split('\n').length, before.split('\n').length - 16, 'eight broken wraps joined');
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
      // Put the scratch copy back as it was, for whatever runs next.
      const all = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
      const restore = new vscode.WorkspaceEdit();
      restore.replace(sampleUri(), all, before);
      await vscode.workspace.applyEdit(restore);
      await editor.document.save();
    }
  });
});
