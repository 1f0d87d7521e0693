/**
 * How the server's messages become bytes on a stream (stdio, as VS Code, neovim and most editors start it): JSON in UTF-8,
 * exactly as vscode-jsonrpc writes them, except that an answer holding a list marked with `keptElements` is put
 * together from each element's bytes, encoded once per element and kept with it (see `keptElements.ts`). Such an
 * answer, from the second time its elements are given, is written in ASCII: every other character as a `\u`
 * escape (`asciiBytes`). It reads as the same value, and the editor's side turns ASCII bytes into text about twice
 * as fast as UTF-8 holding Chinese (a year of pages' outline, 1.5 MB, after every keystroke). The first answer, up
 * to `PIECEWISE_UNITS`, is `JSON.stringify`'s own bytes: escaping a whole answer costs the server more than it saves
 * the editor (a larger one is made of kept bytes from the first time, see `encoded`). An answer put together from
 * kept bytes is handed to the writer as its parts (`MessageParts`), which the writer copies out a window at a time
 * (`stdioWriter.ts`): a year of pages' outline is never copied whole into memory of its own. An element that is kept
 * as its JSON only (`JsonBytes`: the outline's symbols) is written from its bytes every time, the first answer too.
 */
import { Message } from 'vscode-languageserver/node';
import { Memo } from '../core/memo';
import { asciiBytes, JsonBytes } from '../jsonBytes';
import { hasKeptElements } from '../keptElements';
import { SEMI_SPACE_MB } from './serverFlags';

/**
 * Each element's bytes, once it has been in a second answer; null while it has been in one. An answer made only of
 * elements never seen before (a file just opened) is serialised as vscode-jsonrpc would, which is faster than
 * element by element; the elements that come again (all but the edited article's, after a keystroke) are encoded
 * once then and reused from then on. A first answer past `PIECEWISE_UNITS` (a year of pages' outline) has each of
 * its elements' bytes made and kept at once, and goes out as parts, as later answers do: whole, it took a buffer of
 * three bytes a unit of its own (4.1 MB, 1.5 MB of it written) that stayed until V8 next collected. The outline no
 * longer comes here: its symbols are kept as their JSON (`JsonBytes`); a diagnostic report and the code lenses do.
 */
const encoded = new Memo<object, Buffer | null>('encodedBytes');
const COMMA = Buffer.from(',');

/**
 * The kept lists of a response `{jsonrpc, id, result}` (in the key order vscode-jsonrpc gives it) whose result is a
 * list with kept elements (the outline, code lens) or an object holding such lists in fields (a full diagnostic
 * report's `items`); null for any other message.
 */
function keptListsOf(message: Message): (readonly object[])[] | null {
  const keys = Object.keys(message);
  if (keys.length !== 3 || keys[0] !== 'jsonrpc' || keys[1] !== 'id' || keys[2] !== 'result') return null;
  const result = (message as { result?: unknown }).result;
  if (hasKeptElements(result)) return [result];
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return null;
  const lists = Object.values(result).filter(hasKeptElements);
  return lists.length > 0 ? lists : null;
}

/** Where a message's bytes go: a buffer of exactly `size` bytes (see `OutputBuffer`), of which the message may take fewer. */
export type Allocate = (size: number) => Buffer;

const fresh: Allocate = (size) => Buffer.allocUnsafe(size);

/** A message put together from parts, in order, `size` bytes in all: the kept bytes of elements and the text between them. */
export interface MessageParts {
  readonly parts: readonly Buffer[];
  readonly size: number;
}

/** The message's bytes, in a buffer from `allocate`. */
export function encodeMessage(message: Message, allocate: Allocate = fresh): Buffer {
  const bytes = encodeMessageBytes(message, allocate);
  return Buffer.isBuffer(bytes) ? bytes : joinParts(bytes, allocate);
}

/**
 * The message's bytes: in a buffer from `allocate`, or, for an answer made of kept elements given before, as the parts
 * it is put together from, for the writer to copy where it writes them from (`joinParts` gives them in one buffer).
 */
export function encodeMessageBytes(message: Message, allocate: Allocate = fresh): Buffer | MessageParts {
  const lists = keptListsOf(message);
  if (lists === null) return textBytes(JSON.stringify(message), allocate);
  // An answer with an element kept as its JSON goes out as parts from the first time (a page's outline just opened).
  if (!lists.some((elements) => elements.some((e) => e instanceof JsonBytes || encoded.has(e)))) {
    for (const elements of lists) for (const e of elements) encoded.set(e, null);
    const texts = new Texts();
    writeResponse(message, texts);
    if (texts.units <= PIECEWISE_UNITS) return texts.bytes(allocate);
    // Every element is now seen once (null), so `Parts` makes and keeps the bytes of each.
  }
  const out = new Parts();
  writeResponse(message, out);
  return out.done();
}

/** The parts' bytes, one after the other, in one buffer from `allocate`. */
export function joinParts(message: MessageParts, allocate: Allocate = fresh): Buffer {
  const out = allocate(message.size);
  let at = 0;
  for (const part of message.parts) at += part.copy(out, at);
  return out;
}

/** Where a response's JSON goes: text as it is, and the lists of kept elements. */
interface JsonOut {
  text(text: string): void;
  list(elements: readonly object[]): void;
}

