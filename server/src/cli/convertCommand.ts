/**
 * `newsmark convert FILE [-o OUT | --split DIR]`: every article to YAML front-matter. The converted text goes to
 * standard output, to OUT (written atomically), or into DIR as one Markdown file per article named by order and
 * slug. A split loses nothing: photos and other items after an article go into that article's file, and
 * anything before the first article into the first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeConvertedText, ConvertOptions } from '../core/convert';
import { computeDocumentModel } from '../core/documentModel';
import { DocumentModel } from '../core/model';
import { getSplitFileNames } from '../core/slug';
import { InputError, readStdin, readTextFile } from '../node/readText';
import { writeTextAtomic } from '../node/writeText';
import { ParsedArgs, UsageError } from './args';
import { Command } from './command';

/** The converted document cut into one piece per article; the pieces joined give back the whole text. */
export function splitArticles(model: DocumentModel): { headline: string | null; text: string }[] {
  const starts = model.articles.map((a, i) => (i === 0 ? 0 : model.lines.lineStart(model.lines.positionAt(a.span.start).line)));
  return model.articles.map((a, i) => ({
    headline: a.headline?.text ?? null,
    text: model.text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : model.text.length),
  }));
}

/** `--publication`, `--page`, `--date`: where the page came from, written as each block's `source`. */
function sourceOf(args: ParsedArgs): ConvertOptions['source'] {
  const get = (flag: string) => {
    const v = args.flags.get(flag);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const date = get('--date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be an ISO date such as 2021-04-12, not "${date}"`);
  return { publication: get('--publication'), page: get('--page'), date };
}

function tidy(piece: string): string {
  return piece.replace(/^\s*\n/, '').replace(/\s*$/, '') + '\n';
}

export const convertCommand: Command = {
  name: 'convert',
  usage: [
    'newsmark convert FILE [-o OUT | --split DIR] [--publication NAME] [--page PAGE] [--date YYYY-MM-DD]',
    '                                        turn each article\'s header into YAML front-matter',
  ],
  flags: ['-o', '--output', '--split', '--publication', '--page', '--date'],
  run(args, io) {
    if (args.files.length !== 1) throw new UsageError('convert needs exactly one FILE (or - for standard input)');
    const out = args.flags.get('-o') ?? args.flags.get('--output');
    const split = args.flags.get('--split');
    if (out !== undefined && split !== undefined) throw new UsageError('convert takes -o or --split, not both');
    const file = args.files[0];
    const input = file === '-' ? readStdin() : readTextFile(file);
    const converted = computeConvertedText(computeDocumentModel(input.text), { source: sourceOf(args) });
    if (typeof split === 'string') {
      const model = computeDocumentModel(converted);
      if (model.articles.length === 0) throw new InputError(`${file}: no articles to split`);
      try {
        fs.mkdirSync(split, { recursive: true });
      } catch (e) {
        throw new InputError(`${split}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      const pieces = splitArticles(model);
      const names = getSplitFileNames(pieces.map((p) => p.headline));
      pieces.forEach((piece, i) => {
        const target = path.join(split, names[i]);
        writeTextAtomic(target, tidy(piece.text), input.bom);
        io.out(target + '\n');
      });
      return 0;
    }
    if (typeof out === 'string') {
      writeTextAtomic(out, converted, input.bom);
      return 0;
    }
    io.out(converted);
    return 0;
  },
};
