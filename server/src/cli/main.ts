/**
 * The `newsmark` command line. Exit codes: 0 success, 1 a finding at error level, 2 a usage or I/O error,
 * reported as one line on stderr that names the file and the reason, never a stack trace.
 */
import { InputError } from '../node/readText';
import { parseArgs, UsageError } from './args';
import { Io } from './command';
import { COMMANDS } from './commands';

export const VERSION = '0.1.0';

function help(): string {
  return [
    `newsmark ${VERSION} — structure, figures and proofreading for news text`,
    '',
    'Usage:',
    ...COMMANDS.flatMap((c) => c.usage.map((u) => '  ' + u)),
    '',
    'FILE may be - for standard input. Exit codes: 0 ok, 1 error-level findings, 2 usage or I/O error.',
    '',
  ].join('\n');
}

export function run(argv: string[], io: Io): number {
  const [name = ''] = argv;
  if (name === '' ) {
    io.err('newsmark: no command given (try newsmark --help)');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION + '\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}" (try ${COMMANDS.map((c) => c.name).join(', ')})`);
  const args = parseArgs(argv, new Set([...command.flags, '--help', '-h']));
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.out(command.usage.join('\n') + '\n');
    return 0;
  }
  return command.run(args, io);
}

function main(): void {
  // A reader that stops early (`newsmark outline page.news | head`) closes the pipe: stop quietly, as cat does.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`newsmark: cannot write to standard output (${e.code ?? e.message})\n`);
    process.exit(e.code === 'EPIPE' ? (typeof process.exitCode === 'number' ? process.exitCode : 0) : 2);
  });
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  };
  let code: number;
  try {
    code = run(process.argv.slice(2), io);
  } catch (e) {
    code = 2;
    if (e instanceof InputError) io.err(`newsmark: ${e.message}`);
    else io.err(`newsmark: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  process.exitCode = code;
}

if (require.main === module) main();
