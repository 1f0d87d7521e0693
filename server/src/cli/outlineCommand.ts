/** `newsmark outline [--json] FILE...`: the structure of each file, as a tree or as JSON. */
import { computeDocumentModel } from '../core/documentModel';
import { getOutline, OutlineSymbol } from '../core/outline';
import { summarizeDocument } from '../core/summary';
import { LineIndex } from '../core/text';
import { Command } from './command';
import { readInputs } from './inputs';

export function renderOutlineText(name: string, text: string): string {
  const model = computeDocumentModel(text);
  const photos = model.items.length - model.articles.length;
  const out: string[] = [`${name}: ${model.articles.length} article${model.articles.length === 1 ? '' : 's'}, ${photos} photo${photos === 1 ? '' : 's'}`];
  const walk = (symbols: OutlineSymbol[], depth: number, lines: LineIndex) => {
    for (const s of symbols) {
      const start = lines.positionAt(s.selectionSpan.start).line + 1;
      const end = lines.positionAt(s.span.end).line + 1;
      const where = s.kind === 'article' || s.kind === 'photo' || s.kind === 'section' ? `lines ${start}–${end}` : `line ${start}`;
      const label = s.kind === 'article' || s.kind === 'photo' ? s.name : `${s.kind}: ${s.name}`;
      const detail = s.detail && s.kind !== 'article' && s.detail !== s.kind ? ` (${s.detail})` : '';
      out.push(`${'  '.repeat(depth)}${label}${detail}  [${where}]`);
      walk(s.children, depth + 1, lines);
    }
  };
  walk(getOutline(model), 1, model.lines);
  return out.join('\n');
}

export const outlineCommand: Command = {
  name: 'outline',
  usage: ['newsmark outline [--json] FILE...      print each file\'s articles: headline, banner, bylines, dateline, sections…'],
  flags: ['--json', '--format'],
  run(args, io) {
    const inputs = readInputs(args);
    const format = args.flags.get('--format') ?? (args.flags.has('--json') ? 'json' : 'text');
    if (format === 'json') {
      const docs = inputs.map((i) => ({ file: i.file, ...summarizeDocument(computeDocumentModel(i.text)) }));
      io.out(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + '\n');
    } else {
      io.out(inputs.map((i) => renderOutlineText(i.file, i.text)).join('\n\n') + '\n');
    }
    return 0;
  },
};
