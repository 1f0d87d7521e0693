/** The shape of a CLI command. Each command lives in its own file and is listed in `commands.ts`. */
import { ParsedArgs } from './args';

export interface Io {
  out(text: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  /** Usage lines for `newsmark --help`. */
  usage: string[];
  /** Flags it accepts, besides --help. */
  flags: string[];
  /** Returns the exit code: 0 success, 1 findings at error level, 2 is thrown as InputError/UsageError. */
  run(args: ParsedArgs, io: Io): number;
}
