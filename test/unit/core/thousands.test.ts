/** Grouped digits without ICU (`core/thousands.ts`), held to what `toLocaleString('en-US')` writes. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { groupThousands } from '../../../server/src/core/thousands';

describe('groupThousands', () => {
  it('groups by three from the right, with the sign in front', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [7, '7'],
      [999, '999'],
      [1000, '1,000'],
      [1240, '1,240'],
      [15600, '15,600'],
      [180000000, '180,000,000'],
      [-1234567, '-1,234,567'],
      [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
      [1e21, '1,000,000,000,000,000,000,000'],
    ];
    for (const [n, expected] of cases) assert.equal(groupThousands(n), expected, String(n));
  });

  it('writes what toLocaleString("en-US") writes for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => groupThousands(n) === n.toLocaleString('en-US')),
      { numRuns: 2000 },
    );
  });

  it('writes a number that is not an integer as String does', () => {
    assert.equal(groupThousands(1.5), '1.5');
    assert.equal(groupThousands(Number.NaN), 'NaN');
    assert.equal(groupThousands(Number.POSITIVE_INFINITY), 'Infinity');
  });
});
