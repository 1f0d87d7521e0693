/**
 * Reads a news file for the CLI: strict UTF-8, no binary data, a BOM remembered so it can be written back.
 * Every failure is an `InputError` with one line that names the file and the reason.
 */
import * as fs from 'node:fs';

export class InputError extends Error {}

export interface TextFile {
  text: string;
  bom: boolean;
}

// ignoreBOM keeps the BOM in the decoded text, so that decodeText can see it, strip it and remember it.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(name: string, bytes: Uint8Array): TextFile {
  if (bytes.includes(0)) throw new InputError(`${name}: binary file (contains NUL bytes), not news text`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

export function readTextFile(file: string): TextFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(e)})`}`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a directory, expected a file`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(e)})`}`);
  }
  return decodeText(file, bytes);
}

export function readStdin(): TextFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(0);
  } catch (e) {
    throw new InputError(`-: cannot read standard input (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return decodeText('-', bytes);
}
