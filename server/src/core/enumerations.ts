/**
 * The list a stated count announces. News copy enumerates after the count (`三大道理:…“能”、…“行”、…“好”`,
 * `three priorities: A, B and C`), before it (`学史明理、学史增信、学史崇德、学史力行四方面`), or in numbered
 * clauses (`四项机制。一是…二是…三是…四是…`, `“三个行动”:坚持…;坚持…;坚持…`). Because one wrong warning costs
 * the reader's trust, a list yields every item count a reasonable reading allows (和 may join two items or
 * sit inside one), and the count is only wrong when no reading agrees. Open lists (等, such as, including)
 * and lists of figures (8处、11处) are never counted.
 */
import { Claim } from './claims';
import { findNumerals } from './numerals';

export interface ListEvidence {
  form: 'after' | 'before' | 'clauses';
  /** The item count of the most direct reading, for messages. */
  items: number;
  /** Every item count a reading allows. */
  readings: number[];
  /** The list in the claim's prose text (joined offsets). */
  start: number;
  end: number;
  /** The items as written, for messages. */
  preview: string;
}

const SENTENCE_END = /[。！？!?\n]/;
const OPEN_LIST = /等|等等|之类|such as|including|among others|\betc\b|\band so on\b|\bincluding\b/i;
const CN_CONJ = /以及|和|及|与|或/g;
const EN_CONJ = /\b(and|or)\b/g;
const CN_ENUM = '一二三四五六七八九十';

/** Words whose period does not end an English sentence (Gov. Greg Abbott, U.S. officials). */
const ABBREVIATION = /(^|[\s(])(Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Lt|Gen|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Mt|Ft|Ave|Blvd|Jan|Feb|Aug|Sept|Oct|Nov|Dec|vs|[A-Z]|[A-Z]\.[A-Z])$/;

/** Where the sentence that contains `from` ends; a run-on text is cut after 600 characters. */
function sentenceEnd(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + 600);
  while (i < limit) {
    if (SENTENCE_END.test(text[i])) return i;
    if (text[i] === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1])) && !/\d/.test(text[i - 1] ?? '') && !ABBREVIATION.test(text.slice(Math.max(0, i - 6), i))) return i;
    i++;
  }
  return i;
}

function range(min: number, max: number): number[] {
  const out: number[] = [];
  for (let n = min; n <= max; n++) out.push(n);
  return out;
}

/** Item counts a piece list allows: each piece is one item, or several when 和/and joins them. */
function pieceReadings(pieces: string[], english: boolean): number[] {
  const conj = pieces.reduce((n, p) => n + (p.replace(/^\s*(and|or)\s+/i, '').match(english ? EN_CONJ : CN_CONJ)?.length ?? 0), 0);
  return range(pieces.length, pieces.length + conj);
}

function hasFigure(piece: string): boolean {
  if (/\d/.test(piece)) return true;
  if (findNumerals(piece).some((n) => !n.ordinal)) return true;
  return /[一两二三四五六七八九十][个项条大种类名位家座]/.test(piece);
}

