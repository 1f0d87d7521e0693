/** `newsmark export --format ninjs|jsonld FILE [-o OUT]`: the articles as IPTC ninjs 2.1 or schema.org JSON-LD. */
import { computeDocumentModel } from '../core/documentModel';
import { computeExport, ExportFormat } from '../core/export';
import { readStdin, readTextFile } from '../node/readText';
import { writeTextAtomic } from '../node/writeText';
import { UsageError } from './args';
import { Command } from './command';

export const exportCommand: Command = {
  name: 'export',
  usage: ['newsmark export --format ninjs|jsonld FILE [-o OUT]', '                                        each article as IPTC ninjs or schema.org NewsArticle JSON-LD (a JSON array)'],
  flags: ['--format', '-o', '--output'],
  run(args, io) {
    const format = args.flags.get('--format');
    if (format !== 'ninjs' && format !== 'jsonld') throw new UsageError(`export needs --format ninjs or --format jsonld${typeof format === 'string' ? `, not "${format}"` : ''}`);
    if (args.files.length !== 1) throw new UsageError('export needs exactly one FILE (or - for standard input)');
    const file = args.files[0];
    const input = file === '-' ? readStdin() : readTextFile(file);
    const json = JSON.stringify(computeExport(computeDocumentModel(input.text), format as ExportFormat), null, 2) + '\n';
    const out = args.flags.get('-o') ?? args.flags.get('--output');
    if (typeof out === 'string') writeTextAtomic(out, json);
    else io.out(json);
    return 0;
  },
};
