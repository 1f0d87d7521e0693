/**
 * The writer of the server's messages over stdio: frames as vscode-jsonrpc's stream writer frames them
 * (`Content-Length: N`, an empty line, N bytes of JSON in UTF-8), one message at a time and in the order given, with
 * the server's encoder (`messageEncoder.ts`). A message is encoded into one kept buffer (`outputBuffer.ts`), lent to
 * it until the stream has written it. An answer put together from kept bytes is copied into that buffer a window at a
 * time, each window written (the stream's callback called) before the next is filled, so that no byte is overwritten
 * before the stream has taken it, however slowly the editor reads.
 */
import { AbstractMessageWriter, Message, MessageWriter } from 'vscode-languageserver/node';
import { encodeMessageBytes, MessageParts } from './messageEncoder';
import { OutputBuffer, WINDOW_BYTES } from './outputBuffer';

const ignore = (): void => undefined;

export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;
  /** The write of the message before: each message waits for it, so that frames never interleave. */
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly output: OutputBuffer = new OutputBuffer(),
  ) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const written = this.last.then(() => this.writeNow(message));
    this.last = written.then(ignore, ignore);
    return written;
  }

  end(): void {
    this.stream.end();
  }

  private async writeNow(message: Message): Promise<void> {
    try {
      let bytes: Buffer | MessageParts;
      try {
        bytes = encodeMessageBytes(message, (size) => this.output.lend(message, size));
      } catch (error) {
        this.fireError(error);
        throw error;
      }
      try {
        const header = `Content-Length: ${Buffer.isBuffer(bytes) ? bytes.length : bytes.size}\r\n\r\n`;
        if (Buffer.isBuffer(bytes)) await this.put(bytes, header);
        else await this.putParts(message, bytes, header);
      } catch (error) {
        this.fireError(error, message, ++this.errorCount);
        throw error;
      }
    } finally {
      this.output.release(message);
    }
  }

  /**
   * The parts through a window of the kept buffer: filled, written, and only then filled again. Index loops: an
   * iterator's results in an async function are objects made per part (1,000 diagnostics are 2,000 parts).
   */
  private async putParts(message: Message, bytes: MessageParts, header: string): Promise<void> {
    const window = this.output.lend(message, Math.min(WINDOW_BYTES, bytes.size));
    const parts = bytes.parts;
    let filled = 0;
    let first: string | undefined = header;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      let from = 0;
      while (from < part.length) {
        const copied = part.copy(window, filled, from);
        filled += copied;
        from += copied;
        if (filled === window.length) {
          await this.put(window, first);
          first = undefined;
          filled = 0;
        }
      }
    }
    if (filled > 0) await this.put(window.subarray(0, filled), first);
  }

  /**
   * Writes `data`, after `header` when one is given; settles when the stream has taken it (its write callback). A
   * header goes with the bytes after it in one write to the pipe (the stream corked around the two): written apart,
   * and the bytes only once the header's callback had come, an answer cost two system calls and a turn of the event
   * loop between them, on every keystroke.
   */
  private put(data: Buffer, header?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error | null): void => (error ? reject(error) : resolve());
      const stream = this.stream as NodeJS.WritableStream & { cork?: () => void; uncork?: () => void };
      if (header === undefined) {
        stream.write(data, done);
        return;
      }
      stream.cork?.();
      stream.write(header, 'ascii');
      stream.write(data, done);
      stream.uncork?.();
    });
  }
}
