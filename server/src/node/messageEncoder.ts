/**
 * How the server's messages become bytes on a stream (stdio, as neovim and most editors start it): JSON in UTF-8,
 * exactly as vscode-jsonrpc writes them, except that an answer marked with `keptElements` is put together from each
 * element's bytes, encoded once per element and kept with it (see `keptElements.ts`). The bytes are the same as
 * `JSON.stringify` of the whole message would give.
 */
import { ContentTypeEncoder, Message } from 'vscode-languageserver/node';
import { hasKeptElements } from '../keptElements';

/**
 * Each element's bytes, once it has been in a second answer; null while it has been in one. An answer made only of
 * elements never seen before (a file just opened) is serialised whole, as vscode-jsonrpc would, which is faster
 * than element by element; the elements that come again (all but the edited article's, after a keystroke) are
 * encoded once then and reused from then on.
 */
const encoded = new WeakMap<object, Buffer | null>();
const COMMA = Buffer.from(',');

/** A response `{jsonrpc, id, result}` whose result has kept elements, in the key order vscode-jsonrpc gives it. */
function isKeptResponse(message: Message): message is Message & { id: number | string; result: readonly object[] } {
  const keys = Object.keys(message);
  return keys.length === 3 && keys[0] === 'jsonrpc' && keys[1] === 'id' && keys[2] === 'result' && hasKeptElements((message as { result?: unknown }).result);
}

export function encodeMessage(message: Message): Buffer {
  if (!isKeptResponse(message)) return Buffer.from(JSON.stringify(message), 'utf8');
  const elements = message.result;
  if (!elements.some((e) => encoded.has(e))) {
    for (const e of elements) encoded.set(e, null);
    return Buffer.from(JSON.stringify(message), 'utf8');
  }
  const parts: Buffer[] = [];
  // Text not yet encoded: the message's head, and the JSON of elements seen for the first time.
  let text = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"id":${JSON.stringify(message.id)},"result":[`;
  elements.forEach((element, i) => {
    const separator = i > 0 ? ',' : '';
    let bytes = encoded.get(element);
    if (bytes === undefined) {
      encoded.set(element, null);
      text += separator + JSON.stringify(element);
      return;
    }
    if (bytes === null) {
      bytes = Buffer.from(JSON.stringify(element), 'utf8');
      encoded.set(element, bytes);
    }
    if (text.length > 0) parts.push(Buffer.from(text + separator, 'utf8'));
    else if (separator) parts.push(COMMA);
    text = '';
    parts.push(bytes);
  });
  parts.push(Buffer.from(text + ']}', 'utf8'));
  return Buffer.concat(parts);
}

export const messageEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message, options) {
    // Only UTF-8 is ever asked for (it is the writer's default); anything else is encoded as vscode-jsonrpc would.
    if (options.charset !== 'utf-8') return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};
