/**
 * A page's text decoded from UTF-8 (`decodeUtf8`) is exactly what `toString('utf8')` gives for the same bytes, by
 * whichever way it is made: Chinese (through `transcode`), ASCII, bytes that are not UTF-8 (replacement characters),
 * characters outside the BMP, a byte-order mark, slices that start or end inside a buffer, and texts past the length
 * from which Node would make an external string.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeUtf8, EXTERNAL_UNITS, TRANSCODED_BYTES } from '../../../server/src/node/utf8Text';
import { propertyRuns } from '../../support/arbitraries';

const same = (bytes: Buffer, start = 0, end = bytes.length, note = ''): void => {
  assert.equal(decodeUtf8(bytes, start, end), bytes.toString('utf8', start, end), note);
};

describe('UTF-8 text decoded once (node/utf8Text.ts)', () => {
  it('gives toString\'s text for Chinese, ASCII, pairs, a byte-order mark and control characters, in slices of a buffer', () => {
    const text = '\ufeff本报讯（记者 郭文生）天津市生态环境局召开会议 PM2.5 😀 Café\r\n\t\u0000\u2028完';
    const bytes = Buffer.from(`{"text":"${text}"}`, 'utf8');
    const from = bytes.indexOf('"', 7) + 1;
    same(bytes, from, bytes.length - 2, 'a slice');
    same(Buffer.from(text.repeat(5000)), 0, undefined, 'a long text');
    same(Buffer.from('plain ASCII wire copy\n'.repeat(5000)), 0, undefined, 'ASCII');
    same(Buffer.alloc(0), 0, 0, 'empty');
  });

  it('gives toString\'s replacement characters where the bytes are not UTF-8', () => {
    const broken = [
      [0xe4, 0xb8, 0xad, 0xed, 0xa0, 0x80], // a surrogate encoded as UTF-8
      [0xe4, 0xb8], // a sequence cut short
      [0xc0, 0xaf, 0xe4, 0xb8, 0xad], // an overlong encoding
      [0xff, 0xe4, 0xb8, 0xad, 0x41], // a byte UTF-8 never uses
    ];
    for (const b of broken) same(Buffer.from(b), 0, b.length, Buffer.from(b).toString('hex'));
    // A slice that cuts a character of a valid text.
    const bytes = Buffer.from('天津'.repeat(100));
    same(bytes, 1, bytes.length - 1, 'cut inside characters');
  });

  it('gives the same text at and past the lengths where another way is taken', () => {
    for (const units of [EXTERNAL_UNITS - 1, EXTERNAL_UNITS, EXTERNAL_UNITS + 1]) same(Buffer.from('é'.repeat(units)), 0, undefined, `${units} units`);
    const past = Buffer.from('字'.repeat(Math.ceil(TRANSCODED_BYTES / 3) + 1));
    assert.ok(past.length > TRANSCODED_BYTES);
    same(past, 0, undefined, 'past the bound in bytes');
  });

  it('gives toString\'s text for any bytes, valid or not', () => {
    const validText = fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s, 'utf8'));
    const anyBytes = fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a));
    fc.assert(
      fc.property(fc.oneof(validText, anyBytes), fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = bytes.length === 0 ? 0 : a % bytes.length;
        const end = start + (bytes.length === 0 ? 0 : b % (bytes.length - start + 1));
        same(bytes, start, end);
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
