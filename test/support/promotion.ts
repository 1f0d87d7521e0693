// Run by test/unit/core/memo.test.ts as `node --expose-gc --min-semi-space-size=16 --require tsx/cjs test/support/promotion.ts HOLDER`.
// Makes an object and a value of small objects (about half a megabyte) kept with it as HOLDER says (`memo`,
// `weakmap`, `weakset`, or `memo-held`, whose object is never let go), runs a young-generation collection while the
// object is in use, lets the object go, and runs another. Prints on stdout, as JSON, how much the old generation
// grew: a value that survived both collections was promoted there.
import { getHeapSpaceStatistics } from 'node:v8';
import { Memo } from '../../server/src/core/memo';

const holder = process.argv[2];
const oldSpaceUsed = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;
const gc = (globalThis as { gc?: (options: { type: 'major' | 'minor' }) => void }).gc!;
const memo = new Memo<object, unknown>('test');
const weakMap = new WeakMap();
const weakSet = new WeakSet();
let inUse: object | null = null;

function keepValue(): void {
  const key: { name: string; value?: unknown } = { name: 'key' };
  const value: { i: number; text: string }[] = [];
  for (let i = 0; i < 10000; i++) value.push({ i, text: 'x' });
  if (holder === 'memo' || holder === 'memo-held') memo.set(key, value);
  else if (holder === 'weakmap') weakMap.set(key, value);
  else if (holder === 'weakset') {
    key.value = value;
    weakSet.add(key);
  } else throw new Error(`unknown holder ${holder}`);
  inUse = key;
}

gc({ type: 'major' });
gc({ type: 'minor' });
const before = oldSpaceUsed();
keepValue();
gc({ type: 'minor' });
const whileInUse = oldSpaceUsed() - before;
if (holder !== 'memo-held') inUse = null;
gc({ type: 'minor' });
const afterRelease = oldSpaceUsed() - before;
process.stdout.write(JSON.stringify({ holder, whileInUse, afterRelease, heldToTheEnd: inUse !== null }) + '\n');
