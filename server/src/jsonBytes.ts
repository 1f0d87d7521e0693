/**
 * A value kept as its JSON only, in ASCII bytes, for an answer element that is given again and again while the
 * objects it was made of are not needed: a year of pages' outline is 4,999 symbols, each with its ranges and positions,
 * and as objects they held 3.5 MB of V8's heap besides their bytes (2.2 MB) from one keystroke to the next. A stream
 * transport writes the bytes as they are (`node/messageEncoder.ts`); any other serialises the value `toJSON` reads
 * back from them, so every transport sends the same JSON.
 */

const HEX = '0123456789abcdef';

/** The bytes of `0`–`9`, `a`–`f`. */
const HEX_BYTES = Uint8Array.from(HEX, (c) => c.charCodeAt(0));

/**
 * The bytes of JSON text in ASCII only: every character past ASCII written as a `\u` escape of its UTF-16 unit (a
 * pair for a character outside the BMP, as JSON allows), the same value. The text must be JSON, as `JSON.stringify`
 * writes it: outside strings it is ASCII already. Each escape is written where it goes, the text read twice (once to
 * size the bytes, once to write them). Made through a string, every character past ASCII cost six strings (the slice
 * before it, the escape's parts, the text so far): in process, the symbols of a 1 MB page's outline (330 items,
 * 437 KB) took 2.7–2.9 ms to escape that way and 2.0 this way.
 */
export function asciiBytes(json: string): Buffer {
  const n = json.length;
  let wide = 0;
  for (let i = 0; i < n; i++) if (json.charCodeAt(i) >= 0x80) wide++;
  if (wide === 0) return Buffer.from(json, 'latin1');
  const out = Buffer.allocUnsafe(n + 5 * wide);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) {
      out[w++] = c;
      continue;
    }
    out[w] = 0x5c; // backslash
    out[w + 1] = 0x75; // u
    out[w + 2] = HEX_BYTES[c >> 12];
    out[w + 3] = HEX_BYTES[(c >> 8) & 15];
    out[w + 4] = HEX_BYTES[(c >> 4) & 15];
    out[w + 5] = HEX_BYTES[c & 15];
    w += 6;
  }
  return out;
}

export class JsonBytes {
  /** `ascii`: JSON text as `JSON.stringify` writes it, in ASCII (see `asciiBytes`). */
  constructor(readonly ascii: Buffer) {}

  /** The value again, for a transport that serialises it itself (Node IPC, a test's `JSON.stringify`). */
  toJSON(): unknown {
    return JSON.parse(this.ascii.toString('latin1'));
  }
}

/** `value` kept as its JSON bytes. */
export function jsonBytesOf(value: unknown): JsonBytes {
  return new JsonBytes(asciiBytes(JSON.stringify(value)));
}

/**
 * Every `"line":` key's number. As `JSON.stringify` writes it, a quote inside a string is always escaped, and after a
 * string that closes comes `,`, `}` or `]`, never `:`: so `"line":` followed by digits is only ever a key and its value.
 */
const LINE_KEYS = /"line":(\d+)/g;

/**
 * The JSON of a value whose every `line` field (an LSP position's) is `lines` more: an outline symbol whose item moved
 * by whole lines, read and moved in its bytes, without the value being made again.
 */
export function moveLines(value: JsonBytes, lines: number): JsonBytes {
  if (lines === 0) return value;
  const moved = value.ascii.toString('latin1').replace(LINE_KEYS, (_, line: string) => `"line":${Number(line) + lines}`);
  return new JsonBytes(Buffer.from(moved, 'latin1'));
}
