/**
 * The stdio writer encodes each message into one kept buffer and lends it to one message at a time: bytes handed
 * to a stream that writes them later must never be overwritten by the next message, and the messages must come out
 * whole and in order, framed as LSP frames them.
 */
import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Message } from 'vscode-languageserver/node';
import { keptElements } from '../../../server/src/keptElements';
import { MAX_KEPT_BYTES, OutputBuffer } from '../../../server/src/node/outputBuffer';
import { StdioMessageWriter } from '../../../server/src/node/stdioWriter';

/** A stream that reads each chunk only when it completes the write, a few milliseconds later, as a full pipe does. */
class SlowStream extends Writable {
  readonly bytes: Buffer[] = [];

  constructor() {
    super({ highWaterMark: 1 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    setTimeout(() => {
      this.bytes.push(Buffer.from(chunk));
      done();
    }, 2);
  }
}

/** The JSON bodies of the frames in `bytes`, checking each header's Content-Length. */
function frames(bytes: Buffer): unknown[] {
  const out: unknown[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    assert.ok(end > at, 'a header ends the frame start');
    const header = bytes.subarray(at, end).toString('ascii');
    const length = Number(/^Content-Length: (\d+)$/.exec(header)?.[1]);
    assert.ok(Number.isInteger(length), `header ${JSON.stringify(header)}`);
    out.push(JSON.parse(bytes.subarray(end + 4, end + 4 + length).toString('utf8')));
    at = end + 4 + length;
  }
  return out;
}

const symbol = (n: number, name: string) => ({
  name,
  kind: 2,
  range: { start: { line: n, character: 0 }, end: { line: n, character: 4 } },
  selectionRange: { start: { line: n, character: 0 }, end: { line: n, character: 1 } },
  children: [],
});

describe('stdio message writer', () => {
  it('writes messages sent all at once whole and in order while the stream is slow to take them', async () => {
    const stream = new SlowStream();
    const output = new OutputBuffer();
    const writer = new StdioMessageWriter(stream, output);
    const kept = [symbol(1, '京津冀'), symbol(2, 'kept "quoted"')];
    const messages: Message[] = [];
    for (let i = 0; i < 12; i++) {
      // Sizes that grow and shrink, an outline with kept elements (encoded from parts) among plain messages.
      const result = i % 3 === 0 ? keptElements([...kept, symbol(i, `第${i}条`)]) : { text: '字'.repeat(i * 700 + 1), i };
      messages.push({ jsonrpc: '2.0', id: i, result } as Message);
    }
    await Promise.all(messages.map((m) => writer.write(m)));
    assert.deepEqual(frames(Buffer.concat(stream.bytes)), JSON.parse(JSON.stringify(messages)));
    assert.ok(output.capacity > 0, 'the messages were encoded into the kept buffer');
  });

  it('lends its buffer to one message at a time and gives others buffers of their own', () => {
    const output = new OutputBuffer();
    const a = {};
    const b = {};
    const first = output.lend(a, 100);
    const other = output.lend(b, 100);
    assert.notEqual(first.buffer, other.buffer, 'a second message while the first is on loan gets its own buffer');
    output.release(b);
    assert.notEqual(output.lend(b, 10).buffer, first.buffer, 'giving back a buffer it did not lend frees nothing');
    output.release(a);
    const again = output.lend(b, 50);
    assert.equal(again.buffer, first.buffer, 'the kept buffer is lent again once given back');
    assert.equal(again.length, 50);
    output.release(b);
    assert.notEqual(output.lend(a, MAX_KEPT_BYTES + 1).buffer, first.buffer, 'a very large message is not kept');
  });
});
