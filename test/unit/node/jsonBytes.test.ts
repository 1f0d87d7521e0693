/**
 * Values kept as their JSON only (`JsonBytes`, the outline's symbols): the bytes are ASCII and read as the value, any
 * transport that serialises the value itself gets the same JSON, and moving lines in the bytes gives the bytes of the
 * moved value, whatever a name holds (quotes, a `"line":` of its own, backslashes, Chinese).
 */
import * as assert from 'node:assert/strict';
import { DocumentSymbol } from 'vscode-languageserver/node';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { getDocumentSymbols, moveSymbols } from '../../../server/src/features/documentSymbols';
import { jsonBytesOf, moveLines } from '../../../server/src/jsonBytes';
import { asciiJson } from '../../support/asciiJson';
import { readSample } from '../../support/text';

const symbol = (name: string, line: number, children: DocumentSymbol[] = []): DocumentSymbol => ({
  name,
  detail: `"line":${line} 第${line}行`,
  kind: 2,
  range: { start: { line, character: 3 }, end: { line: line + 2, character: 40 } },
  selectionRange: { start: { line, character: 3 }, end: { line, character: 9 } },
  children,
});

describe('values kept as their JSON', () => {
  const odd = [
    symbol('本报讯 "line":7 \\"line\\":8', 0, [symbol('"line":', 1), symbol('\\', 9)]),
    symbol('line":5 𠮷 \u2028', 12),
    ...getDocumentSymbols(computeDocumentModel(readSample())),
  ];

  it('keeps ASCII bytes that read as the value, and serialises as the value on any other transport', () => {
    for (const s of odd) {
      const kept = jsonBytesOf(s);
      assert.ok(kept.ascii.every((b) => b < 0x80), s.name);
      assert.equal(kept.ascii.toString('latin1'), asciiJson(JSON.stringify(s)));
      assert.equal(JSON.stringify(kept), JSON.stringify(s), s.name);
      assert.equal(JSON.stringify([kept, kept]), JSON.stringify([s, s]));
    }
  });

  it('moves every position by whole lines in the bytes, as moving the symbols does, and nothing else', () => {
    for (const lines of [1, 7, 123, -1]) {
      const moved = moveSymbols(odd.slice(1), 0, lines);
      odd.slice(1).forEach((s, i) => {
        if (s.range.start.line + lines < 0) return;
        assert.equal(moveLines(jsonBytesOf(s), lines).ascii.toString('latin1'), jsonBytesOf(moved[i]).ascii.toString('latin1'), `${s.name} by ${lines}`);
      });
    }
    // The name and detail keep their own "line": text; the positions' lines move.
    const first = moveLines(jsonBytesOf(odd[0]), 10).toJSON() as DocumentSymbol;
    assert.equal(first.name, odd[0].name);
    assert.equal(first.detail, odd[0].detail);
    assert.deepEqual(first, moveSymbols([odd[0]], 0, 10)[0]);
    const same = jsonBytesOf(odd[0]);
    assert.equal(moveLines(same, 0), same);
  });
});
