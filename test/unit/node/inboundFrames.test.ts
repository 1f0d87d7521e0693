/**
 * The framing of what the client sends, read the way the stdio reader's socket reads: into `target()`, a read at a
 * time. Whatever the sizes of the reads, every message comes out whole, in order and decoded (a Chinese character
 * split between two reads included); a message larger than the kept buffer is read into a buffer of its own and
 * never past its end; large messages up to the kept body size are read into the same memory, whose untouched pages
 * are touched when idle and never while a message is read into them; a frame that cannot be read is reported in one
 * line and skipped, and the next one is read.
 */
import * as assert from 'node:assert/strict';
import { FrameSink, InboundFrames, MAX_MESSAGE_BYTES, readHeaders, TOUCH_STEP_BYTES } from '../../../server/src/node/inboundFrames';
import { frameBytes as frame } from '../../support/frames';

class Collected implements FrameSink {
  readonly messages: string[] = [];
  readonly errors: string[] = [];
  /** The memory each large message was read into. */
  readonly bodies: ArrayBufferLike[] = [];
  message(text: string): void {
    this.messages.push(text);
  }
  large(body: Buffer): void {
    this.messages.push(body.toString('utf8'));
    this.bodies.push(body.buffer);
  }
  error(reason: string): void {
    this.errors.push(reason);
  }
}

/** Feeds `bytes` as reads of at most `size` bytes each into `target()`; the largest target seen is returned. */
function feed(frames: InboundFrames, bytes: Buffer, size: number): number {
  let largest = 0;
  for (let at = 0; at < bytes.length; ) {
    const target = frames.target();
    assert.ok(target.length > 0, 'the target is never empty');
    largest = Math.max(largest, target.length);
    const n = Math.min(size, target.length, bytes.length - at);
    bytes.copy(target, 0, at, at + n);
    at += n;
    frames.received(n);
  }
  return largest;
}

