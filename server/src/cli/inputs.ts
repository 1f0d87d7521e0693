/** Reads every input file before any output, so an unreadable one fails the command cleanly (exit 2). */
import { readStdin, readTextFile } from '../node/readText';
import { ParsedArgs, UsageError } from './args';

export interface Input {
  file: string;
  text: string;
  bom: boolean;
}

export function readInputs(args: ParsedArgs): Input[] {
  if (args.files.length === 0) throw new UsageError(`${args.command} needs at least one FILE (or - for standard input)`);
  const format = args.flags.get('--format');
  if (format !== undefined && format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${String(format)}"`);
  return args.files.map((file) => {
    const read = file === '-' ? readStdin() : readTextFile(file);
    return { file, text: read.text, bom: read.bom };
  });
}
