/**
 * Parses a large message's body from its bytes, decoding its long strings (a page's text) where they lie.
 *
 * Decoding a body to one string and handing that to `JSON.parse` makes the page's text twice: once inside the JSON
 * text of the message (escapes and all) and once as the parsed value, which `JSON.parse` copies out of the first.
 * Here each string literal of `LONG_STRING_BYTES` or more has its escapes undone in the body's own buffer (a JSON
 * escape is never shorter than the UTF-8 it stands for) and is decoded from there once; the rest of the message,
 * with each long literal replaced by a short placeholder, goes to `JSON.parse`, and each placeholder is then given
 * its string. Opening 10 MB, the process holds 8.6 MB less while the message is read: the JSON text of 7.1 MB is
 * never made. Since V8's growth is kept tight from the start (`heapTuning.ts`) that lowers the open's peak as well:
 * the bench's 10 MB sequence reached 101.1–102.0 MB at its first open against 105.9–107.7 with the whole body
 * parsed, and 107.8–109.5 over the sequence against 110.0–111.0 (four servers each, alternately). A 1 MB open →
 * outline is the same (medians of ten: 41.5 ms against 40.3, the main thread 25.8 ms against 25.9, 697 new pages
 * against 774). When V8 chose the growth until a large page was open, the old generation's limit set before the
 * page came let the analysis climb as high as without this (fifteenth round), and it was taken out until now.
 *
 * The escapes are checked as they are undone, in the same pass (until the nineteenth round a pass of its own checked
 * them first: on the bench's first 1 MB open, code V8 had not yet optimised, it took 0.8–3.4 ms of the message's
 * 8–12). The text is decoded by `decodeUtf8` (`utf8Text.ts`).
 *
 * The result is what `JSON.parse` gives for the whole body, with one difference: a control character written raw
 * inside a long string before any escape JSON refuses (which JSON forbids, and no client sends) is taken as it is
 * instead of failing the message. From an escape that is not JSON's or a surrogate without its pair (which UTF-8
 * cannot hold) the rest of that string is parsed by `JSON.parse` as it came. Where the fast way cannot give the
 * same result at all (a placeholder met twice or as a key, an unterminated string) the body is parsed whole instead,
 * before any byte of it has been changed. Errors are `JSON.parse`'s own.
 */
import { decodeUtf8 } from './utf8Text';

/** String literals of at least this many bytes between their quotes are decoded where they lie. */
export const LONG_STRING_BYTES = 16 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The body, parsed as JSON. Throws what `JSON.parse` throws for it. May overwrite the bytes of `body`. */
export function parseMessageBody(body: Buffer): unknown {
  const longs = longStrings(body);
  if (longs === null || longs.length === 0) return JSON.parse(body.toString('utf8'));
  const parsed = parseAround(body, longs);
  if (parsed === null) return JSON.parse(body.toString('utf8'));
  for (let i = 0; i < longs.length; i += 2) parsed.place(i / 2, longString(body, longs[i] + 1, longs[i + 1]));
  return parsed.value;
}

/**
 * The string whose literal's content lies between `from` and `to`: its escapes undone in place and the UTF-8 decoded
 * once. From an escape that UTF-8 cannot stand for (a surrogate without its pair) or that is not JSON's, the rest of
 * the literal, still as it came, is left to `JSON.parse`: the string is then what `JSON.parse` gives for the whole
 * literal, and an escape it refuses throws its error.
 */
function longString(body: Buffer, from: number, to: number): string {
  const undone = unescapeInPlace(body, from, to);
  const head = decodeUtf8(body, from, undone.end);
  if (undone.rest === to) return head;
  return head + (JSON.parse(`"${body.toString('utf8', undone.rest, to)}"`) as string);
}

/**
 * The opening and closing quotes of every string literal of `LONG_STRING_BYTES` or more, as pairs in one list; null
 * where a string is not terminated. Outside its strings JSON has no quote, so each quote found past a string's end
 * opens the next.
 */
export function longStrings(body: Buffer): number[] | null {
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const open = body.indexOf(QUOTE, from);
    if (open < 0) return out;
    const close = closingQuote(body, open + 1);
    if (close < 0) return null;
    if (close - open - 1 >= LONG_STRING_BYTES) out.push(open, close);
    from = close + 1;
  }
}

/** The quote that ends the string whose content starts at `from`: the first quote after an even run of backslashes. */
function closingQuote(body: Buffer, from: number): number {
  for (;;) {
    const q = body.indexOf(QUOTE, from);
    if (q < 0) return -1;
    let run = 0;
    while (q - 1 - run >= from && body[q - 1 - run] === BACKSLASH) run++;
    if (run % 2 === 0) return q;
    from = q + 1;
  }
}

/** The parsed rest of a message, and where each long string goes in it. */
interface Around {
  value: unknown;
  place(index: number, text: string): void;
}

/**
 * Sixteen hex digits that a message cannot know before it is sent. Not from `crypto`, whose loading the server
 * avoids (`scripts/lazyBuiltins.mjs`): a text that holds the placeholder all the same is found out by the count of
 * placeholders met and parsed whole, so the digits only keep that rare.
 */
function markNonce(): string {
  const word = (): string => Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return word() + word();
}

