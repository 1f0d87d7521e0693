/**
 * A page's text decoded from the UTF-8 of the message that brought it: the same string as `toString('utf8')`, made
 * faster where the text holds anything past ASCII.
 *
 * `toString('utf8')` hands the bytes to V8's own decoder, about 17 ns a Chinese character on the machine of the
 * README's tables: 5.8 ms for a 1 MB page, the largest part of reading the message that opens it. Node's
 * `transcode` turns valid UTF-8 into UTF-16 with simdutf (0.3 ms for the same page, in memory already touched), and
 * V8 copies UTF-16 into a string as it is; the two took 4.3 ms (medians of twenty, with the server's Node flags and
 * malloc threshold, most of it faulting in the two new blocks of memory).
 *
 * Kept to `toString('utf8')`:
 * - ASCII text (`isAscii`, English wire copy): V8 copies it into a one-byte string, half the memory of UTF-16;
 * - bytes that are not valid UTF-8: `transcode` refuses them, and `toString` puts in its replacement characters;
 * - text of `EXTERNAL_UNITS` UTF-16 units or more: Node would copy it into an external string of its own, outside
 *   V8's heap, beside the UTF-16 `transcode` gave, where V8's decoder makes the one string;
 * - more than `TRANSCODED_BYTES` bytes, which can only be such text or larger;
 * - a Node without ICU, which has no `transcode`.
 */
import * as buffer from 'node:buffer';

/**
 * Node's bound on a string copied from a buffer into V8's heap (`EXTERN_APEX` in its string_bytes.cc, in UTF-16
 * units): from this length on, a UTF-16 buffer's `toString` makes an external string instead.
 */
export const EXTERNAL_UNITS = 0xfbee9;

/** UTF-8 of more bytes than this is decoded by V8 alone (see `EXTERNAL_UNITS`): three bytes a unit at the most is Chinese. */
export const TRANSCODED_BYTES = 3 * EXTERNAL_UNITS;

type Transcode = (source: Uint8Array, from: string, to: string) => Buffer;
const transcode: Transcode | undefined = (buffer as { transcode?: Transcode }).transcode;
const isAscii: ((input: Uint8Array) => boolean) | undefined = (buffer as { isAscii?: (input: Uint8Array) => boolean }).isAscii;

/** The text of `bytes[start, end)`, UTF-8, exactly as `bytes.toString('utf8', start, end)` gives it. */
export function decodeUtf8(bytes: Buffer, start: number, end: number): string {
  if (transcode !== undefined && isAscii !== undefined && end - start <= TRANSCODED_BYTES) {
    const slice = bytes.subarray(start, end);
    if (!isAscii(slice)) {
      let units: Buffer | null = null;
      try {
        units = transcode(slice, 'utf8', 'ucs2');
      } catch {
        // Not valid UTF-8: decoded below, with replacement characters where the bytes are broken.
      }
      if (units !== null && units.length / 2 < EXTERNAL_UNITS) return units.toString('ucs2');
    }
  }
  return bytes.toString('utf8', start, end);
}
