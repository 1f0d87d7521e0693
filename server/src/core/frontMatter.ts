/**
 * Front-matter: an article whose header was already converted into a YAML block (`---` … `---`) followed by
 * its body. The block is read with the `yaml` library (never by hand) and mapped back to the same headline,
 * subheadlines, bylines, dateline and credits the raw formats give, so that every feature treats both alike.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Node as YamlNode } from 'yaml';
import { Byline } from './bylines';
import { Credit } from './credits';
import { Dateline } from './datelines';
import { Span } from './text';

export interface FrontMatterError {
  message: string;
  span: Span;
}

export interface FrontMatterHeading {
  text: string;
  span: Span;
}

export interface FrontMatterPhoto {
  caption: string;
  credit: string | null;
  span: Span;
}

export interface FrontMatterSource {
  publication: string | null;
  page: string | null;
  date: string | null;
  agency: string | null;
}

/** One `key: value` pair anywhere in the block, with where its key and value stand. */
export interface FrontMatterEntry {
  /** Keys and list indices from the top: `['bylines', '0', 'name']`. */
  path: string[];
  keySpan: Span;
  valueSpan: Span | null;
  /** What the value is: a mapping, a list, a scalar (its JS value), or nothing. */
  kind: 'map' | 'seq' | 'scalar' | 'empty';
  value: unknown;
}

export interface FrontMatter {
  /** The whole block, fences included. */
  span: Span;
  /** The YAML between the fences. */
  contentSpan: Span;
  data: Record<string, unknown> | null;
  errors: FrontMatterError[];
  headline: FrontMatterHeading | null;
  subheadlines: FrontMatterHeading[];
  kicker: FrontMatterHeading | null;
  kickerSubtitle: FrontMatterHeading | null;
  bylines: Byline[];
  dateline: Dateline | null;
  credits: Credit[];
  photos: FrontMatterPhoto[];
  source: FrontMatterSource | null;
  /** Every key in the block, nested ones included, for validation, hover and completion. */
  entries: FrontMatterEntry[];
}

/** Limits alias expansion so that a hostile block (a billion laughs) is refused, not expanded. */
const MAX_ALIAS_COUNT = 100;

function valueSpan(node: unknown, base: number, fallback: Span): Span {
  const range = (node as YamlNode | undefined)?.range;
  return range ? { start: base + range[0], end: base + range[1] } : fallback;
}

/**
 * Deeper than any real header. The yaml parser recurses once per level; thousands of levels exhaust the stack,
 * and V8 can then abort the whole process while compiling a regular expression (a fatal out-of-memory error,
 * which no try/catch stops), so such a block is refused before it is parsed.
 */
const MAX_NESTING = 64;

/** An upper bound on the nesting of a YAML source: open flow brackets plus block indentation levels. */
function nestingDepth(source: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  for (const line of source.split(/\r\n|\r|\n/)) {
    const indent = line.length - line.trimStart().length;
    if (indent < line.length) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    const compact = /^(\s*-\s+)*/.exec(line)![0].split('-').length - 1;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) flow++;
      else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
      if (flow > max) max = flow;
    }
    max = Math.max(max, flow + indents.length + compact);
  }
  return max;
}

