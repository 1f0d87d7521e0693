/**
 * The stdio writer encodes each message into one kept buffer and lends it to one message at a time: bytes handed
 * to a stream that writes them later must never be overwritten by the next message (nor by the next window of the
 * same answer), and the messages must come out whole and in order, framed as LSP frames them.
 */
import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Message } from 'vscode-languageserver/node';
import { keptElements } from '../../../server/src/keptElements';
import { MAX_KEPT_BYTES, OutputBuffer, WINDOW_BYTES } from '../../../server/src/node/outputBuffer';
import { StdioMessageWriter } from '../../../server/src/node/stdioWriter';

/** A stream that reads each chunk only when it completes the write, a few milliseconds later, as a full pipe does. */
class SlowStream extends Writable {
  readonly bytes: Buffer[] = [];

  constructor(private readonly failAfter = Infinity) {
    super({ highWaterMark: 1 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    setTimeout(() => {
      if (this.bytes.length >= this.failAfter) return done(new Error('EPIPE: the editor went away'));
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

  it('writes an answer of kept parts a window at a time through the kept buffer, never overwriting a window not yet taken', async () => {
    const stream = new SlowStream();
    const output = new OutputBuffer();
    const writer = new StdioMessageWriter(stream, output);
    // An outline of about 900 KB of JSON, given three times: each comes as parts (the first too, being past the
    // size a first answer is written in one piece).
    const kept = keptElements(Array.from({ length: 3000 }, (_, i) => symbol(i, `第${i}篇 报道 "${'新闻'.repeat(40)}"`)));
    const messages = [1, 2, 3].map((id) => ({ jsonrpc: '2.0', id, result: kept }) as Message);
    for (const m of messages) await writer.write(m);
    assert.deepEqual(frames(Buffer.concat(stream.bytes)), JSON.parse(JSON.stringify(messages)));
    const chunks = stream.bytes.map((b) => b.length);
    const bodyChunks = chunks.filter((n) => n === WINDOW_BYTES);
    assert.ok(bodyChunks.length >= 6, `the later answers went out in whole windows (${chunks.join(', ')})`);
    assert.ok(Math.max(...chunks) <= WINDOW_BYTES, `no chunk passes a window (${chunks.join(', ')})`);
    assert.ok(output.capacity < 900_000, `the kept buffer never held a whole answer (${output.capacity} bytes)`);
  });

  it('reports a stream that fails mid-answer to the connection, and the messages after it settle instead of waiting for ever', async () => {
    const stream = new SlowStream(4);
    const writer = new StdioMessageWriter(stream, new OutputBuffer());
    const errors: string[] = [];
    writer.onError(([error]) => errors.push(error.message));
    stream.on('error', () => undefined);
    const kept = keptElements(Array.from({ length: 3000 }, (_, i) => symbol(i, '报道'.repeat(60))));
    await writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message);
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 2, result: kept } as Message), /EPIPE/);
    assert.ok(errors.some((e) => /EPIPE/.test(e)), `the error reached the connection (${errors.join('; ')})`);
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 3, result: null } as Message));
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
