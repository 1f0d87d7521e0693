/**
 * The reader of the client's messages over stdio: a socket on the process's standard input whose reads go straight
 * into the buffers `InboundFrames` gives (Node's `onread`), instead of a new buffer per chunk that a stream reader
 * keeps until the message is whole. See `inboundFrames.ts` for what that saves when a large page is opened.
 *
 * It is used where standard input is a pipe or a socket, as every editor starts the server; `ownsStdin` says so.
 * The process then never touches `process.stdin`, which would start a second reader on the same descriptor. As
 * vscode-languageserver does for the stream it reads, the process exits when the client closes its end: with 0 when
 * the client asked it to shut down first, 1 otherwise (`exitOnClose`).
 */
import { fstatSync } from 'node:fs';
import { Socket } from 'node:net';
import { AbstractMessageReader, DataCallback, Disposable, Message, MessageReader } from 'vscode-languageserver/node';
import { InboundFrames } from './inboundFrames';
import { parseMessageBody } from './messageBody';

/** Whether descriptor `fd` is a pipe or a socket on a system where Node reads it as a socket (not Windows). */
export function ownsStdin(fd = 0, platform: string = process.platform): boolean {
  if (platform === 'win32') return false;
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

/** Node's `onread` socket option (Node 12.2 and later; not in the typings this project builds with). */
interface ReadIntoOptions {
  fd: number;
  readable: boolean;
  writable: boolean;
  onread: { buffer: () => Uint8Array; callback: (bytes: number, buffer: Uint8Array) => boolean };
}

export class StdioMessageReader extends AbstractMessageReader implements MessageReader {
  private socket: Socket | null = null;
  private shutdown = false;

  constructor(private readonly fd = 0) {
    super();
  }

  /** Whether a `shutdown` request has been read. */
  get shutdownRequested(): boolean {
    return this.shutdown;
  }

  listen(callback: DataCallback): Disposable {
    const deliver = (parse: () => unknown): void => {
      let message: unknown;
      try {
        message = parse();
      } catch (e) {
        this.fireError(new Error(`a message is not JSON (${e instanceof Error ? e.message : String(e)})`));
        return;
      }
      if (typeof message !== 'object' || message === null) {
        this.fireError(new Error('a message is not a JSON object'));
        return;
      }
      if ((message as { method?: unknown }).method === 'shutdown') this.shutdown = true;
      callback(message as Message);
    };
    const frames = new InboundFrames({
      message: (text) => deliver(() => JSON.parse(text)),
      large: (body) => deliver(() => parseMessageBody(body)),
      error: (reason) => this.fireError(new Error(reason)),
    });
    const options: ReadIntoOptions = {
      fd: this.fd,
      readable: true,
      writable: false,
      onread: {
        buffer: () => frames.target(),
        callback: (n: number) => {
          try {
            frames.received(n);
          } catch (e) {
            this.fireError(e);
          }
          return true;
        },
      },
    };
    const socket = new Socket(options as ConstructorParameters<typeof Socket>[0]);
    this.socket = socket;
    socket.on('error', (e) => this.fireError(e));
    socket.on('close', () => this.fireClose());
    return Disposable.create(() => socket.destroy());
  }

  /** Exits the process when the client closes its end, as vscode-languageserver does for a stream. */
  exitOnClose(exit: (code: number) => void = (code) => process.exit(code)): void {
    this.onClose(() => exit(this.shutdown ? 0 : 1));
  }

  override dispose(): void {
    super.dispose();
    this.socket?.destroy();
  }
}
