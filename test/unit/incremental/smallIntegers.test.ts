/**
 * Offsets, lines and indices in the model must stay small integers to V8 while the server types. Minus zero (`-x` of
 * a zero) is a number V8 must box: added to a field in place, it leaves a boxed 5 where a 5 was, and the first such
 * store makes every object of that shape keep its numbers boxed, throwing away the code optimised for them — over
 * LSP the first keystrokes after opening a page then waited on V8 recompiling most of the rules. Reading a page,
 * moving its units to local views and back (`withUnitView`: the first unit's shift is all zeros) and typing
 * (`computeModelUpdate`, `computeIncrementalFindings`) must leave every integer in the model small, as V8's own
 * `%IsSmi` tells, in a fresh process (`test/support/smallIntegers.ts`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Seen {
  probe: string[];
  units: number;
  fresh: string[];
  moved: string[];
  typed: string[];
}

describe('small integers in the model', () => {
  let seen: Seen;

  before(function () {
    this.timeout(60_000);
    const script = path.join(ROOT, 'test/support/smallIntegers.ts');
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--require', 'tsx/cjs', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    seen = JSON.parse(r.stdout) as Seen;
  });

  it('the check sees a boxed integer: minus zero added in place', () => {
    assert.deepEqual(seen.probe, ['probe.index = 1']);
  });

  it('a page just read holds only small integers', () => {
    assert.deepEqual(seen.fresh, []);
  });

  it('moving every unit to a local view and back, in both kinds of view, keeps them small', () => {
    assert.ok(seen.units > 3, `${seen.units} units`);
    assert.deepEqual(seen.moved, []);
  });

  it('typing into the first and a middle article, with the findings after each keystroke, keeps them small', () => {
    assert.deepEqual(seen.typed, []);
  });
});