/** A response `{jsonrpc, id, result}` whose result holds kept lists, as JSON.stringify writes it, into `out`. */
function writeResponse(message: Message, out: JsonOut): void {
  const { id, jsonrpc, result } = message as Message & { id: number | string; result: object };
  out.text(`{"jsonrpc":${JSON.stringify(jsonrpc)},"id":${JSON.stringify(id)},"result":`);
  if (hasKeptElements(result)) out.list(result);
  else {
    // The result's fields as JSON.stringify writes them: in order, those whose value it can write.
    let first = true;
    out.text('{');
    for (const [key, value] of Object.entries(result)) {
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      out.text(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (hasKeptElements(value)) out.list(value);
      else out.text(JSON.stringify(value));
    }
    out.text('}');
  }
  out.text('}');
}

/**
 * UTF-16 units of JSON up to which a first answer is written element by element (`Texts`): their strings are all
 * held until the size of the answer is known, in the young generation, which they must not fill (a quarter of a
 * semi-space of `SEMI_SPACE_MB`, at two bytes a unit). A 1 MB page's outline is 392,000 units; a year of pages'
 * (1.37 million) goes out as parts, each element's bytes kept from the first answer on (see `encoded`).
 */
export const PIECEWISE_UNITS = (SEMI_SPACE_MB * 2 ** 20) / 8;

/** Elements from whose JSON a long list's is foreseen to pass `PIECEWISE_UNITS` (a year of pages' outline is). */
const SAMPLED_ELEMENTS = 32;

/**
 * The first answer made of elements never given before (a page just opened), in UTF-8, element by element: the same
 * bytes as `JSON.stringify` of the whole message, without its text. That text is a rope which `Buffer.write` first
 * flattens into one new string, in memory V8 has just mapped (0.8 MB for a 1 MB page's outline, each page of it a
 * fault of 10.5 µs on the machine of the README's tables). Each element's JSON here is a small string, written where
 * it goes. Encoding a 1 MB page's outline this way took 2.1–3.9 ms and no page fault, against 4.0–6.0 ms and 193
 * (medians of ten, in process, three runs); opening such a page in warmed servers, 1,141 faults against 1,255 and
 * 32.2 ms of the main thread against 35.1 (medians of 48 opens each).
 */
class Texts implements JsonOut {
  private readonly texts: string[] = [];
  /** UTF-16 units so far; Infinity once the answer will pass `PIECEWISE_UNITS` (the caller then serialises it whole). */
  units = 0;

  text(text: string): void {
    this.texts.push(text);
    this.units += text.length;
  }

  list(elements: readonly object[]): void {
    this.text('[');
    for (let i = 0; i < elements.length; i++) {
      if (i > 0) this.text(',');
      // In a list JSON.stringify writes null for what it cannot write.
      this.text(JSON.stringify(elements[i]) ?? 'null');
      // Stop once past the bound, or once the first elements make it plain that the list will pass it.
      if (this.units > PIECEWISE_UNITS || (i + 1 === SAMPLED_ELEMENTS && (this.units / SAMPLED_ELEMENTS) * elements.length > PIECEWISE_UNITS)) {
        this.units = Infinity;
        return;
      }
    }
    this.text(']');
  }

  bytes(allocate: Allocate): Buffer {
    return utf8Bytes(this.texts, this.units, allocate);
  }
}

/**
 * The UTF-8 bytes of `text`, written into room for the most they can be (three bytes a UTF-16 unit; a surrogate
 * pair, two units, takes four) and cut to what was written. Asking `Buffer.byteLength` first walks the text once more:
 * 2.4-3.9 ms for the 392,000 characters of a 1 MB page's outline, where writing it takes 0.2-1.5 ms.
 */
function textBytes(text: string, allocate: Allocate): Buffer {
  return utf8Bytes([text], text.length, allocate);
}

/** The UTF-8 bytes of `texts`, `units` UTF-16 units in all, one after the other, written as `textBytes` says. */
function utf8Bytes(texts: readonly string[], units: number, allocate: Allocate): Buffer {
  const room = allocate(3 * units);
  let at = 0;
  for (const text of texts) at += room.write(text, at, 'utf8');
  return room.subarray(0, at);
}

/** The bytes of a message put together: text not yet encoded, and the kept bytes of elements. */
class Parts implements JsonOut {
  private readonly parts: Buffer[] = [];
  private pending = '';

  text(text: string): void {
    this.pending += text;
  }

  /** A list's JSON, each element's from its kept bytes once it has been in a second answer. */
  list(elements: readonly object[]): void {
    this.text('[');
    elements.forEach((element, i) => {
      const separator = i > 0 ? ',' : '';
      let bytes = element instanceof JsonBytes ? element.ascii : encoded.get(element);
      if (bytes === undefined) {
        encoded.set(element, null);
        this.text(separator + JSON.stringify(element));
        return;
      }
      if (bytes === null) {
        bytes = asciiBytes(JSON.stringify(element));
        encoded.set(element, bytes);
      }
      if (this.pending.length > 0) this.parts.push(asciiBytes(this.pending + separator));
      else if (separator) this.parts.push(COMMA);
      this.pending = '';
      this.parts.push(bytes);
    });
    this.text(']');
  }

  done(): MessageParts {
    if (this.pending.length > 0) this.parts.push(asciiBytes(this.pending));
    this.pending = '';
    let size = 0;
    for (const part of this.parts) size += part.length;
    return { parts: this.parts, size };
  }
}
