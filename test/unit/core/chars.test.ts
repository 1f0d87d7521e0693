/**
 * The character predicates and `codeAt`, which scanners use to look one unit before or after a match: it must read
 * exactly as `charCodeAt` does within the text and give -1 past either end (which every character test refuses), and
 * the predicates on a string must take an empty one as no character at all.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeAt, isAsciiDigitCode, isAsciiLetterCode, isCJK, isCJKCode, isCJKPunctuation, isCJKPunctuationCode, isHan, isHanCode, isRegExpSpaceCode } from '../../../server/src/core/chars';
import { propertyRuns } from '../../support/arbitraries';

describe('character classes (core/chars.ts)', () => {
  it('reads a unit as charCodeAt does within the text, and -1 past either end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.integer({ min: -3, max: 25 }), (text, i) => {
        const within = i >= 0 && i < text.length;
        assert.equal(codeAt(text, i), within ? text.charCodeAt(i) : -1, `${JSON.stringify(text)} at ${i}`);
      }),
      { numRuns: propertyRuns(300) },
    );
    assert.equal(codeAt('', 0), -1);
    assert.equal(codeAt('天津', 1), '津'.charCodeAt(0));
  });

  it('takes an empty string as no character, and a pair as one', () => {
    for (const test of [isHan, isCJK, isCJKPunctuation]) assert.equal(test(''), false, test.name);
    assert.equal(isHan('𠮷'), true);
    assert.equal(isHan('天'), true);
    assert.equal(isCJK('か'), true);
    assert.equal(isCJKPunctuation('，'), true);
    assert.equal(isHan('a'), false);
    // What a scanner asks of the unit past an end.
    for (const test of [isAsciiLetterCode, isAsciiDigitCode, isHanCode, isCJKCode, isCJKPunctuationCode, isRegExpSpaceCode]) assert.equal(test(-1), false, test.name);
  });
});