describe('inbound frames (the stdio reader)', () => {
  const bodies = [
    '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}',
    JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: '本报讯（记者 郭文生）湿地面积1240多公顷。\n'.repeat(9) } }),
    '{}',
    JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: '京津冀'.repeat(50) + 'PM2.5' } }),
  ];
  const stream = Buffer.concat(bodies.map((b) => frame(b)));

  it('delivers every message whole and in order, whatever the sizes of the reads', () => {
    for (const size of [1, 2, 3, 5, 7, 13, 64, 100, 1000, stream.length]) {
      for (const scratch of [64, 200, 64 * 1024]) {
        const sink = new Collected();
        const frames = new InboundFrames(sink, scratch);
        feed(frames, stream, size);
        assert.deepEqual(sink.messages, bodies, `reads of ${size} bytes, kept buffer of ${scratch}`);
        assert.deepEqual(sink.errors, []);
        assert.equal(frames.pending, 0);
      }
    }
  });

  it('reads a message larger than the kept buffer into a buffer of its own, never past the message', () => {
    const large = JSON.stringify({ text: '生态环境'.repeat(3000) });
    const bytes = Buffer.concat([frame(large), frame('{"after":1}')]);
    const sink = new Collected();
    const frames = new InboundFrames(sink, 256);
    // One read per target, as large as the target allows: a read that went past the large message would swallow the next frame.
    const largest = feed(frames, bytes, Number.MAX_SAFE_INTEGER);
    assert.deepEqual(sink.messages, [large, '{"after":1}']);
    assert.ok(largest > 256 && largest < Buffer.byteLength(large), `the large message's own buffer was read into (${largest} bytes at most)`);
  });

  it('reads large messages up to the kept body size into the same memory, one after the other', () => {
    const first = JSON.stringify({ text: '生态环境'.repeat(1000) });
    const second = JSON.stringify({ text: '湿地公园'.repeat(2000), n: 2 });
    const sink = new Collected();
    const frames = new InboundFrames(sink, 256, 64 * 1024, () => undefined);
    feed(frames, Buffer.concat([frame(first), frame('{"small":1}'), frame(second)]), 1000);
    assert.deepEqual(sink.messages, [first, '{"small":1}', second]);
    assert.equal(sink.bodies.length, 2);
    assert.equal(sink.bodies[0], sink.bodies[1], 'both large messages were read into the kept buffer');
    assert.equal(frames.keptBodyCapacity, 64 * 1024);
  });

  it('gives a message larger than the kept body size a buffer of its own, and lets the kept one go', () => {
    const fits = JSON.stringify({ text: '生态'.repeat(500) });
    const larger = JSON.stringify({ text: '环境'.repeat(20000) });
    const sink = new Collected();
    const frames = new InboundFrames(sink, 256, 16 * 1024, () => undefined);
    feed(frames, Buffer.concat([frame(fits), frame(larger), frame(fits)]), 4096);
    assert.deepEqual(sink.messages, [fits, larger, fits]);
    assert.notEqual(sink.bodies[1], sink.bodies[0]);
    assert.equal(sink.bodies[1].byteLength, Buffer.byteLength(larger), 'the larger message had a buffer of exactly its size');
    assert.notEqual(sink.bodies[2], sink.bodies[0], 'the kept buffer was let go, and a new one made');
  });

  it("touches the kept body buffer's untouched pages a step at a time when idle, and never while a message is read into it", () => {
    const steps: (() => void)[] = [];
    const kept = 3 * TOUCH_STEP_BYTES + 100;
    const sink = new Collected();
    const frames = new InboundFrames(sink, 256, kept, (step) => steps.push(step));
    const first = JSON.stringify({ text: 'x'.repeat(1000) });
    feed(frames, frame(first), 4096);
    assert.equal(frames.keptBodyTouched, Buffer.byteLength(first));
    assert.equal(steps.length, 1, 'one step waits for idle');

    // A second large message starts before the step runs: the step must leave the memory being read alone.
    const second = JSON.stringify({ text: '生态环境局'.repeat(40000) });
    const bytes = frame(second);
    const half = bytes.length >> 1;
    feed(frames, bytes.subarray(0, half), 4096);
    steps.shift()!();
    assert.equal(steps.length, 0, 'touching stopped while the message is read');
    feed(frames, bytes.subarray(half), 4096);
    assert.deepEqual(sink.messages, [first, second]);

    // Once it is delivered, touching goes on from its end, a step at a time, until the whole buffer is touched.
    let ran = 0;
    while (steps.length > 0) {
      steps.shift()!();
      ran++;
    }
    assert.equal(frames.keptBodyTouched, kept);
    assert.equal(ran, Math.ceil((kept - Buffer.byteLength(second)) / TOUCH_STEP_BYTES));
  });

  it('reports a frame without Content-Length, and reads the next one', () => {
    const sink = new Collected();
    const frames = new InboundFrames(sink, 128);
    feed(frames, Buffer.concat([Buffer.from('Content-Type: application/vscode-jsonrpc\r\n\r\n'), frame('{"n":2}')]), 7);
    assert.deepEqual(sink.messages, ['{"n":2}']);
    assert.deepEqual(sink.errors, ['a message has no Content-Length header']);
  });

  it('reports a charset other than UTF-8 and skips that body, and takes UTF-8 named in any case', () => {
    const sink = new Collected();
    const frames = new InboundFrames(sink, 128);
    const bytes = Buffer.concat([
      frame('{"n":1}', 'Content-Type: application/vscode-jsonrpc; charset=latin1\r\n'),
      frame('{"n":2}', 'content-type: application/vscode-jsonrpc; charset=UTF-8\r\n'),
      frame('{"n":3}', 'CONTENT-TYPE: application/json;charset="utf8"\r\n'),
    ]);
    feed(frames, bytes, 5);
    assert.deepEqual(sink.messages, ['{"n":2}', '{"n":3}']);
    assert.deepEqual(sink.errors, ['unsupported charset "latin1": messages must be UTF-8']);
  });

  it('drops headers longer than the kept buffer with one error, and reads the frame after them', () => {
    const sink = new Collected();
    const frames = new InboundFrames(sink, 64);
    feed(frames, Buffer.concat([Buffer.alloc(64, 'x'), frame('{"n":1}')]), 10);
    assert.deepEqual(sink.errors, ['message headers longer than 64 bytes: 64 bytes dropped']);
    assert.deepEqual(sink.messages, ['{"n":1}']);
  });

  it('reads header blocks as vscode-jsonrpc does, and says what is wrong with a bad one', () => {
    assert.deepEqual(readHeaders('Content-Length: 12'), { ok: true, length: 12, skip: null });
    assert.deepEqual(readHeaders('content-length:7\r\nX-Other: y'), { ok: true, length: 7, skip: null });
    assert.deepEqual(readHeaders('Content-Length: 0'), { ok: true, length: 0, skip: null });
    assert.deepEqual(readHeaders('Content-Length: twelve'), { ok: false, error: 'Content-Length is not a number of bytes: "twelve"' });
    assert.deepEqual(readHeaders('Content-Length: -1'), { ok: false, error: 'Content-Length is not a number of bytes: "-1"' });
    assert.deepEqual(readHeaders('no colon here'), { ok: false, error: 'a message header is not "Name: value": "no colon here"' });
    const tooLarge = readHeaders(`Content-Length: ${MAX_MESSAGE_BYTES + 1}`);
    assert.equal(tooLarge.ok, false);
    assert.match(tooLarge.ok ? '' : tooLarge.error, /larger than the 1073741824 taken/);
  });

  it('delivers an empty body as empty text (the reader then reports it is not JSON)', () => {
    const sink = new Collected();
    feed(new InboundFrames(sink, 64), Buffer.concat([Buffer.from('Content-Length: 0\r\n\r\n'), frame('{}')]), 3);
    assert.deepEqual(sink.messages, ['', '{}']);
  });
});
