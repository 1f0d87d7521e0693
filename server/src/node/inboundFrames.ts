/**
 * The base protocol's framing of what the client sends (`Content-Length: N` and other headers, an empty line, then N
 * bytes of JSON in UTF-8), read into memory this class owns: `target()` says where the next read from the stream
 * goes, `received(n)` takes the bytes read there. A message's text is decoded once, from where its bytes were read.
 *
 * vscode-jsonrpc's stream reader keeps every chunk the stream hands it until a message is complete, then copies the
 * chunks into one buffer and decodes that. Opening a year of pages (a 10 MB message) therefore held 20 MB of the
 * message's bytes beside its decoded text and the parsed document: the open reached 113.6–117.3 MB, and 110.1–110.5
 * with this reader in four opens of five (typing afterwards still reaches about 117 MB). Here a small message is
 * read into one kept buffer of `SCRATCH_BYTES` and decoded from it; a larger one is read in place into a buffer
 * that nothing else holds while the sink has it: it goes to the sink as it is, for `messageBody.ts` to decode its
 * long strings where they lie.
 *
 * Large messages up to `KEPT_BODY_BYTES` (a page, a week of pages) are read into one more kept buffer, the same
 * memory from one to the next; a larger one (a month or a year of pages) gets a buffer of exactly its size, and the
 * kept one is let go. Memory that a process touches for the first time costs a page fault per 4 KiB (10.5 µs on
 * the machine of the README's tables), and a buffer of its own for each message touched a fresh megabyte for a
 * 1 MB page: 256 faults, 2.7 ms, before a byte of it was read. The kept buffer's pages are touched once, those
 * past the first message that used it a step at a time when nothing else is to be done (`idle`), never while a
 * message is being read into it. Warmed servers opening 1 MB, alternately (twelve each): main thread 21.7 ms
 * against 26.3 (medians), 680 pages faulted in against 964, open → outline 39.8 ms against 41.6; resident memory
 * 1–2 MB more once a large message has come. A year of pages' 10 MB message is larger and lets the kept buffer go
 * (V8 frees it at its next full collection): the bench's 10 MB sequence peaked at 106.3–109.5 MB (median 107.8)
 * against 105.7–107.7 (107.1), five servers each.
 *
 * Bad input is reported to `FrameSink.error` with one line of reason and the frame is skipped: a header block
 * without a usable `Content-Length`, a charset other than UTF-8, a header block longer than the kept buffer (where no
 * message can be told from the next, so everything read so far is dropped).
 */

/** Where complete messages and framing errors go. */
export interface FrameSink {
  /** A message's body, decoded from UTF-8 (not yet parsed). */
  message(text: string): void;
  /**
   * The body of a message larger than the kept buffer, in a buffer that nothing else holds until `large` returns: the
   * sink may overwrite it, and must not keep it, as the next large message may be read into the same memory.
   */
  large(body: Buffer): void;
  /** A frame that cannot be read, in one line; the frame has been skipped. */
  error(reason: string): void;
}

/** The kept buffer for headers and messages up to this size; larger messages get a buffer of their own. */
export const SCRATCH_BYTES = 64 * 1024;

/** Large messages up to this size are read into one kept buffer (see above); larger ones get a buffer of their own. */
export const KEPT_BODY_BYTES = 2 * 1024 * 1024;

/** The kept body buffer's untouched pages are touched this many bytes at a time, when the server is idle. */
export const TOUCH_STEP_BYTES = 256 * 1024;

/** The largest message taken: a body declared larger is reported and skipped (1 GiB, far past any page). */
export const MAX_MESSAGE_BYTES = 2 ** 30;

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * A header block's verdict: the body's length (and why its body, once read, is to be skipped), or why the frame
 * cannot be read at all.
 */
export type Headers = { ok: true; length: number; skip: string | null } | { ok: false; error: string };

/** Reads a header block (ASCII, lines split by CRLF, `Name: value`), as vscode-jsonrpc does, names in any case. */
export function readHeaders(block: string): Headers {
  let length: number | null = null;
  let charsetError: string | null = null;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, error: `a message header is not "Name: value": ${JSON.stringify(line.slice(0, 80))}` };
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d{1,10}$/.test(value)) return { ok: false, error: `Content-Length is not a number of bytes: ${JSON.stringify(value.slice(0, 40))}` };
      length = Number(value);
    } else if (name === 'content-type') {
      const charset = /(?:^|;)\s*charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1]?.toLowerCase();
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') charsetError = `unsupported charset "${charset}": messages must be UTF-8`;
    }
  }
  if (length === null) return { ok: false, error: 'a message has no Content-Length header' };
  if (length > MAX_MESSAGE_BYTES) return { ok: false, error: `a message of ${length} bytes is larger than the ${MAX_MESSAGE_BYTES} taken` };
  return { ok: true, length, skip: charsetError };
}

