/**
 * The stdio message encoder: an answer marked with `keptElements` is put together from bytes kept per element. The
 * first time an answer is given (serialised whole) its bytes must be byte for byte what vscode-jsonrpc's
 * `JSON.stringify` of the whole message gives; the second (each element encoded) and after (kept bytes) they must be
 * ASCII only and read as exactly the same JSON value, in the same key order — whatever the element holds (Chinese,
 * quotes, backslashes, line breaks, surrogate pairs, empty children) — and never stale when a new element takes an
 * old one's place.
 */
import * as assert from 'node:assert/strict';
import { Diagnostic, DocumentSymbol, Message } from 'vscode-languageserver/node';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getDocumentSymbols, limitSymbols } from '../../../server/src/features/documentSymbols';
import { hasKeptElements, keptElements } from '../../../server/src/keptElements';
import { asciiBytes } from '../../../server/src/jsonBytes';
import { encodeMessage, encodeMessageBytes, joinParts, PIECEWISE_UNITS } from '../../../server/src/node/messageEncoder';
import { asciiJson } from '../../support/asciiJson';
import { readSample } from '../../support/text';

const asLibraryWould = (message: object) => Buffer.from(JSON.stringify(message, undefined, 0), 'utf8');
const response = (id: number | string, result: unknown) => ({ jsonrpc: '2.0', id, result }) as Message;
const isAscii = (bytes: Buffer) => bytes.every((b) => b < 0x80);

/** Bytes that read as `message` reads, key order included, written in ASCII only. */
function assertAsciiOf(bytes: Buffer, message: object, note = ''): void {
  assert.ok(isAscii(bytes), `ASCII only ${note}`);
  assert.equal(JSON.stringify(JSON.parse(bytes.toString('utf8'))), JSON.stringify(message), note);
}

