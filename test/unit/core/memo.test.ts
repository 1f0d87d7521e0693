/**
 * `core/memo.ts`: a value kept with an object, as a `WeakMap` would keep it, but held by the object itself, so that
 * it dies with the object in a young-generation collection instead of being promoted to the old generation.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Memo } from '../../../server/src/core/memo';

describe('Memo', () => {
  it('keeps one value per object, as a WeakMap does', () => {
    const memo = new Memo<object, number>('count');
    const a = {};
    const b = {};
    assert.equal(memo.get(a), undefined);
    assert.equal(memo.has(a), false);
    assert.equal(memo.set(a, 1), memo);
    assert.equal(memo.get(a), 1);
    assert.equal(memo.has(a), true);
    assert.equal(memo.get(b), undefined);
    memo.set(a, 2);
    assert.equal(memo.get(a), 2);
    assert.equal(memo.delete(a), true);
    assert.equal(memo.delete(a), false);
    assert.equal(memo.get(a), undefined);
  });

  it('keeps values that are falsy', () => {
    const memo = new Memo<object, unknown>('falsy');
    const key = {};
    memo.set(key, null);
    assert.equal(memo.has(key), true);
    assert.equal(memo.get(key), null);
    memo.set(key, 0);
    assert.equal(memo.get(key), 0);
  });

  it('gives two memos on one object a value each', () => {
    const first = new Memo<object, string>('first');
    const second = new Memo<object, string>('second');
    const key = {};
    first.set(key, 'one');
    second.set(key, 'two');
    assert.equal(first.get(key), 'one');
    assert.equal(second.get(key), 'two');
  });

  it('is not read through a prototype: an object made from a key has no value of its own', () => {
    const memo = new Memo<object, string>('own');
    const key = {};
    memo.set(key, 'key');
    const child = Object.create(key) as object;
    assert.equal(memo.get(child), undefined);
    assert.equal(memo.has(child), false);
    memo.set(child, 'child');
    assert.equal(memo.get(child), 'child');
    assert.equal(memo.get(key), 'key');
  });

  it('is invisible to JSON, keys, spreads and deep comparison', () => {
    const memo = new Memo<object, string>('hidden');
    const symbol = { name: '郭文生', kind: 9 };
    memo.set(symbol, 'kept');
    assert.equal(JSON.stringify(symbol), '{"name":"郭文生","kind":9}');
    assert.deepEqual(Object.keys(symbol), ['name', 'kind']);
    const copy = { ...symbol };
    assert.equal(memo.get(copy), undefined);
    assert.deepStrictEqual(symbol, { name: '郭文生', kind: 9 });
    assert.deepStrictEqual(Object.assign({}, symbol), { name: '郭文生', kind: 9 });
  });

  it('refuses a frozen object with a TypeError', () => {
    const memo = new Memo<object, number>('frozen');
    assert.throws(() => memo.set(Object.freeze({}), 1), TypeError);
  });

  describe('in young-generation collections (node --expose-gc, in a process of its own)', () => {
    const growth = (holder: string): { whileInUse: number; afterRelease: number } => {
      const script = path.join(__dirname, '..', '..', 'support', 'promotion.ts');
      // Young generation room for the whole value: with a semi-space of 1 MB (V8 may shrink it to that), a collection
      // came while the value was being made, so part of it was promoted by the script's first collection, object in
      // use, whatever held it (a WeakSet's grew by 157-205 KB in two full `npm test` runs of eight).
      const args = ['--expose-gc', '--min-semi-space-size=16', '--require', 'tsx/cjs', script, holder];
      return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as { whileInUse: number; afterRelease: number };
    };
    // The value is about 480 KB of small objects; what the old generation gains besides is under a few kilobytes.
    const PROMOTED = 400_000;
    const NOTHING = 100_000;

    it('promotes a value whose object is still in use (the measure sees a promotion)', () => {
      assert.ok(growth('memo-held').afterRelease > PROMOTED);
    });

    it('does not promote a value whose object was let go', () => {
      const { afterRelease } = growth('memo');
      assert.ok(afterRelease < NOTHING, `old generation grew by ${afterRelease} bytes`);
    });

    it('does not promote what a WeakSet holds either: the object and its value die young', () => {
      const { afterRelease } = growth('weakset');
      assert.ok(afterRelease < NOTHING, `old generation grew by ${afterRelease} bytes`);
    });
  });
});
