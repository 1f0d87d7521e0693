/**
 * The writer of the server's messages over stdio: vscode-jsonrpc's stream writer with the server's encoder
 * (`messageEncoder.ts`), encoding into one kept buffer (`outputBuffer.ts`) that each message gives back once the
 * stream has written it. The library's writer encodes and writes one message at a time and its `write` settles
 * when the stream's write callback has been called, so in practice every message but the very large ones is
 * encoded into the kept buffer; the loan makes that safe however the library comes to order its work.
 */
import { Message, StreamMessageWriter } from 'vscode-languageserver/node';
import { messageEncoderInto } from './messageEncoder';
import { OutputBuffer } from './outputBuffer';

export class StdioMessageWriter extends StreamMessageWriter {
  constructor(
    stream: NodeJS.WritableStream,
    private readonly output: OutputBuffer = new OutputBuffer(),
  ) {
    super(stream, { charset: 'utf-8', contentTypeEncoder: messageEncoderInto((message, size) => output.lend(message, size)) });
  }

  override async write(message: Message): Promise<void> {
    try {
      await super.write(message);
    } finally {
      this.output.release(message);
    }
  }
}
