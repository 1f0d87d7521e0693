/**
 * Completion and hover inside a front-matter block. Keys come from the front-matter vocabulary; values from
 * what the newsroom has already written: reporters' names and roles, dateline places and agencies seen in the
 * open documents and the workspace's files. Where the cursor stands is read from the lines above it (their
 * indentation says which mapping a key belongs to), because the block being typed is rarely valid YAML yet.
 */
import { FrontMatterEntry } from './frontMatter';
import { FRONT_MATTER_FIELDS, findField, FrontMatterField } from './frontMatterFields';
import { Article, DocumentModel } from './model';
import { Span } from './text';

export interface KnownValues {
  people: Set<string>;
  roles: Set<string>;
  places: Set<string>;
  agencies: Set<string>;
  publications: Set<string>;
}

export function emptyKnownValues(): KnownValues {
  return { people: new Set(), roles: new Set(), places: new Set(), agencies: new Set(), publications: new Set() };
}

/** Role words and agencies every newsroom uses, offered even in an empty workspace. */
const COMMON_ROLES = ['本报记者', '见习记者', '通讯员', '记者', '特约记者', '摄影记者', '实习生', 'reporter', 'reporting', 'editing', 'contributor'];
const COMMON_AGENCIES = ['本报', '新华社', '中新社', 'AP', 'Reuters', 'AFP'];

/** Adds the names, roles, places and agencies a document's articles carry. */
export function computeKnownValues(model: DocumentModel, into: KnownValues = emptyKnownValues()): KnownValues {
  for (const a of model.articles) {
    for (const p of [...a.bylines, ...a.credits]) {
      into.people.add(p.name);
      if (p.role) into.roles.add(p.role);
    }
    if (a.dateline?.place) into.places.add(a.dateline.place);
    if (a.dateline?.agency) into.agencies.add(a.dateline.agency);
    const source = a.frontMatter?.source;
    if (source?.publication) into.publications.add(source.publication);
    if (source?.agency) into.agencies.add(source.agency);
  }
  return into;
}

export interface FrontMatterCompletion {
  label: string;
  kind: 'key' | 'value';
  detail: string;
  insertText: string;
  /** The text the completion replaces: the partial key or value before the cursor. */
  span: Span;
}

function articleAt(model: DocumentModel, offset: number): Article | null {
  return model.articles.find((a) => a.frontMatter && offset >= a.frontMatter.contentSpan.start && offset <= a.frontMatter.contentSpan.end) ?? null;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(.*)$/;

/** The keys of the mappings that enclose a key written at `indent` on `line`, outermost first. */
function parentPath(model: DocumentModel, line: number, indent: number, firstLine: number): string[] {
  const path: string[] = [];
  let limit = indent;
  for (let l = line - 1; l >= firstLine && limit > 0; l--) {
    const text = model.lines.lineText(l);
    if (/^\s*(#.*)?$/.test(text)) continue;
    const m = KEY_LINE.exec(text);
    const lead = /^\s*/.exec(text)![0].length;
    const keyIndent = m ? m[1].length + (m[2]?.length ?? 0) : lead;
    if (keyIndent >= limit && lead >= limit) continue;
    if (m && m[4].trim() === '' && keyIndent < limit) path.unshift(m[3]);
    limit = Math.min(keyIndent, lead);
  }
  return path;
}

function fieldsAt(path: string[]): readonly FrontMatterField[] {
  if (path.length === 0) return FRONT_MATTER_FIELDS;
  return findField(path)?.children ?? [];
}

function insertFor(field: FrontMatterField, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  switch (field.type) {
    case 'text':
      return `${field.key}: `;
    case 'map':
      return `${field.key}:\n${pad}`;
    default:
      return `${field.key}:\n${pad}- `;
  }
}

function valuesFor(path: string[], key: string, known: KnownValues): string[] {
  const parent = path[0];
  if (key === 'name' && (parent === 'bylines' || parent === 'credits')) return [...known.people];
  if (key === 'credit' && parent === 'photos') return [...known.people];
  if (key === 'role') return [...new Set([...known.roles, ...COMMON_ROLES])];
  if (key === 'place') return [...known.places];
  if (key === 'agency') return [...new Set([...known.agencies, ...COMMON_AGENCIES])];
  if (key === 'publication') return [...known.publications];
  return [];
}

export function getFrontMatterCompletions(model: DocumentModel, offset: number, known: KnownValues): FrontMatterCompletion[] {
  const article = articleAt(model, offset);
  if (!article) return [];
  const fm = article.frontMatter!;
  const { line } = model.lines.positionAt(offset);
  const lineStart = model.lines.lineStart(line);
  const before = model.text.slice(lineStart, offset);
  const firstLine = model.lines.positionAt(fm.contentSpan.start).line;

  const keyMatch = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)?$/.exec(before);
  if (keyMatch) {
    const indent = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
    const path = parentPath(model, line, indent, firstLine);
    const present = new Set(fm.entries.filter((e) => e.path.length === 1).map((e) => e.path[0]));
    const span = { start: offset - (keyMatch[3]?.length ?? 0), end: offset };
    return fieldsAt(path)
      .filter((f) => path.length > 0 || !present.has(f.key) || f.key === keyMatch[3])
      .map((f) => ({ label: f.key, kind: 'key', detail: f.summary.en, insertText: insertFor(f, indent), span }));
  }
  const valueMatch = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(before);
  if (valueMatch) {
    const indent = valueMatch[1].length + (valueMatch[2]?.length ?? 0);
    const path = parentPath(model, line, indent, firstLine);
    const typed = valueMatch[4];
    const span = { start: offset - typed.length, end: offset };
    return valuesFor(path, valueMatch[3], known)
      .filter((v) => v !== typed && v.startsWith(typed.replace(/^["']/, '')))
      .sort()
      .map((v) => ({ label: v, kind: 'value', detail: `${[...path, valueMatch[3]].join('.')} seen in the workspace`, insertText: v, span }));
  }
  return [];
}

/** The key under the cursor and what it means, for hover. */
export function getFrontMatterKeyAt(model: DocumentModel, offset: number): { entry: FrontMatterEntry; field: FrontMatterField } | null {
  const article = articleAt(model, offset);
  if (!article) return null;
  const entry = article.frontMatter!.entries.find((e) => offset >= e.keySpan.start && offset < e.keySpan.end);
  if (!entry) return null;
  const field = findField(entry.path);
  return field ? { entry, field } : null;
}
