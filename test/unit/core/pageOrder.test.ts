/**
 * Findings are put in page order by merging the ordered runs the rules report and stopping at the problem cap;
 * the result must be exactly what sorting all of them (stably) and cutting at the cap gives, ties and all.
 */
import * as assert from 'node:assert/strict';
import { byPosition, firstInPageOrder } from '../../../server/src/core/findings';
import { Finding } from '../../../server/src/core/rules/types';

/** A deterministic pseudo-random sequence (xorshift), so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/** `runs` rules, each reporting in page order (or not, when `shuffled`), with many findings on the same spans. */
function findings(seed: number, runs: number, shuffled: boolean): Finding[] {
  const next = random(seed);
  const out: Finding[] = [];
  for (let r = 0; r < runs; r++) {
    const code = ['b-rule', 'a-rule', 'c-rule'][next(3)];
    let start = next(5);
    for (let k = next(40); k > 0; k--) {
      start += next(3);
      const end = start + next(3);
      // The message tells findings apart that the order treats as equal.
      out.push({ code, severity: 'warning', message: `${r}/${k}`, span: { start, end }, related: [], fixes: [] });
    }
  }
  if (shuffled) for (let i = out.length - 1; i > 0; i--) { const j = next(i + 1); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
}

describe('page order of findings', () => {
  it('is a stable sort cut at the cap, for few runs, many runs and no order at all', () => {
    let cases = 0;
    for (let seed = 1; seed <= 300; seed++) {
      for (const [runs, shuffled] of [[1, false], [4, false], [20, false], [90, false], [6, true]] as const) {
        const found = findings(seed * 7 + runs, runs, shuffled);
        for (const cap of [found.length, 1, 7, Math.floor(found.length / 2)]) {
          const expected = [...found].sort(byPosition).slice(0, Math.max(cap, 0));
          const actual = firstInPageOrder(found, cap);
          assert.deepEqual(actual.map((f) => f.message), expected.map((f) => f.message), `seed ${seed}, ${runs} runs, cap ${cap}`);
          cases++;
        }
      }
    }
    assert.equal(cases, 300 * 5 * 4);
  });

  it('gives a new list, and none for no findings', () => {
    const found = findings(3, 2, false);
    assert.notEqual(firstInPageOrder(found, found.length), found);
    assert.deepEqual(firstInPageOrder([], 10), []);
  });
});
