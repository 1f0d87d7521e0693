/**
 * A value kept with an object for as long as the object lives: what a `WeakMap` keyed by the object gives, held in
 * a property of the object itself (under a symbol of this memo's own, not enumerable, so that `JSON.stringify`,
 * `Object.keys`, spreads and deep comparisons never see it).
 *
 * Why not a `WeakMap`: in Node 20 (V8 11.3), once an entry of a `WeakMap` has lived through a young-generation
 * collection, the next one keeps its value alive even when nothing holds the entry's key any more; only a full
 * collection frees it. So what a model caches (its claims, its articles' prose, its broken wraps) outlives the
 * model: it lives through its second young collection and is promoted to the old generation, where every promoted
 * page is faulted in (10.5 µs a page on the machine the README names) and stays until the next full collection.
 * In 20 steady-state full analyses of the bench's 1 MB page the old generation grew at every run until a full
 * collection, mostly by 2.3–2.8 MB (0.8 and 4.1 once each); with the caches in memos it grew in 5 runs of 20, and
 * not at all in the other 15. A `WeakSet`, which has no values, does not do this, nor does a property
 * (`test/unit/core/memo.test.ts` checks both, and that its measure sees a value promoted while its object lives).
 *
 * A key must be extensible (not frozen, sealed or made non-extensible): `set` throws a TypeError on one that is not.
 */
export class Memo<K extends object, V> {
  private readonly slot: symbol;

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  get(key: K): V | undefined {
    return this.has(key) ? (key as Record<symbol, V>)[this.slot] : undefined;
  }

  has(key: K): boolean {
    return Object.prototype.hasOwnProperty.call(key, this.slot);
  }

  set(key: K, value: V): this {
    if (this.has(key)) (key as Record<symbol, V>)[this.slot] = value;
    else Object.defineProperty(key, this.slot, { value, writable: true, configurable: true, enumerable: false });
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    delete (key as Record<symbol, V>)[this.slot];
    return true;
  }
}
