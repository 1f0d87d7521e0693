/**
 * Writes a file the way a proofreader's edit must land: atomically (a temporary file in the same folder,
 * then a rename), with the BOM kept as it was, and never a truncated file on failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './readText';

export function writeTextAtomic(file: string, text: string, bom = false): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.newsmark-${process.pid}-${Date.now()}.tmp`);
  try {
    let mode: number | undefined;
    try {
      mode = fs.statSync(file).mode & 0o777;
    } catch {
      mode = undefined;
    }
    fs.writeFileSync(temp, (bom ? '\uFEFF' : '') + text, { encoding: 'utf8', mode });
    fs.renameSync(temp, file);
  } catch (e) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The temporary file may not exist; nothing else to undo.
    }
    throw new InputError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
