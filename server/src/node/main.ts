/** Entry point of the Node language server: `node dist/server.js --stdio`, as VS Code and neovim start it (`--node-ipc` also works). */
import { Console } from 'node:console';
import { getHeapStatistics } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { LargeTextCollections, LargeTextMemory, tuneHeapForTyping } from './heapTuning';
import { ownsStdin, StdioMessageReader } from './stdioReader';
import { StdioMessageWriter } from './stdioWriter';

/**
 * Over stdio the server writes its messages with its own writer (`stdioWriter.ts`) and, where standard input is a
 * pipe or a socket, reads them with its own reader (`stdioReader.ts`), which exits when the client goes away as the
 * library does for a stream; every other transport is the library's. vscode-languageserver takes a message writer
 * where it takes the output stream (it wraps only a stream in a writer of its own).
 */
function connect() {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  // The library sends console output to the client when it opens stdio itself; here console output goes to
  // stderr, so that nothing but messages is ever written to stdout.
  globalThis.console = new Console(process.stderr, process.stderr);
  const writer = new StdioMessageWriter(process.stdout);
  if (!ownsStdin()) return createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
  const reader = new StdioMessageReader();
  reader.exitOnClose();
  return createConnection(ProposedFeatures.all, reader, writer);
}

tuneHeapForTyping();
const connection = connect();
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
// `gc` is there when the editor started the server with serverFlags.ts's `--expose-gc`.
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): string => (getHeapStatistics().used_heap_size / 2 ** 20).toFixed(0);
const collections = new LargeTextCollections(
  gc &&
    ((open, closed) => {
      const before = heapMb();
      const started = performance.now();
      gc();
      const what = `${(closed / 1e6).toFixed(1)} million characters closed (${(open / 1e6).toFixed(1)} million open)`;
      connection.console.info(`${what}: full collection, V8 heap ${before} -> ${heapMb()} MB in ${(performance.now() - started).toFixed(0)} ms`);
    }),
);
const memory = new LargeTextMemory();
startServer(connection, {
  openText: (chars) => {
    memory.openText(chars);
    collections.openText(chars);
  },
});
