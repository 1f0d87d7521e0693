/**
 * One buffer the stdio writer encodes its messages into, again and again, instead of a new one per message. The
 * outline of a year of pages is 1.5 MB of JSON, asked for after every keystroke while the Outline or breadcrumbs are
 * shown; a new buffer for each lives outside V8's heap until V8 next collects, so they piled up between collections
 * and made V8 collect more often. With this buffer, keystroke → outline p95 on 10 MB went from 34–42 ms to 25–29 ms
 * (four bench runs each).
 *
 * The buffer is lent to one message at a time and given back when that message has been written (the stream's
 * write callback: until then the stream may still read from it). A message encoded while the buffer is out on loan,
 * or larger than `MAX_KEPT_BYTES`, gets a buffer of its own, so that no bytes are ever overwritten before they are
 * written, whatever order a writer encodes and writes in.
 *
 * An answer put together from kept bytes (the outline after a keystroke) is not copied here whole: the writer copies
 * it a window of `WINDOW_BYTES` at a time, each window written before the next is filled. The outline of a year of
 * pages (1.9 MB) had kept that much of this buffer resident, written at every keystroke and read by nothing else.
 */

/** Room asked for past this gets a buffer of its own, which is freed with its message (a year of pages' first outline). */
export const MAX_KEPT_BYTES = 2 * 1024 * 1024;

/** An answer made of parts is written this many bytes at a time (see above); the pipe to the editor holds 64 KiB. */
export const WINDOW_BYTES = 256 * 1024;

export class OutputBuffer {
  private buffer = Buffer.allocUnsafeSlow(0);
  /** The message the buffer is lent to, until it has been written. */
  private lentTo: object | null = null;

  /** `size` bytes for `message` to be encoded into: the kept buffer when it is free, a new one otherwise. */
  lend(message: object, size: number): Buffer {
    if (this.lentTo !== null || size > MAX_KEPT_BYTES) return Buffer.allocUnsafe(size);
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(Math.min(MAX_KEPT_BYTES, Math.max(size, 2 * this.buffer.length)));
    this.lentTo = message;
    return this.buffer.subarray(0, size);
  }

  /** `message` has been written (or failed to be): the buffer is free again if it was lent to it. */
  release(message: object): void {
    if (this.lentTo === message) this.lentTo = null;
  }

  /** Bytes held between messages (the size of the largest message kept so far). */
  get capacity(): number {
    return this.buffer.length;
  }
}
