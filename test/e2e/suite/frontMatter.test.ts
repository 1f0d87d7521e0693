/**
 * Front-matter in a real VS Code: the palette command converts the active document through the server's
 * `newsmark.server.convertDocument`, the refactoring converts one article when its edit is applied, and inside a
 * block completion offers keys and hover explains them. Untitled documents keep the workspace's sample page as
 * the other suites expect it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, poll } from './helpers';

const AP = [
  'Storm knocks out power to thousands in Texas',
  '',
  'By JANE DOE and JOHN ROE',
  'Associated Press',
  '',
  'HOUSTON (AP) — A powerful storm swept through southeast Texas on Tuesday, knocking out power to more than 200,000 customers, officials said.',
  '',
  'The National Weather Service said up to 6 inches of rain fell in some areas.',
  '',
].join('\n');

const PAPER = ['蓟州区将添两大国家湿地公园', '', '8月底前建成,总面积1240多公顷', '', '本报讯 天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利。', '', '金文', ''].join('\n');

async function openNews(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'newsmark', content });
  const editor = await vscode.window.showTextDocument(document);
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  // The server has the document once it answers the outline for it.
  await poll(
    () => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri),
    (s) => Array.isArray(s) && s.length > 0,
    'document symbols',
  );
  return editor;
}

describe('Newsmark in VS Code: front-matter', () => {
  it('converts the active document from the palette command', async () => {
    const editor = await openNews(AP);
    await vscode.commands.executeCommand('newsmark.convertToFrontMatter');
    const text = await poll(
      () => Promise.resolve(editor.document.getText()),
      (t) => t.startsWith('---\n'),
      'converted text',
    );
    assert.ok(text.startsWith('---\nheadline: Storm knocks out power to thousands in Texas\n'), text.slice(0, 200));
    assert.match(text, /\ndateline:\n {2}place: HOUSTON\n {2}agency: AP\n/);
    assert.match(text, /\n---\n\nA powerful storm swept through southeast Texas/);
    assert.ok(!text.includes('HOUSTON (AP) —'), 'the opener left the lede');
  });

  it('converts one article with the refactoring "Convert article to front-matter"', async () => {
    const editor = await openNews(PAPER);
    const actions = await poll(
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 1, 0, 1), vscode.CodeActionKind.RefactorRewrite.value),
      (a) => Array.isArray(a) && a.some((x) => x.title === 'Convert article to front-matter'),
      'the conversion code action',
    );
    const action = actions.find((x) => x.title === 'Convert article to front-matter')!;
    assert.ok(action.edit);
    assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    const text = editor.document.getText();
    assert.ok(text.startsWith('---\nheadline: 蓟州区将添两大国家湿地公园\nsubheadlines:\n  - 8月底前建成,总面积1240多公顷\ndateline:\n  agency: 本报\n---\n\n天津市蓟州区'), text.slice(0, 200));
    assert.ok(text.endsWith('\n\n金文\n'), 'the trailing credit stays');
  });

  it('completes keys and explains them on hover inside the block', async () => {
    const editor = await openNews(['---', 'headline: 新稿', '', '---', '', '正文。', ''].join('\n'));
    const list = await poll(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(2, 0)),
      (l) => l.items.some((i) => i.label === 'bylines'),
      'front-matter key completions',
    );
    assert.ok(!list.items.some((i) => i.label === 'headline' && i.kind === vscode.CompletionItemKind.Property), 'headline is already there');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(1, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*headline\*\*/);
  });
});