const QUOTE_CLOSE = /^[”"’」』]/;
/** A list before its count is one clause; longer runs are not read, which keeps huge pages linear. */
const MAX_LIST_BEFORE = 200;
/** How far numbered clauses may run: the first within the next sentence, each next one within a few paragraphs. */
const FIRST_CLAUSE_WITHIN = 300;
const NEXT_CLAUSE_WITHIN = 2000;

/** The list after a count that a colon opens: `三大道理:A、B、C。`, `“三德”:A、B、C,…`, `three steps: A, B and C.` */
function listAfter(claim: Claim, english: boolean): ListEvidence | null {
  const text = claim.prose.text;
  let i = claim.at.end;
  const limit = Math.min(text.length, i + (english ? 40 : 12));
  while (i < limit && text[i] !== ':' && text[i] !== '：') {
    if (/[,，。;；、!！?？\n()（）]/.test(text[i]) || (english && text[i] === '.')) return null;
    i++;
  }
  if (text[i] !== ':' && text[i] !== '：') return null;
  const start = i + 1;
  const end = sentenceEnd(text, start);
  const list = text.slice(start, end).trim();
  if (list.length === 0) return null;
  if (/^\s*(一是|其一|第一|首先|1[.、)）]|（一）|\(1\)|first\b)/i.test(list)) return null;
  const readings = new Set<number>();
  let items = 0;
  const semis = list.split(/[;；]/).filter((s) => s.trim().length > 0);
  if (semis.length > 1) {
    if (semis.some((s) => OPEN_LIST.test(s))) return null;
    readings.add(semis.length);
    items = semis.length;
  }
  const clauses = list.split(english ? /[,;]/ : /[,，;；]/).filter((s) => s.trim().length > 0);
  const first = semis.length > 1 ? semis[0] : english ? list : clauses[0];
  // Ages and other bare numbers between commas (John Smith, 45, and Jane Roe, 30) describe an item, not add one.
  const pieces = (english ? first.split(/[,;]/) : first.split('、'))
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !/^(and|or)$/i.test(p) && !(english && /^(and\s+|or\s+)?(aged\s+)?[\d.]+$/i.test(p)));
  if (OPEN_LIST.test(semis.length > 1 ? list : first)) return null;
  if (pieces.length >= 2 || (english && /\b(and|or)\b/.test(first))) {
    for (const n of pieceReadings(pieces, english)) readings.add(n);
    if (!items) items = pieces.length + (english && /\b(and|or)\b/.test(pieces[pieces.length - 1]) && !/^(and|or)\b/i.test(pieces[pieces.length - 1]) ? 1 : 0);
  }
  // Commas alone are weak evidence in Chinese (the last clause is often a purpose: …,确保成效): they add a
  // reading to a list that 、 or ; already shows, never make one.
  if (readings.size === 0) return null;
  if (!english && clauses.length > 1) readings.add(clauses.length);
  if (!items) items = [...readings][0];
  return { form: 'after', items, readings: [...readings], start, end, preview: list };
}

