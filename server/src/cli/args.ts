/** Command-line parsing: a command, flags, and files. Unknown flags are usage errors (exit 2). */
import { InputError } from '../node/readText';

export class UsageError extends InputError {}

export interface ParsedArgs {
  command: string;
  files: string[];
  flags: Map<string, string | true>;
}

/** Flags that take a value. */
const VALUE_FLAGS = new Set(['--format', '--config', '-o', '--output', '--split', '--locale', '--jobs', '--publication', '--page', '--date']);


export function parseArgs(argv: string[], known: Set<string>): ParsedArgs {
  const [command = '', ...rest] = argv;
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.has(name)) throw new UsageError(`unknown option ${name} (see newsmark --help)`);
    if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else {
      flags.set(name, true);
    }
  }
  return { command, files, flags };
}
