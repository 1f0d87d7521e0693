/**
 * Semantic tokens as an edit to the ones the editor holds (`full/delta`): the edit applied to the old numbers gives
 * the new ones exactly, for any two lists; an id that is not the last given gets the tokens in full.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver/node';
import { GivenTokens, tokensEdit } from '../../../server/src/features/semanticTokens';

function applyEdits(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const out = [...data];
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

describe('semantic tokens as edits', () => {
  it('gives one edit that turns any list of numbers into any other, and none between equal lists', () => {
    const list = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 });
    fc.assert(
      fc.property(list, list, (before, after) => {
        const edits = tokensEdit(before, after);
        assert.deepEqual(applyEdits(before, edits), after);
        assert.ok(edits.length <= 1);
        if (edits.length === 1) assert.ok(edits[0].deleteCount + (edits[0].data?.length ?? 0) <= before.length + after.length);
      }),
      { numRuns: 2000 },
    );
    assert.deepEqual(tokensEdit([1, 2, 3], [1, 2, 3]), []);
    assert.deepEqual(tokensEdit([0, 0, 5, 1, 0, 2, 0, 7, 1, 0], [0, 0, 5, 1, 0, 2, 0, 8, 1, 0]), [{ start: 7, deleteCount: 1, data: [8] }]);
  });

  it('answers with an edit to the last tokens given, and in full to any other id', () => {
    const given = new GivenTokens();
    const first = given.full('a', { data: [0, 0, 5, 1, 0] });
    const second = given.delta('a', first.resultId!, { data: [0, 0, 6, 1, 0] }) as SemanticTokensDelta;
    assert.deepEqual(second.edits, [{ start: 2, deleteCount: 1, data: [6] }]);
    assert.notEqual(second.resultId, first.resultId);
    const stale = given.delta('a', first.resultId!, { data: [0, 0, 7, 1, 0] }) as SemanticTokens;
    assert.deepEqual(stale.data, [0, 0, 7, 1, 0]);
    const other = given.delta('b', second.resultId!, { data: [1, 1, 1, 1, 0] }) as SemanticTokens;
    assert.deepEqual(other.data, [1, 1, 1, 1, 0], 'ids are per document');
    given.forget('a');
    assert.deepEqual((given.delta('a', stale.resultId!, { data: [2] }) as SemanticTokens).data, [2]);
  });
});
