/**
 * Writes a file the way a proofreader's edit must land: atomically (a temporary file in the same folder,
 * then a rename), with the BOM kept as it was, and never a truncated file on failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './readText';

/** The file a path names: through a symbolic link, so that the rename replaces the file and not the link. */
function target(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

export function writeTextAtomic(file: string, text: string, bom = false): void {
  const real = target(file);
  const dir = path.dirname(real);
  // A short name: the file's own may already be near the 255-byte limit (80 Chinese characters reach it).
  const temp = path.join(dir, `.newsmark-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    let mode: number | undefined;
    try {
      mode = fs.statSync(real).mode & 0o777;
    } catch {
      mode = undefined;
    }
    fs.writeFileSync(temp, (bom ? '\uFEFF' : '') + text, { encoding: 'utf8', mode });
    fs.renameSync(temp, real);
  } catch (e) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The temporary file may not exist; nothing else to undo.
    }
    throw new InputError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
