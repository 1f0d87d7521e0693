// The floor: a language server that does nothing. It keeps each document's text as one string, applies
// incremental edits (finding offsets by counting lines from the top), and answers the outline with [] and a
// pulled diagnostic report with no items. Whatever Newsmark does over LSP costs at least this much.
// With `--outline FILE` it answers the outline with that file's JSON instead, and with `--diagnostics FILE` every
// pulled report with that file's items (the bench gives it Newsmark's own outline and report of the same text):
// what sending and reading those answers costs, with nothing computed.
import { readFileSync } from 'node:fs';
import { MessageFramer } from './framing.mjs';

const fileArgument = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? readFileSync(process.argv[at + 1], 'utf8') : null;
};
const outline = fileArgument('--outline');
const diagnostics = fileArgument('--diagnostics');
const docs = new Map();

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function sendRaw(json) {
  const body = Buffer.from(json, 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function offsetAt(text, { line, character }) {
  let at = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return Math.min(at + character, text.length);
}

function handle(m) {
  const p = m.params;
  if (m.method === 'initialize') return send({ id: m.id, result: { capabilities: { textDocumentSync: 2, documentSymbolProvider: true, diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } } });
  if (m.method === 'textDocument/didOpen') return docs.set(p.textDocument.uri, p.textDocument.text);
  if (m.method === 'textDocument/didChange') {
    let text = docs.get(p.textDocument.uri) ?? '';
    for (const c of p.contentChanges) {
      if (!c.range) text = c.text;
      else text = text.slice(0, offsetAt(text, c.range.start)) + c.text + text.slice(offsetAt(text, c.range.end));
    }
    return docs.set(p.textDocument.uri, text);
  }
  if (m.method === 'textDocument/didClose') return docs.delete(p.textDocument.uri);
  if (m.method === 'textDocument/documentSymbol' && outline !== null) return sendRaw(`{"jsonrpc":"2.0","id":${JSON.stringify(m.id)},"result":${outline}}`);
  if (m.method === 'textDocument/documentSymbol') return send({ id: m.id, result: [] });
  if (m.method === 'textDocument/diagnostic' && diagnostics !== null) return sendRaw(`{"jsonrpc":"2.0","id":${JSON.stringify(m.id)},"result":{"kind":"full","items":${diagnostics}}}`);
  if (m.method === 'textDocument/diagnostic') return send({ id: m.id, result: { kind: 'full', items: [] } });
  if (m.method === 'shutdown') return send({ id: m.id, result: null });
  if (m.method === 'exit') process.exit(0);
  if (m.id !== undefined && m.method) send({ id: m.id, error: { code: -32601, message: 'not handled' } });
}

// Linear in what comes in (see framing.mjs): joining every chunk to what came before made a 10 MB didOpen cost 2.5 s.
const framer = new MessageFramer(handle);
process.stdin.on('data', (chunk) => framer.push(chunk));