describe('stdio message encoder', () => {
  const symbols = getDocumentSymbols(computeDocumentModel(readSample()));

  it('encodes an outline with kept elements exactly as JSON.stringify does the first time, then as the same JSON in ASCII', () => {
    const answer = keptElements(limitSymbols(symbols.map((s) => [s]), 0).symbols);
    assert.ok(hasKeptElements(answer));
    assert.ok(!isAscii(asLibraryWould(response(7, answer))), 'the sample page\'s outline holds Chinese');
    assert.deepEqual(encodeMessage(response(7, answer)), asLibraryWould(response(7, answer)));
    for (const id of ['req-7', 7]) assertAsciiOf(encodeMessage(response(id, answer)), response(id, answer), `id ${id}`);
    // The kept bytes are what the escapes make of JSON.stringify's text.
    assert.equal(encodeMessage(response(8, answer)).toString('latin1'), asciiJson(asLibraryWould(response(8, answer)).toString('utf8')));
  });

  it('gives first answers within the size written element by element as JSON.stringify\'s bytes, and larger ones as kept parts in ASCII, however the list passes it', () => {
    const symbol = (name: string): DocumentSymbol => ({ ...symbols[0], name, children: [] });
    const cases: [string, unknown][] = [
      // Three elements, the third taking the answer past the bound.
      ['a few large elements', keptElements([symbol('中'.repeat(1000)), symbol('𠮷"\\'.repeat(PIECEWISE_UNITS / 8)), symbol('京'.repeat(PIECEWISE_UNITS))])],
      // Many small ones, whose first 32 already show the list will pass it.
      ['many small elements', keptElements(Array.from({ length: 4000 }, (_, i) => symbol(`第${i}条新闻`.repeat(40))))],
      // A report whose second list passes it.
      ['a report of two lists', { kind: 'full', first: keptElements([symbol('短')]), items: keptElements(Array.from({ length: 300 }, (_, i) => symbol(`${i}`.repeat(3000)))) }],
      // Just within the bound: written element by element.
      ['an answer within the bound', keptElements(Array.from({ length: 10 }, (_, i) => symbol(`${i}天津`.repeat(PIECEWISE_UNITS / 40))))],
    ];
    for (const [what, result] of cases) {
      const message = response(9, result);
      const units = JSON.stringify(message).length;
      const first = encodeMessageBytes(message);
      if (units <= PIECEWISE_UNITS) {
        assert.ok(Buffer.isBuffer(first), `${what}: in one buffer`);
        assert.deepEqual(first, asLibraryWould(message), what);
        continue;
      }
      assert.ok(!Buffer.isBuffer(first), `${what}: as parts`);
      const joined = joinParts(first);
      assertAsciiOf(joined, message, what);
      // Every element's bytes were kept at once: the next answer is made of the very same buffers.
      const again = encodeMessageBytes(response(9, result));
      assert.ok(!Buffer.isBuffer(again));
      const elements = (Array.isArray(result) ? result : (result as { items: unknown[] }).items).length;
      const shared = first.parts.filter((part) => again.parts.includes(part)).length;
      assert.ok(shared >= elements, `${what}: the first answer's element bytes are given again (${shared} parts of ${first.parts.length} for ${elements} elements)`);
      assert.deepEqual(joinParts(again), joined, what);
    }
  });

  it('writes every character past ASCII as the \\u escape of its UTF-16 units', () => {
    const ascii = (json: string) => asciiBytes(json).toString('latin1');
    assert.equal(ascii('{"a":"x"}'), '{"a":"x"}');
    assert.equal(ascii('["中文，"]'), '["\\u4e2d\\u6587\\uff0c"]');
    assert.equal(ascii('"𠮷é\u2028"'), '"\\ud842\\udfb7\\u00e9\\u2028"');
    const odd = ['引号"与\\反斜杠\n换行\t𠮷\u2028', '', 'ascii', '\u0080\uffff'];
    assert.deepEqual(JSON.parse(ascii(JSON.stringify(odd))), odd);
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
    assertAsciiOf(encodeMessage(response(1, keptElements([odd, odd]))), response(1, [odd, odd]));
    assertAsciiOf(encodeMessage(response(1, keptElements([odd, odd]))), response(1, [odd, odd]));
    assert.deepEqual(encodeMessage(response(2, keptElements([]))), asLibraryWould(response(2, [])));
  });

  it('encodes a new element in an old one\'s place from the new element', () => {
    const first = keptElements([symbols[0], symbols[1]]);
    encodeMessage(response(1, first));
    const renamed = { ...symbols[1], name: 'renamed' };
    const second = keptElements([symbols[0], renamed]);
    assertAsciiOf(encodeMessage(response(2, second)), response(2, second));
    assert.match(encodeMessage(response(2, second)).toString('utf8'), /"renamed"/);
  });

  it('mixes elements never seen, seen once and kept, in any order, and gives the same JSON each time', () => {
    const copy = (s: DocumentSymbol, name: string): DocumentSymbol => ({ ...s, name });
    const once = copy(symbols[2], 'seen once');
    encodeMessage(response(1, keptElements([once])));
    const kept = copy(symbols[3], 'kept');
    for (let i = 0; i < 3; i++) encodeMessage(response(1, keptElements([kept])));
    for (let round = 0; round < 3; round++) {
      const answer = keptElements([copy(symbols[0], `新 ${round}`), kept, once, copy(symbols[1], `new again ${round}`), kept]);
      assertAsciiOf(encodeMessage(response(round, answer)), response(round, answer), `round ${round}`);
    }
  });

  it('encodes a diagnostic report whose items are kept as the same JSON, as its items come and go', () => {
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
      if (round === 0) assert.deepEqual(encodeMessage(response(round, report)), asLibraryWould(response(round, report)), `round ${round}`);
      else assertAsciiOf(encodeMessage(response(round, report)), response(round, report), `round ${round}`);
    }
    // Fields JSON.stringify leaves out, and a report of no items.
    const sparse = { kind: 'full', resultId: undefined, items: keptElements([kept[0]]), note: () => 1 };
    assertAsciiOf(encodeMessage(response(5, sparse)), response(5, sparse));
    const none = { kind: 'full', resultId: '6', items: keptElements([]) };
    assert.deepEqual(encodeMessage(response(6, none)), asLibraryWould(response(6, none)));
  });

  it('leaves unmarked messages, notifications, errors and requests to JSON.stringify', () => {
    const messages = [
      response(3, symbols),
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } },
      { jsonrpc: '2.0', id: 4, error: { code: -32800, message: 'cancelled' } },
      { jsonrpc: '2.0', id: 5, method: 'workspace/configuration', params: { items: [{ section: 'newsmark' }] } },
      { jsonrpc: '2.0', id: 6, result: null },
    ] as Message[];
    for (const m of messages) {
      const bytes = encodeMessageBytes(m);
      assert.ok(Buffer.isBuffer(bytes), 'a message without kept elements comes in one buffer');
      assert.deepEqual(bytes, asLibraryWould(m));
    }
  });

  it('hands an answer of kept elements given before to the writer as its parts, which join into the answer\'s bytes', () => {
    const copy = (s: DocumentSymbol, i: number): DocumentSymbol => ({ ...s, name: `${s.name} 第${i}份` });
    const answer = keptElements(Array.from({ length: 40 }, (_, i) => copy(symbols[i % symbols.length], i)));
    const first = encodeMessageBytes(response(1, answer));
    assert.ok(Buffer.isBuffer(first), 'the first answer is JSON.stringify\'s, in one buffer');
    assert.deepEqual(first, asLibraryWould(response(1, answer)));
    for (const id of [2, 3]) {
      const bytes = encodeMessageBytes(response(id, answer));
      assert.ok(!Buffer.isBuffer(bytes), `answer ${id} comes as parts`);
      assert.ok(bytes.parts.length > answer.length, `one part or more per element (${bytes.parts.length})`);
      assert.equal(bytes.size, bytes.parts.reduce((n, part) => n + part.length, 0));
      const joined = joinParts(bytes);
      assert.equal(joined.length, bytes.size);
      assertAsciiOf(joined, response(id, answer), `answer ${id}`);
      assert.deepEqual(joined, encodeMessage(response(id, answer)));
    }
  });
});
