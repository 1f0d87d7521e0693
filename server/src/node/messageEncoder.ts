/**
 * How the server's messages become bytes on a stream (stdio, as neovim and most editors start it): JSON in UTF-8,
 * exactly as vscode-jsonrpc writes them, except that an answer marked with `keptElements` is put together from each
 * element's bytes, encoded once per element and kept with it (see `keptElements.ts`). The bytes are the same as
 * `JSON.stringify` of the whole message would give.
 */
import { ContentTypeEncoder, Message } from 'vscode-languageserver/node';
import { hasKeptElements } from '../keptElements';

const encoded = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

function elementBytes(element: object): Buffer {
  let bytes = encoded.get(element);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(element), 'utf8');
    encoded.set(element, bytes);
  }
  return bytes;
}

/** A response `{jsonrpc, id, result}` whose result has kept elements, in the key order vscode-jsonrpc gives it. */
function isKeptResponse(message: Message): message is Message & { id: number | string; result: readonly object[] } {
  const keys = Object.keys(message);
  return keys.length === 3 && keys[0] === 'jsonrpc' && keys[1] === 'id' && keys[2] === 'result' && hasKeptElements((message as { result?: unknown }).result);
}

export function encodeMessage(message: Message): Buffer {
  if (!isKeptResponse(message)) return Buffer.from(JSON.stringify(message), 'utf8');
  const parts: Buffer[] = [Buffer.from(`{"jsonrpc":${JSON.stringify(message.jsonrpc)},"id":${JSON.stringify(message.id)},"result":[`, 'utf8')];
  message.result.forEach((element, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(elementBytes(element));
  });
  parts.push(CLOSE);
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
