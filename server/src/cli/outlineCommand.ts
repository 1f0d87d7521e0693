/** `newsmark outline FILE...`: the structure of each file, as a tree or as JSON. */
import { computeDocumentModel } from '../core/documentModel';
import { getOutline, OutlineSymbol } from '../core/outline';
import { summarizeDocument } from '../core/summary';
import { LineIndex } from '../core/text';

export function renderOutlineText(name: string, text: string): string {
  const model = computeDocumentModel(text);
  const out: string[] = [`${name}: ${model.articles.length} articles, ${model.items.length - model.articles.length} photos`];
  const walk = (symbols: OutlineSymbol[], depth: number, lines: LineIndex) => {
    for (const s of symbols) {
      const start = lines.positionAt(s.selectionSpan.start).line + 1;
      const end = lines.positionAt(s.span.end).line + 1;
      const where = s.kind === 'article' || s.kind === 'photo' || s.kind === 'section' ? `lines ${start}–${end}` : `line ${start}`;
      const label = s.kind === 'article' ? s.name : `${s.kind}: ${s.name}`;
      const detail = s.detail && s.kind !== 'article' && s.detail !== s.kind ? ` (${s.detail})` : '';
      out.push(`${'  '.repeat(depth)}${label}${detail}  [${where}]`);
      walk(s.children, depth + 1, lines);
    }
  };
  walk(getOutline(model), 1, model.lines);
  return out.join('\n');
}

export function outlineJson(text: string): unknown {
  return summarizeDocument(computeDocumentModel(text));
}
