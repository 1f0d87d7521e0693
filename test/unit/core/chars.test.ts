/**
 * The character predicates and `codeAt`, which scanners use to look one unit before or after a match: it must read
 * exactly as `charCodeAt` does, NaN past either end of the text (so that a scanner's checks match nothing there),
 * and the predicates on a string must take an empty one as no character at all.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeAt, isCJK, isCJKPunctuation, isHan } from '../../../server/src/core/chars';
import { propertyRuns } from '../../support/arbitraries';

describe('character classes (core/chars.ts)', () => {
  it('reads a unit as charCodeAt does, NaN past either end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.integer({ min: -3, max: 25 }), (text, i) => {
        assert.ok(Object.is(codeAt(text, i), text.charCodeAt(i)), `${JSON.stringify(text)} at ${i}`);
      }),
      { numRuns: propertyRuns(300) },
    );
    assert.ok(Number.isNaN(codeAt('', 0)));
    assert.equal(codeAt('天津', 1), '津'.charCodeAt(0));
  });

  it('takes an empty string as no character, and a pair as one', () => {
    for (const test of [isHan, isCJK, isCJKPunctuation]) assert.equal(test(''), false, test.name);
    assert.equal(isHan('𠮷'), true);
    assert.equal(isHan('天'), true);
    assert.equal(isCJK('か'), true);
    assert.equal(isCJKPunctuation('，'), true);
    assert.equal(isHan('a'), false);
  });
});
