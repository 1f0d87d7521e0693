/**
 * Binary search over lists kept in order — line starts, paragraphs, items, findings, directives — so that each
 * caller states only what it looks for and the loop, whose off-by-one errors are easy to make, is written once.
 */

/**
 * The first index in `[0, length)` for which `isPast` holds, or `length` when it holds for none. `isPast` must be
 * false up to some index and true from there on (a list sorted by what it tests).
 */
export function firstIndex(length: number, isPast: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isPast(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The last index in `[0, length)` not past (see `firstIndex`), or 0 when every index is past or the list is empty. */
export function lastIndexBefore(length: number, isPast: (index: number) => boolean): number {
  return Math.max(0, firstIndex(length, isPast) - 1);
}
