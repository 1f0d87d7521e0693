/**
 * A large message's body parsed from its bytes gives what `JSON.parse` gives for its text: for any message with long
 * strings (a page's text) among short ones, as JSON.stringify writes them and as a client that escapes every
 * non-ASCII character writes them; with the escapes JSON.stringify never writes; where the fast way cannot be taken
 * (a lone surrogate, an escape that is not JSON's, a long key, a placeholder's look-alike) the answer is still
 * JSON.parse's, errors included. And the long strings are decoded where they lie, in the body's own bytes.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LONG_STRING_BYTES, longStrings, parseMessageBody, unescapeInPlace } from '../../../server/src/node/messageBody';
import { propertyRuns } from '../../support/arbitraries';
import { asciiJson } from '../../support/asciiJson';


/** Parses `json` both ways; the fast way's answer must equal JSON.parse's (or both throw the same kind of error). */
function assertSameAsJsonParse(json: string): unknown {
  let expected: unknown;
  let expectedError: unknown = null;
  try {
    expected = JSON.parse(json);
  } catch (e) {
    expectedError = e;
  }
  if (expectedError !== null) {
    assert.throws(() => parseMessageBody(Buffer.from(json, 'utf8')), SyntaxError);
    return undefined;
  }
  const actual = parseMessageBody(Buffer.from(json, 'utf8'));
  assert.deepStrictEqual(actual, expected);
  return actual;
}

const page = (n: number): string => '天津市生态环境局召开会议，部署"十四五"规划。\n\t湿地面积1240多公顷\\PM2.5 😀 Café/\u2028\u0001'.repeat(n);

describe('message bodies parsed from their bytes (node/messageBody.ts)', () => {
  it('gives JSON.parse\'s answer for a didOpen of a page, as JSON.stringify writes it and as an ASCII-only client writes it', () => {
    const message = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.news', languageId: 'newsmark', version: 1, text: page(2000) } } };
    for (const json of [JSON.stringify(message), asciiJson(JSON.stringify(message)), asciiJson(JSON.stringify(message), true), JSON.stringify(message, null, 2)]) {
      assert.equal(longStrings(Buffer.from(json))!.length, 2, 'one long string');
      assert.deepStrictEqual(parseMessageBody(Buffer.from(json, 'utf8')), message);
    }
  });

  it('undoes the escapes JSON.stringify never writes: \\/, \\b, \\f, \\uXXXX for ASCII and for pairs in either case', () => {
    const filler = 'x'.repeat(LONG_STRING_BYTES);
    const escaped = String.raw`a\/b\b\f\u0041\u00e9\u7701\uD83D\uDE00\ud83d\ude00\\\"end`;
    const json = `{"text":"${filler}${escaped}","other":"${escaped}"}`;
    const parsed = assertSameAsJsonParse(json) as { text: string; other: string };
    assert.equal(parsed.text, `${filler}a/b\b\fAé省😀😀\\"end`);
  });

  it('decodes each long string in the body\'s own bytes, and leaves short ones to JSON.parse', () => {
    const text = '本报讯\n'.repeat(LONG_STRING_BYTES / 4);
    const body = Buffer.from(JSON.stringify({ method: 'm', params: { text, short: '京津冀\n' } }), 'utf8');
    const open = body.indexOf('"', body.indexOf('"text"') + 6);
    const parsed = parseMessageBody(body) as { params: { text: string; short: string } };
    assert.equal(parsed.params.text, text);
    assert.equal(parsed.params.short, '京津冀\n');
    assert.equal(body.toString('utf8', open + 1, open + 1 + Buffer.byteLength(text)), text, 'the text now stands unescaped where its literal was');
  });

  it('places long strings in arrays, nested objects, several per message, and under a "__proto__" key as an own property', () => {
    const long = (c: string) => c.repeat(LONG_STRING_BYTES + 3);
    const json = `{"a":["${long('甲')}",1,{"b":"${long('乙')}"}],"__proto__":"${long('丙')}","c":[[["${long('丁')}"]]]}`;
    const parsed = assertSameAsJsonParse(json) as Record<string, unknown>;
    assert.ok(Object.prototype.hasOwnProperty.call(parsed, '__proto__'));
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal(longStrings(Buffer.from(json))!.length, 8);
  });

  it('leaves to JSON.parse what the fast way cannot give: the rest of a string from a lone surrogate, or the whole body', () => {
    const filler = '字'.repeat(LONG_STRING_BYTES);
    // A lone surrogate (JSON.parse keeps it; UTF-8 cannot hold it): the answer has it.
    const lone = assertSameAsJsonParse(`{"text":"${filler}\\ud800 and \\udc00"}`) as { text: string };
    assert.equal(lone.text, `${filler}\ud800 and \udc00`);
    // Undone up to the lone surrogate, which is left as it came for JSON.parse.
    const bytes = Buffer.from(`"${filler}\\n\\ud800\\n"`);
    const undone = unescapeInPlace(bytes, 1, bytes.length - 1);
    assert.equal(bytes.toString('utf8', 1, undone.end), `${filler}\n`);
    assert.equal(bytes.toString('utf8', undone.rest, bytes.length - 1), '\\ud800\\n');
    // Escapes JSON refuses after others it takes, early and late in a long string: JSON.parse's error.
    for (const bad of [`{"text":"\\n\\x${filler}"}`, `{"text":"${filler}\\n\\u12"}`, `{"text":"${filler}\\ud800\\x"}`, `{"text":"${filler}\\é"}`]) {
      assert.throws(() => parseMessageBody(Buffer.from(bad, 'utf8')), SyntaxError, bad.slice(-12));
    }
    // A long key, and a short string that looks like a placeholder cannot be told from one: parsed whole.
    assertSameAsJsonParse(`{"${filler}":1,"b":"${filler}"}`);
    assertSameAsJsonParse(`{"a":"\\u0000newsmark-","b":"${filler}"}`);
    // A message that is one long string (the reader then says it is not an object).
    assert.equal(assertSameAsJsonParse(`"${filler}"`), filler);
  });

  it('throws as JSON.parse does for bodies that are not JSON', () => {
    const filler = 'y'.repeat(LONG_STRING_BYTES);
    for (const bad of [`{"text":"${filler}`, `{"text":"${filler}\\x"}`, `{"text":"${filler}\\u12"}`, `{"text":"${filler}" "more":1}`, `{"text":"${filler}"}}`, `[1,"${filler}",]`]) {
      assert.throws(() => JSON.parse(bad), SyntaxError);
      assert.throws(() => parseMessageBody(Buffer.from(bad, 'utf8')), SyntaxError, bad.slice(-12));
    }
  });

  it('gives JSON.parse\'s answer for any message with long and short strings, however it is escaped', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('\n', '\r\n', '"', '\\', '/', '\u0000', '\u001f', '\u2028', '😀', '天津', '\\u', '\\"', 'Café'),
    );
    const longText = fc.array(piece, { minLength: 1, maxLength: 12 }).map((ps) => {
      const unit = ps.join('') || '字';
      return unit.repeat(Math.ceil((LONG_STRING_BYTES + 1) / unit.length));
    });
    const leaf = fc.oneof(longText, fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom('stringify', 'ascii', 'indented'), (v, how) => {
        const message = { jsonrpc: '2.0', params: v };
        const json = how === 'ascii' ? asciiJson(JSON.stringify(message)) : how === 'indented' ? JSON.stringify(message, null, 1) : JSON.stringify(message);
        assertSameAsJsonParse(json);
      }),
      { numRuns: propertyRuns(60) },
    );
  });
});