/** Where the character at `offset` ends: a CRLF and a surrogate pair are one character to the editor. */
function characterEnd(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const c = text.charCodeAt(offset);
  const next = text.charCodeAt(offset + 1);
  if ((c === 13 && next === 10) || (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)) return offset + 2;
  return offset + 1;
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

export function parseFrontMatter(text: string, blockSpan: Span): FrontMatter {
  const block = text.slice(blockSpan.start, blockSpan.end);
  const firstBreak = block.indexOf('\n');
  const lastFence = Math.max(block.lastIndexOf('\n---'), block.lastIndexOf('\n...'));
  const contentStart = blockSpan.start + firstBreak + 1;
  const contentEnd = lastFence > firstBreak ? blockSpan.start + lastFence + 1 : contentStart;
  const source = text.slice(contentStart, contentEnd);
  const result: FrontMatter = {
    span: blockSpan,
    contentSpan: { start: contentStart, end: contentEnd },
    data: null,
    errors: [],
    headline: null,
    subheadlines: [],
    kicker: null,
    kickerSubtitle: null,
    bylines: [],
    dateline: null,
    credits: [],
    photos: [],
    source: null,
    entries: [],
  };
  const depth = nestingDepth(source);
  if (depth > MAX_NESTING) {
    result.errors.push({ message: `Front-matter nested ${depth} levels deep (more than ${MAX_NESTING}); not read.`, span: result.contentSpan });
    return result;
  }
  const lineCounter = new LineCounter();
  // logLevel 'error': the library would otherwise print its warnings to the server's stderr on every keystroke.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  for (const error of doc.errors) {
    const [from, to] = error.pos;
    const start = contentStart + from;
    result.errors.push({ message: error.message.split('\n')[0], span: { start, end: Math.max(contentStart + to, characterEnd(text, start)) } });
  }
  collectEntries(doc.contents, [], contentStart, result.entries);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    result.errors.push({ message: e instanceof Error ? e.message : String(e), span: result.contentSpan });
    return result;
  }
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents)) {
    result.errors.push({ message: 'Front-matter must be a mapping of keys to values.', span: result.contentSpan });
    return result;
  }
  result.data = data as Record<string, unknown>;
  const map = doc.contents;
  const whole = result.contentSpan;
  const nodeOf = (key: string): unknown => map.get(key, true);

  const headline = str(result.data.headline);
  if (headline !== null) result.headline = { text: headline, span: valueSpan(nodeOf('headline'), contentStart, whole) };
  const kicker = str(result.data.kicker);
  if (kicker !== null) result.kicker = { text: kicker, span: valueSpan(nodeOf('kicker'), contentStart, whole) };
  const kickerSubtitle = str(result.data.kickerSubtitle);
  if (kickerSubtitle !== null) result.kickerSubtitle = { text: kickerSubtitle, span: valueSpan(nodeOf('kickerSubtitle'), contentStart, whole) };

  const subs = nodeOf('subheadlines');
  if (isSeq(subs)) {
    for (const item of subs.items) {
      if (isScalar(item) && str(item.value) !== null) result.subheadlines.push({ text: String(item.value), span: valueSpan(item, contentStart, whole) });
    }
  } else if (isScalar(subs) && str(subs.value) !== null) {
    result.subheadlines.push({ text: String(subs.value), span: valueSpan(subs, contentStart, whole) });
  }

  result.bylines = people(nodeOf('bylines'), contentStart, whole).map((p) => ({ name: p.name, role: p.role, span: p.span }));
  result.credits = people(nodeOf('credits'), contentStart, whole);

  const dl = nodeOf('dateline');
  if (isMap(dl)) {
    const d = dl.toJSON() as Record<string, unknown>;
    result.dateline = { place: str(d.place), date: str(d.date), agency: str(d.agency), span: valueSpan(dl, contentStart, whole) };
  } else if (isScalar(dl) && str(dl.value) !== null) {
    result.dateline = { place: String(dl.value), date: null, agency: null, span: valueSpan(dl, contentStart, whole) };
  }

  const photos = nodeOf('photos');
  if (isSeq(photos)) {
    for (const item of photos.items) {
      if (!isMap(item)) continue;
      const p = item.toJSON() as Record<string, unknown>;
      const caption = str(p.caption);
      if (caption !== null) result.photos.push({ caption, credit: str(p.credit), span: valueSpan(item, contentStart, whole) });
    }
  }
  const sourceNode = nodeOf('source');
  if (isMap(sourceNode)) {
    const d = sourceNode.toJSON() as Record<string, unknown>;
    result.source = { publication: str(d.publication), page: str(d.page), date: str(d.date), agency: str(d.agency) };
  }
  return result;
}

function collectEntries(node: unknown, path: string[], base: number, out: FrontMatterEntry[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const value = pair.value as YamlNode | null;
      const kind = isMap(value) ? 'map' : isSeq(value) ? 'seq' : isScalar(value) && value.value !== null ? 'scalar' : 'empty';
      const range = value?.range;
      out.push({
        path: [...path, key],
        keySpan: { start: base + pair.key.range[0], end: base + pair.key.range[1] },
        valueSpan: range ? { start: base + range[0], end: base + range[1] } : null,
        kind,
        value: isScalar(value) ? value.value : undefined,
      });
      collectEntries(value, [...path, key], base, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => collectEntries(item, [...path, String(i)], base, out));
  }
}

function people(node: unknown, base: number, whole: Span): Credit[] {
  const out: Credit[] = [];
  if (!isSeq(node)) return out;
  for (const item of node.items) {
    if (isScalar(item) && str(item.value) !== null) {
      out.push({ name: String(item.value), role: null, span: valueSpan(item, base, whole) });
    } else if (isMap(item)) {
      const p = item.toJSON() as Record<string, unknown>;
      const name = str(p.name);
      if (name !== null) out.push({ name, role: str(p.role), span: valueSpan(item, base, whole) });
    }
  }
  return out;
}
