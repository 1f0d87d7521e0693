/**
 * V8 settings for a server that is typed in.
 *
 * Pretenuring. V8 decides per allocation site (a place in the code that makes objects) whether its objects go
 * straight to the old generation: a site whose objects mostly survive their first collection is "pretenured". Opening
 * a page reads all of it, and the model, claims and findings made then are all kept, so the sites of the reader and
 * the rules are pretenured; the same sites then make the short-lived objects of every keystroke (the window read
 * again, the rules run on one article), and those went straight to the old generation, where only a full collection
 * frees them. Typing in 10 MB, the old generation grew by 17 MB every hundred keystrokes with pretenuring and by
 * 2.5 MB without it (in process, model, findings and diagnostics after each); measured again once the caches were
 * memos (`core/memo.ts`), 8.0–12.4 MB and 2.7 MB. On 1 MB the memos alone bring it to 2.0 MB, with or without.
 *
 * Heap growth. After a full collection V8 lets the old generation grow to a multiple of what survived before it
 * collects again, a multiple it picks from how fast it collects: up to four on a small heap. Whatever is made then
 * promoted until that limit stays resident, and it is faulted in first, at 10.5 µs a page on the machine of the
 * README's tables. The server asks V8 to grow the old generation by a fifth only (or by its own minimum step, 8 MB
 * past what survived, when that is more), from the start. It once did so only while 2 million UTF-16 units or more
 * were open, because typing in a small page then collected more often (the 1 MB keystroke → diagnostics p95 went
 * from 6.3–8.9 ms to 9.1 and 10.7). Since a keystroke leaves a few kilobytes in the old generation
 * (`core/pieceText.ts`) that p95 is the same either way (medians of 3.0 and 3.1 ms, ten servers each), and in warmed
 * servers a 1 MB open → outline took a median of 40.5 ms against 47.4, its main thread 25.4 ms against 32.3 and 727
 * pages of memory faulted in against 1,126 (ten servers each): the open fills pages the last collection left
 * instead of new ones. With typing, a 1 MB page peaks at 82 MB against 89–90.
 */
import { setFlagsFromString } from 'node:v8';

/** Growth of the old generation past what survived, in percent (0 would be V8's own choice). */
export const TIGHT_GROWTH_PERCENT = 20;

/** The flag that keeps the old generation's growth to `TIGHT_GROWTH_PERCENT`. */
export const TIGHT_GROWTH_FLAG = `--heap-growing-percent=${TIGHT_GROWTH_PERCENT}`;

/** The flags `tuneHeapForTyping` gives V8. */
export const TYPING_FLAGS = ['--no-allocation-site-pretenuring', TIGHT_GROWTH_FLAG];

/**
 * Turns allocation-site pretenuring off and keeps the heap's growth tight, for this process. V8 reads both flags at
 * each collection, so they take effect here. `setFlags` is for tests.
 */
export function tuneHeapForTyping(setFlags: (flags: string) => void = setFlagsFromString): void {
  for (const flag of TYPING_FLAGS) setFlags(flag);
}

/**
 * Text, in UTF-16 units, whose closing is followed by a full collection: about 3 MB of Chinese, so closing a page or
 * a week of pages never waits on one, and closing a month or a year of them does once.
 */
export const RELEASED_TEXT = 1_000_000;

/**
 * A full collection after large text closes, where the process was started with `--expose-gc` (`serverFlags.ts`).
 * A closed page's text, model and findings are garbage that V8 frees only at its next full collection, which comes
 * when the old generation has grown past its limit again: closing a year of pages and opening another (or the same
 * one again) read the second while the first was still resident. The peak of the bench's sequence (open 10 MB,
 * close, open again, type) was 144-152 MB, 112-121 with this; the next page's first diagnostics then come 150 ms
 * later (808 ms against 652, medians of five), about half of it faulting in again the memory given back.
 * Collecting after a large page opens as well (to free its message) lowered no peak and delayed its outline by
 * 70 ms, so it is not done. The collection runs once the message that closed the text has been handled
 * (`schedule`), never inside a request; `collect` is not given where Node has no `gc` (another client's command line).
 */
export class LargeTextCollections {
  private last = 0;
  private pending = false;

  constructor(
    /** Collects, knowing the open text after the closing and how much closed. */
    private readonly collect: ((openChars: number, closed: number) => void) | undefined,
    private readonly schedule: (run: () => void) => void = (run) => void setImmediate(run),
  ) {}

  /** The open documents now hold `chars` UTF-16 units in all. True when a collection was scheduled. */
  openText(chars: number): boolean {
    const closed = this.last - chars;
    this.last = chars;
    const collect = this.collect;
    if (collect === undefined || closed < RELEASED_TEXT || this.pending) return false;
    this.pending = true;
    this.schedule(() => {
      this.pending = false;
      collect(this.last, closed);
    });
    return true;
  }
}

/**
 * Open text, in UTF-16 units, from which V8 is asked to favour memory over speed: about 6 MB of Chinese, a few
 * months of pages. Below it nothing changes.
 */
export const LARGE_TEXT_MEMORY = 2_000_000;

/** The flag that has V8 favour memory, and the one that has it stop. */
export const MEMORY_FLAG = '--optimize-for-size';
export const NO_MEMORY_FLAG = '--no-optimize-for-size';

/**
 * V8's `--optimize-for-size` while `LARGE_TEXT_MEMORY` units or more are open, read at run time at each collection:
 * the old generation may then grow 2 MB past what survived its last full collection instead of 8 MB, and V8 shrinks
 * the young generation at its full collections. A year of pages held open is 7 MB of text and 30 MB of model, and
 * typing in it filled the 8 MB before each full collection; the peak of the bench's 10 MB sequence (open, close,
 * open again, type) was set then: 98.8–99.6 MB with this, 102.1–103.3 without (a bench run each). Measured in
 * `docs/performance.md` (twenty-fifth round).
 */
export class LargeTextMemory {
  private favoured = false;

  constructor(private readonly setFlags: (flags: string) => void = setFlagsFromString) {}

  /** The open documents now hold `chars` UTF-16 units in all. True when the flag changed. */
  openText(chars: number): boolean {
    const favour = chars >= LARGE_TEXT_MEMORY;
    if (favour === this.favoured) return false;
    this.favoured = favour;
    this.setFlags(favour ? MEMORY_FLAG : NO_MEMORY_FLAG);
    return true;
  }
}