/** The list right before a Chinese count: `学史明理、学史增信、学史崇德、学史力行四方面`, `“控源、治污、扩容、严管”四措`. */
function listBefore(claim: Claim): ListEvidence | null {
  const text = claim.prose.text;
  const at = claim.at.start;
  const before = text[at - 1] ?? '';
  let start: number;
  let end = at;
  if (QUOTE_CLOSE.test(before)) {
    end = at - 1;
    start = end;
    while (start > 0 && !/[“"‘「『]/.test(text[start - 1])) {
      if (SENTENCE_END.test(text[start - 1]) || end - start > MAX_LIST_BEFORE) return null;
      start--;
    }
  } else {
    if (!/[\u3400-\u9fff]/.test(before)) return null;
    start = at;
    while (start > 0 && !/[,，。;；:：!！?？\n()（）“”"]/.test(text[start - 1])) {
      if (at - start > MAX_LIST_BEFORE) return null;
      start--;
    }
  }
  const list = text.slice(start, end);
  if (OPEN_LIST.test(list)) return null;
  const pieces = list.split('、');
  if (pieces.length < 2 || pieces.some((p) => p.trim().length === 0)) return null;
  if (pieces.some(hasFigure)) return null;
  const items = listItems(pieces);
  if (items.length < 2) return null;
  // The first item is the end of its piece; the list starts there.
  const firstPiece = pieces.length - items.length;
  const pieceStart = pieces.slice(0, firstPiece).reduce((n, p) => n + p.length + 1, 0);
  const itemsStart = start + pieceStart + (pieces[firstPiece].length - items[0].length);
  return { form: 'before', items: items.length, readings: pieceReadings(items, false), start: itemsStart, end, preview: text.slice(itemsStart, end) };
}

/** Words that open a list inside a clause: 从学史明理、…, 健全了调度响应、… */
const LIST_OPENER = /(从|对|在|围绕|通过|聚焦|紧盯|健全了|健全|推进|坚持|加强|开展|包括|按照|涉及|覆盖|涵盖|落实|建立|完善|构建|了)/g;

function tailOf(piece: string): string {
  let cut = 0;
  for (const m of piece.matchAll(LIST_OPENER)) if ((m.index ?? 0) > 0) cut = (m.index ?? 0) + m[0].length;
  return piece.slice(cut);
}

/**
 * The pieces that are items. The clause before a list also holds its lead-in (`局长温武瑞从学史明理`), so items
 * are counted back from the count while they keep the list's shape; a piece much longer than the others, or
 * one with a list opener (从, 健全了) inside, is the first item.
 */
function listItems(pieces: string[]): string[] {
  const lengths = pieces.slice(1).map((p) => [...p].length).sort((x, y) => x - y);
  const typical = lengths[Math.floor((lengths.length - 1) / 2)] ?? 1;
  const items: string[] = [];
  for (let k = pieces.length - 1; k >= 0; k--) {
    const p = pieces[k];
    const n = [...p].length;
    if (k < pieces.length - 1 && n > 2 * typical + 1) {
      items.unshift(tailOf(p) || p);
      break;
    }
    if (k < pieces.length - 1 && n > typical && tailOf(p) !== p && tailOf(p).length > 0) {
      items.unshift(tailOf(p));
      break;
    }
    items.unshift(p);
  }
  return items;
}

/** Numbered clauses after the count: 一是…二是…, 其一…其二…, 第一,…第二,… */
function numberedClauses(claim: Claim, following: Claim | null): ListEvidence | null {
  const text = claim.prose.text;
  const from = claim.at.end;
  const families: ((k: number) => RegExp)[] = [
    (k) => new RegExp(`(^|[。;；:：,，\\n])\\s*${CN_ENUM[k - 1]}是`, 'g'),
    (k) => new RegExp(`(^|[。;；:：,，\\n])\\s*其${CN_ENUM[k - 1]}[,，、:：]`, 'g'),
    (k) => new RegExp(`(^|[。;；:：\\n])\\s*第${CN_ENUM[k - 1]}[,，、:：]`, 'g'),
  ];
  for (const family of families) {
    const first = find(family(1), text, from, FIRST_CLAUSE_WITHIN);
    if (first < 0) continue;
    // The numbered clauses must follow at once: the rest of the count's sentence, then 一是.
    const between = text.slice(from, first).replace(/\s+$/, '');
    const breaks = between.match(/[。！？!?\n]+/g)?.length ?? 0;
    const direct = breaks === 0 ? /[:：]$/.test(between) : breaks === 1 && /[。！？!?\n]$/.test(between);
    if (!direct) continue;
    // Another count between this one and 一是 is the one the clauses belong to.
    if (following && following.prose === claim.prose && following.at.start < first) return null;
    let k = 1;
    let position = first;
    while (k < CN_ENUM.length) {
      const next = find(family(k + 1), text, position + 1, NEXT_CLAUSE_WITHIN);
      const restart = find(family(1), text, position + 1, NEXT_CLAUSE_WITHIN);
      if (next < 0 || (restart >= 0 && restart < next)) break;
      k++;
      position = next;
    }
    if (k < 2) return null;
    const end = sentenceEnd(text, position);
    return { form: 'clauses', items: k, readings: [k], start: first, end, preview: text.slice(first, Math.min(end, first + 20)) };
  }
  return null;
}

/** The position of an enumerator within `window` characters after `from`, or -1. */
function find(re: RegExp, text: string, from: number, window: number): number {
  // The character before `from` is kept so that a clause start right at `from` still matches.
  const base = Math.max(0, from - 1);
  const slice = text.slice(base, from + window);
  re.lastIndex = from - base;
  const m = re.exec(slice);
  return m ? base + m.index + m[1].length : -1;
}

const ASPECT = /^(个|项|条|方面|点|种|类|大|措|环|步|道|批|招|件|级|句|字|)$/;

/** A claim that states how many things there are, small enough to be a list's length. */
export function isListCount(claim: Claim): boolean {
  return claim.kind === 'count' && !claim.qualifier && Number.isInteger(claim.value) && claim.value >= 2 && claim.value <= 20 && claim.role === 'body';
}

/** The lists a count announces, most direct first. `following` is the next count in the article, if any. */
export function getListEvidence(claim: Claim, following: Claim | null): ListEvidence[] {
  const english = claim.script === 'english' || /^[\sA-Za-z]/.test(claim.prose.text.slice(claim.at.end, claim.at.end + 2));
  // In Chinese copy a count that announces a list is written in words (四项机制); digits (3家企业) are statistics.
  if (!english && claim.script !== 'chinese') return [];
  const out: ListEvidence[] = [];
  // Numbered clauses follow counts of aspects (三方面, 四项, 两个, 五条), not of things (两座, 三家).
  const clauses = english || !ASPECT.test(claim.unit) ? null : numberedClauses(claim, following);
  const after = listAfter(claim, english);
  const before = english ? null : listBefore(claim);
  for (const e of [before, after, clauses]) if (e) out.push(e);
  return out;
}