/**
 * Parses the body with each long literal replaced by a placeholder, and finds each placeholder in the result. Null
 * where that does not give `JSON.parse`'s answer for sure: a placeholder not met exactly once, or met as a key.
 */
function parseAround(body: Buffer, longs: readonly number[]): Around | null {
  const mark = `\u0000newsmark-${markNonce()}-`;
  const pieces: string[] = [];
  let at = 0;
  for (let i = 0; i < longs.length; i += 2) {
    pieces.push(body.toString('utf8', at, longs[i]), JSON.stringify(mark + i / 2));
    at = longs[i + 1] + 1;
  }
  pieces.push(body.toString('utf8', at));
  const value: unknown = JSON.parse(pieces.join(''));
  const holders: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = new Array(longs.length / 2);
  const isMark = (s: string): number => (s.startsWith(mark) ? Number(s.slice(mark.length)) : -1);
  const found = (index: number, holder: Record<string, unknown> | unknown[], key: string | number): boolean => {
    if (!(index >= 0 && index < holders.length) || holders[index] !== undefined) return false;
    holders[index] = { holder, key };
    return true;
  };
  // A message that is one long string is not an object (the reader says so): parsed whole, as JSON.parse would.
  if (typeof value !== 'object' || value === null) return null;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) {
        const v: unknown = node[k];
        if (typeof v === 'string') {
          const index = isMark(v);
          if (index >= 0 && !found(index, node, k)) return null;
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (isMark(key) >= 0) return null;
        const v = record[key];
        if (typeof v === 'string') {
          const index = isMark(v);
          if (index >= 0 && !found(index, record, key)) return null;
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
    }
  }
  for (const h of holders) if (h === undefined) return null;
  return {
    value,
    place(index, text) {
      const { holder, key } = holders[index];
      // Defined, not assigned: a key "__proto__" is an own property in what JSON.parse makes.
      Object.defineProperty(holder, key, { value: text, writable: true, enumerable: true, configurable: true });
    },
  };
}

/** What each one-letter escape stands for, by the letter's byte (0: not an escape). */
const SIMPLE = new Uint8Array(128);
for (const [letter, byte] of [['"', 0x22], ['\\', 0x5c], ['/', 0x2f], ['b', 0x08], ['f', 0x0c], ['n', 0x0a], ['r', 0x0d], ['t', 0x09]] as const) SIMPLE[letter.charCodeAt(0)] = byte;

/**
 * Undoes the escapes between `from` and `to`, writing the UTF-8 they stand for over them, up to the first escape
 * that is not JSON's or stands for what UTF-8 cannot hold (a surrogate without its pair). `end` is where the undone
 * bytes now end, and `rest` where the bytes left as they came begin: `to` when every escape was undone.
 */
export function unescapeInPlace(body: Buffer, from: number, to: number): { end: number; rest: number } {
  let read = from;
  let write = from;
  for (;;) {
    const e = body.indexOf(BACKSLASH, read);
    const stop = e < 0 || e >= to ? to : e;
    if (write !== read) body.copyWithin(write, read, stop);
    write += stop - read;
    if (stop === to) return { end: write, rest: to };
    const c = body[e + 1];
    if (c !== 0x75) {
      const byte = e + 1 < to && c < 0x80 ? SIMPLE[c] : 0;
      if (byte === 0) return { end: write, rest: e };
      body[write++] = byte;
      read = e + 2;
      continue;
    }
    let point = e + 6 <= to ? hex4(body, e + 2) : -1;
    if (point < 0 || (point >= 0xdc00 && point < 0xe000)) return { end: write, rest: e };
    read = e + 6;
    if (point >= 0xd800 && point < 0xdc00) {
      const low = e + 12 <= to && body[e + 6] === BACKSLASH && body[e + 7] === 0x75 ? hex4(body, e + 8) : -1;
      if (!(low >= 0xdc00 && low < 0xe000)) return { end: write, rest: e };
      point = 0x10000 + ((point - 0xd800) << 10) + (low - 0xdc00);
      read = e + 12;
    }
    write = putUtf8(body, write, point);
  }
}

/** The four hexadecimal digits at `at` as a number, or -1. */
function hex4(body: Buffer, at: number): number {
  let n = 0;
  for (let i = at; i < at + 4; i++) {
    const c = body[i];
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (d < 0) return -1;
    n = n * 16 + d;
  }
  return n;
}

/** Writes code point `point` as UTF-8 at `at`; returns the next free byte. */
function putUtf8(body: Buffer, at: number, point: number): number {
  if (point < 0x80) {
    body[at] = point;
    return at + 1;
  }
  if (point < 0x800) {
    body[at] = 0xc0 | (point >> 6);
    body[at + 1] = 0x80 | (point & 0x3f);
    return at + 2;
  }
  if (point < 0x10000) {
    body[at] = 0xe0 | (point >> 12);
    body[at + 1] = 0x80 | ((point >> 6) & 0x3f);
    body[at + 2] = 0x80 | (point & 0x3f);
    return at + 3;
  }
  body[at] = 0xf0 | (point >> 18);
  body[at + 1] = 0x80 | ((point >> 12) & 0x3f);
  body[at + 2] = 0x80 | ((point >> 6) & 0x3f);
  body[at + 3] = 0x80 | (point & 0x3f);
  return at + 4;
}