export class InboundFrames {
  private readonly scratch: Buffer;
  /** The first byte of `scratch` not yet taken, and one past the last byte read into it. */
  private start = 0;
  private end = 0;
  /** The body length of the frame whose headers have been read; -1 between frames. */
  private length = -1;
  /** Why the frame whose headers have been read cannot be delivered (its body is read, then skipped). */
  private frameError: string | null = null;
  /** A large message's buffer while its reads fill it, and how much they have filled. */
  private body: Buffer | null = null;
  private filled = 0;
  /** The kept buffer for large messages up to its size, made at the first one; null after a larger one. */
  private keptBody: Buffer | null = null;
  /** Bytes from the start of `keptBody` that have been touched (read into or filled). */
  private touched = 0;
  /** Whether a step of touching `keptBody` is waiting for `idle`. */
  private touching = false;

  constructor(
    private readonly sink: FrameSink,
    scratchBytes: number = SCRATCH_BYTES,
    private readonly keptBodyBytes: number = KEPT_BODY_BYTES,
    /** Runs `step` when the server has nothing else to do (the next turn of Node's event loop). */
    private readonly idle: (step: () => void) => void = (step) => void setImmediate(step),
  ) {
    this.scratch = Buffer.allocUnsafeSlow(scratchBytes);
  }

  /** Bytes held for large messages between them (0 until one comes, and after one larger than the kept buffer). */
  get keptBodyCapacity(): number {
    return this.keptBody === null ? 0 : this.keptBody.length;
  }

  /** Bytes of the kept body buffer touched so far (read into, or filled when idle). */
  get keptBodyTouched(): number {
    return this.keptBody === null ? 0 : this.touched;
  }

  /** Where the next read from the stream puts its bytes: never empty. */
  target(): Buffer {
    if (this.body !== null) return this.body.subarray(this.filled);
    return this.scratch.subarray(this.end);
  }

  /** `n` bytes were read into the buffer `target()` last gave. */
  received(n: number): void {
    if (this.body !== null) {
      this.filled += n;
      if (this.filled === this.body.length) this.takeBody();
      return;
    }
    this.end += n;
    this.takeFrames();
  }

  /** Bytes read and not yet delivered or skipped (a frame in progress). */
  get pending(): number {
    return this.body !== null ? this.filled : this.end - this.start;
  }

  /** Delivers the frames complete in `scratch`, and makes room for the rest. */
  private takeFrames(): void {
    const scratch = this.scratch;
    for (;;) {
      if (this.length < 0) {
        const stop = scratch.subarray(0, this.end).indexOf(HEADER_END, this.start);
        if (stop < 0) break;
        const headers = readHeaders(scratch.toString('latin1', this.start, stop));
        this.start = stop + HEADER_END.length;
        if (!headers.ok) {
          this.sink.error(headers.error);
          continue;
        }
        this.length = headers.length;
        this.frameError = headers.skip;
      }
      const available = this.end - this.start;
      if (available >= this.length) {
        const from = this.start;
        const to = (this.start += this.length);
        if (this.finish()) this.sink.message(scratch.toString('utf8', from, to));
        continue;
      }
      if (this.length > scratch.length) {
        // A message larger than the kept buffer: the kept body buffer or one of its own, filled in place by the reads.
        this.body = this.bodyBuffer(this.length);
        scratch.copy(this.body, 0, this.start, this.end);
        this.filled = available;
        this.start = this.end = 0;
        return;
      }
      break;
    }
    // Whatever is left (part of a frame) moves to the front, so that the next read has room after it.
    if (this.start === this.end) {
      this.start = this.end = 0;
    } else if (this.start > 0 && (this.end === scratch.length || this.length > scratch.length - this.start)) {
      scratch.copy(scratch, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end === scratch.length && this.length < 0) {
      this.sink.error(`message headers longer than ${scratch.length} bytes: ${this.end} bytes dropped`);
      this.start = this.end = 0;
    }
  }

  /** The large message's buffer is full: hand it over, keeping nothing of it but the kept buffer's memory. */
  private takeBody(): void {
    const body = this.body!;
    this.body = null;
    this.filled = 0;
    if (this.keptBody !== null && body.buffer === this.keptBody.buffer) {
      this.touched = Math.max(this.touched, body.length);
      this.touchLater();
    }
    if (this.finish()) this.sink.large(body);
  }

  /** Where a large message of `length` bytes is read: the kept buffer when it fits, a buffer of its own otherwise. */
  private bodyBuffer(length: number): Buffer {
    if (length > this.keptBodyBytes) {
      this.keptBody = null;
      this.touched = 0;
      return Buffer.allocUnsafeSlow(length);
    }
    this.keptBody ??= Buffer.allocUnsafeSlow(this.keptBodyBytes);
    return this.keptBody.subarray(0, length);
  }

  /** Touches the next step of the kept buffer's untouched pages when idle, unless a message is being read into it. */
  private touchLater(): void {
    if (this.touching || this.keptBody === null || this.touched >= this.keptBody.length) return;
    this.touching = true;
    this.idle(() => {
      this.touching = false;
      const kept = this.keptBody;
      if (kept === null || this.body !== null) return;
      const to = Math.min(kept.length, this.touched + TOUCH_STEP_BYTES);
      kept.fill(0, this.touched, to);
      this.touched = to;
      this.touchLater();
    });
  }

  /** Ends the current frame: true where its body is to be delivered, false where it was skipped (and reported). */
  private finish(): boolean {
    const error = this.frameError;
    this.length = -1;
    this.frameError = null;
    if (error === null) return true;
    this.sink.error(error);
    return false;
  }
}
