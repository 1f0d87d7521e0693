/**
 * V8 settings for a server that is typed in.
 *
 * Pretenuring. V8 decides per allocation site (a place in the code that makes objects) whether its objects go
 * straight to the old generation: a site whose objects mostly survive their first collection is "pretenured". Opening
 * a page reads all of it, and the model, claims and findings made then are all kept, so the sites of the reader and
 * the rules are pretenured; the same sites then make the short-lived objects of every keystroke (the window read
 * again, the rules run on one article), and those went straight to the old generation, where only a full collection
 * frees them. Typing in 10 MB, the old generation grew by 17 MB every hundred keystrokes with pretenuring and by
 * 2.5 MB without it (in process, model, findings and diagnostics after each).
 *
 * Heap growth. After a full collection V8 lets the old generation grow to a multiple of what survived before it
 * collects again, a multiple it picks from how fast it collects (up to four). With a year of pages open that is
 * tens of megabytes of garbage kept resident: what opening it left behind (the message, its text, the first
 * findings) and what typing promotes. While the open documents hold `LARGE_TEXT` or more, the server asks V8 to
 * grow the old generation by a fifth only; below it, where the heap is small anyway, V8 keeps its own choice, which
 * costs fewer collections while typing.
 */
import { setFlagsFromString } from 'node:v8';

/** UTF-16 units of open text from which the heap is kept tight: about 5 MB of Chinese. */
export const LARGE_TEXT = 2_000_000;

/** Growth of the old generation past what survived, in percent, while large text is open (0: V8's own choice). */
export const TIGHT_GROWTH_PERCENT = 20;

/** Turns allocation-site pretenuring off for this process. V8 reads the flag at each collection, so it takes effect here. */
export function tuneHeapForTyping(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * Follows the size of the open text: keeps the heap tight from `LARGE_TEXT` on and gives V8 its own choice back
 * below. V8 reads the growth at each full collection. `setFlags` is for tests.
 */
export class HeapGrowth {
  private tight = false;

  constructor(private readonly setFlags: (flags: string) => void = setFlagsFromString) {}

  /** The open documents now hold `chars` UTF-16 units in all. True when that changed the setting. */
  openText(chars: number): boolean {
    const tight = chars >= LARGE_TEXT;
    if (tight === this.tight) return false;
    this.tight = tight;
    this.setFlags(`--heap-growing-percent=${tight ? TIGHT_GROWTH_PERCENT : 0}`);
    return true;
  }

  get isTight(): boolean {
    return this.tight;
  }
}
