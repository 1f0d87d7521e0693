/**
 * Semantic tokens after edits, as VS Code asks for them (`full/delta` with the id of the tokens it holds): the
 * edits applied to the tokens held give exactly the tokens a full request gives for the edited text, and those
 * (kept per article across edits) are the tokens of the edited text opened afresh; its folding ranges too.
 */
import * as assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { readSample } from '../support/text';

/** The text after an LSP edit (lines split at \n only, as the test's texts have no CR). */
function applyChange(text: string, change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(change.range.start)) + change.text + text.slice(offset(change.range.end));
}

interface Edit {
  start: number;
  deleteCount: number;
  data?: number[];
}

describe('language server over stdio: semantic tokens as edits', () => {
  let client: LspClient;
  afterEach(async () => client?.shutdown());

  it('announces delta support and answers each keystroke with edits that give the full tokens', async () => {
    client = new LspClient();
    const init = await client.initialize({ textDocument: { semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } } });
    assert.deepEqual(init.capabilities.semanticTokensProvider.full, { delta: true });
    const page = readSample();
    const uri = 'file:///delta.news';
    const text = [page, page].join('\n\n');
    client.open(uri, text);
    let held = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    let data: number[] = held.data;
    const line = text.split('\n').findIndex((l) => l.includes('1240多'));
    assert.ok(line > 0);
    const edits = [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '新增32项，' },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n\n' },
      { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
    ];
    let version = 1;
    let sawEdits = false;
    let current = text;
    for (const change of edits) {
      current = applyChange(current, change);
      client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
      const answer = await client.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: held.resultId });
      if (answer.edits) {
        sawEdits = true;
        for (const e of [...(answer.edits as Edit[])].sort((a, b) => b.start - a.start)) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
      } else {
        data = answer.data;
      }
      held = answer;
      const full = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.deepEqual(data, full.data);
      held = full;
      data = [...full.data];
    }
    assert.ok(sawEdits, 'answered with edits');
    // Tokens kept per article and moved by the edits are those of the edited text read afresh.
    const fresh = 'file:///fresh.news';
    client.open(fresh, current);
    assert.deepEqual((await client.request('textDocument/semanticTokens/full', { textDocument: { uri: fresh } })).data, data);
    // So are the folding ranges, which are kept per article the same way.
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length > 0);
    assert.deepEqual(folds, await client.request('textDocument/foldingRange', { textDocument: { uri: fresh } }));
  });
});
