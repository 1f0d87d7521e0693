/**
 * The stdio message encoder: an answer marked with `keptElements` is put together from bytes kept per element, and
 * must be byte for byte what vscode-jsonrpc's `JSON.stringify` of the whole message gives — whatever the element
 * holds (Chinese, quotes, backslashes, line breaks, surrogate pairs, empty children), the first time an answer is
 * given (serialised whole), the second (each element encoded) and after (kept bytes), and never stale when a new
 * element takes an old one's place.
 */
import * as assert from 'node:assert/strict';
import { Diagnostic, DocumentSymbol, Message } from 'vscode-languageserver/node';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getDocumentSymbols, limitSymbols } from '../../../server/src/features/documentSymbols';
import { hasKeptElements, keptElements } from '../../../server/src/keptElements';
import { encodeMessage, messageEncoderInto } from '../../../server/src/node/messageEncoder';
import { readSample } from '../../support/text';

const asLibraryWould = (message: object) => Buffer.from(JSON.stringify(message, undefined, 0), 'utf8');
const response = (id: number | string, result: unknown) => ({ jsonrpc: '2.0', id, result }) as Message;

describe('stdio message encoder', () => {
  const symbols = getDocumentSymbols(computeDocumentModel(readSample()));

  it('encodes an outline with kept elements exactly as JSON.stringify does, the first time and again', () => {
    const answer = keptElements(limitSymbols(symbols.map((s) => [s]), 0).symbols);
    assert.ok(hasKeptElements(answer));
    for (const id of [7, 'req-7', 7]) assert.deepEqual(encodeMessage(response(id, answer)), asLibraryWould(response(id, answer)));
  });

  it('encodes awkward text and an empty list the same way too', () => {
    const odd: DocumentSymbol = {
      name: '引号"与\\反斜杠\n换行\t𠮷\u2028',
      detail: '',
      kind: 2,
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 3 } },
      selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      children: [],
    };
    assert.deepEqual(encodeMessage(response(1, keptElements([odd, odd]))), asLibraryWould(response(1, [odd, odd])));
    assert.deepEqual(encodeMessage(response(2, keptElements([]))), asLibraryWould(response(2, [])));
  });

  it('encodes a new element in an old one\'s place from the new element', () => {
    const first = keptElements([symbols[0], symbols[1]]);
    encodeMessage(response(1, first));
    const renamed = { ...symbols[1], name: 'renamed' };
    const second = keptElements([symbols[0], renamed]);
    assert.deepEqual(encodeMessage(response(2, second)), asLibraryWould(response(2, second)));
    assert.match(encodeMessage(response(2, second)).toString('utf8'), /"renamed"/);
  });

  it('mixes elements never seen, seen once and kept, in any order, and gives the same bytes each time', () => {
    const copy = (s: DocumentSymbol, name: string): DocumentSymbol => ({ ...s, name });
    const once = copy(symbols[2], 'seen once');
    encodeMessage(response(1, keptElements([once])));
    const kept = copy(symbols[3], 'kept');
    for (let i = 0; i < 3; i++) encodeMessage(response(1, keptElements([kept])));
    for (let round = 0; round < 3; round++) {
      const answer = keptElements([copy(symbols[0], `new ${round}`), kept, once, copy(symbols[1], `new again ${round}`), kept]);
      assert.deepEqual(encodeMessage(response(round, answer)), asLibraryWould(response(round, answer)));
    }
  });

  it('encodes a diagnostic report whose items are kept exactly as JSON.stringify does, as its items come and go', () => {
    const diagnostic = (n: number, message: string): Diagnostic => ({
      range: { start: { line: n, character: 0 }, end: { line: n, character: 1 } },
      severity: 2,
      code: 'halfwidth-punctuation',
      codeDescription: { href: 'https://example.org/rules#halfwidth-punctuation' },
      source: 'newsmark',
      message,
      relatedInformation: [],
    });
    const kept = [diagnostic(1, 'ASCII "," in Chinese text: use "，".'), diagnostic(2, '中文中使用了半角“,”，应改为“，”。'), diagnostic(3, '"\\ \n 𠮷')];
    for (let round = 0; round < 4; round++) {
      const items = keptElements([diagnostic(0, `new ${round}`), ...kept, diagnostic(9, `new again ${round}`)]);
      const report = { kind: 'full', resultId: String(round), items };
      assert.deepEqual(encodeMessage(response(round, report)), asLibraryWould(response(round, report)), `round ${round}`);
    }
    // Fields JSON.stringify leaves out, and a report of no items.
    const sparse = { kind: 'full', resultId: undefined, items: keptElements([kept[0]]), note: () => 1 };
    assert.deepEqual(encodeMessage(response(5, sparse)), asLibraryWould(response(5, sparse)));
    const none = { kind: 'full', resultId: '6', items: keptElements([]) };
    assert.deepEqual(encodeMessage(response(6, none)), asLibraryWould(response(6, none)));
  });

  it('leaves unmarked messages, notifications, errors and requests to JSON.stringify', async () => {
    const messages = [
      response(3, symbols),
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } },
      { jsonrpc: '2.0', id: 4, error: { code: -32800, message: 'cancelled' } },
      { jsonrpc: '2.0', id: 5, method: 'workspace/configuration', params: { items: [{ section: 'newsmark' }] } },
      { jsonrpc: '2.0', id: 6, result: null },
    ] as Message[];
    const encoder = messageEncoderInto();
    for (const m of messages) assert.deepEqual(Buffer.from(await encoder.encode(m, { charset: 'utf-8' })), asLibraryWould(m));
  });
});
