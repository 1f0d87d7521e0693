/**
 * duplicate-article: the same article twice in one document, as happens when a page is extracted with its
 * jump page, or a CMS paste is repeated. Hit: two articles with the same headline and the same body (spacing
 * and punctuation width aside), or the same headline where one body is the start of the other. Near miss: two
 * stories under different headlines that share a paragraph of boilerplate are different articles.
 */
import { Memo } from '../memo';
import { Article, DocumentModel } from '../model';
import { TextReader } from '../pieceText';
import { ComparisonMemo, Locale, Report, Rule, RuleContext } from './types';

const DROPPED = /[\s\p{P}\p{S}]/gu;

/** Text as a reader compares it: no spaces, no punctuation, ASCII and full-width alike. */
function normalizeSlowly(text: string): string {
  return text.normalize('NFKC').replace(DROPPED, '');
}

/**
 * What `normalizeSlowly` makes of one UTF-16 unit, for the units that never interact with their neighbours under
 * NFKC: no combining mark, nothing that composes with the unit before it, nothing that decomposes into either.
 * ASCII and Latin-1, punctuation, symbols and full-width forms qualify. For a text made only of those and of Han
 * characters (which stay as they are), normalising unit by unit is normalising the whole; any other unit sends the
 * text down the slow path, so the result is always `normalizeSlowly`'s.
 */
const INERT = new Map<number, string>();

function isInert(c: number): boolean {
  return (
    c < 0x300 ||
    (c >= 0x2010 && c <= 0x205e && c !== 0x2017 && c !== 0x2028 && c !== 0x2029) ||
    (c >= 0x2100 && c <= 0x214f) ||
    (c >= 0x2190 && c <= 0x21ff) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0x2500 && c <= 0x27bf) ||
    (c >= 0x3000 && c <= 0x303f && !(c >= 0x302a && c <= 0x302f)) ||
    (c >= 0x3200 && c <= 0x33ff) ||
    (c >= 0xff01 && c <= 0xff5e)
  );
}

/**
 * How normalising treats each UTF-16 unit, worked out when the unit is first met: dropped by normalising, kept as it
 * is, replaced by other units (full-width forms), or not inert (the whole body takes the slow path).
 */
const DROP = 0;
const KEEP = 1;
const MAPPED = 2;
const SLOW = 3;
const UNKNOWN = 4;
const UNIT_CLASS = new Uint8Array(0x10000).fill(UNKNOWN);
UNIT_CLASS.fill(KEEP, 0x4e00, 0xa000).fill(KEEP, 0x30, 0x3a).fill(KEEP, 0x41, 0x5b).fill(KEEP, 0x61, 0x7b);

function classify(c: number): number {
  if (!isInert(c)) return SLOW;
  const mapped = inertOf(c);
  if (mapped === '') return DROP;
  return mapped.length === 1 && mapped.charCodeAt(0) === c ? KEEP : MAPPED;
}

/**
 * Appends to `out` the units `start` to `end` of `text` normalised unit by unit, or returns null when a unit needs
 * the slow path. Reads the page's text in place: slicing each paragraph first costs as much again.
 */
function normalizeByUnit(text: TextReader, start: number, end: number, out: string): string | null {
  let run = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let kind = UNIT_CLASS[c];
    if (kind === KEEP) continue;
    if (kind === UNKNOWN) kind = UNIT_CLASS[c] = classify(c);
    if (kind === SLOW) return null;
    if (kind === KEEP) continue;
    if (i > run) out += text.slice(run, i);
    if (kind === MAPPED) out += inertOf(c);
    run = i + 1;
  }
  return end > run ? out + text.slice(run, end) : out;
}

/**
 * What normalising makes of an inert unit (see `INERT`), worked out once per unit. Kept in a map of the units met
 * (a few dozen on a page): a list with room for every unit took 0.5 MB of heap from the server's start, and V8
 * sizes its heap from what is live.
 */
function inertOf(c: number): string {
  let mapped = INERT.get(c);
  if (mapped === undefined) {
    mapped = normalizeSlowly(String.fromCharCode(c));
    INERT.set(c, mapped);
  }
  return mapped;
}

/** Text as a reader compares it: no spaces, no punctuation, ASCII and full-width alike. */
export function normalize(text: string): string {
  return normalizeByUnit(text, 0, text.length, '') ?? normalizeSlowly(text);
}

/**
 * An article's normalised body. Read from the line index's text, never `model.text`: the comparison runs on the whole
 * model after a keystroke, whose text the document store keeps in pieces, and asking for all of it would join a year
 * of pages into one string to read one article.
 */
function bodyText(model: DocumentModel, article: Article): string {
  let out: string | null = '';
  for (const b of article.body) {
    out = normalizeByUnit(model.lines.text, b.content.start, b.content.end, out);
    // A unit that composes with its neighbours may sit at a paragraph's edge: normalise the whole body at once.
    if (out === null) return normalizeSlowly(joinedBody(model, article));
  }
  return out;
}

function joinedBody(model: DocumentModel, article: Article): string {
  return article.body.map((p) => model.lines.text.slice(p.content.start, p.content.end)).join('');
}

/** The hash's multiplier (the FNV prime); a dropped unit multiplies by 1 and adds 0, which leaves the hash as it is. */
const PRIME = 0x01000193;

/**
 * The length and a hash of an article's normalised body (`bodyText`), read from the page's text without making the
 * string: most articles repeat no other, and building, flattening and hashing a string per body was most of this
 * rule's time on a year of pages. Equal bodies have equal hashes; equal hashes are confirmed on the strings.
 */
class BodyHash {
  length = 0;
  hash = 0;
  /**
   * The hash of the first `MIN_BODY` units alone, once there are that many (`add` keeps it; a body `addUnits` read
   * gets it from `startHash`): a body that is the start of another shares them.
   */
  start = 0;

  add(c: number): void {
    this.hash = (Math.imul(this.hash, PRIME) + c) | 0;
    if (++this.length === MIN_BODY) this.start = this.hash;
  }

  /** Adds the units `start` to `end` of `text` normalised unit by unit; false when a unit needs the slow path. */
  addUnits(text: TextReader, start: number, end: number): boolean {
    let hash = this.hash;
    let length = this.length;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const kind = UNIT_CLASS[c];
      if (kind > KEEP) {
        const k = kind === UNKNOWN ? (UNIT_CLASS[c] = classify(c)) : kind;
        if (k === SLOW) return false;
        if (k === MAPPED) {
          const mapped = inertOf(c);
          for (let m = 0; m < mapped.length; m++) hash = (Math.imul(hash, PRIME) + mapped.charCodeAt(m)) | 0;
          length += mapped.length;
        } else if (k === KEEP) {
          hash = (Math.imul(hash, PRIME) + c) | 0;
          length++;
        }
        continue;
      }
      // Kept or dropped without a branch: Chinese prose mixes punctuation in at random, and a mispredicted branch per
      // mark cost three times the loop itself.
      hash = (Math.imul(hash, 1 + kind * (PRIME - 1)) + c * kind) | 0;
      length += kind;
    }
    this.hash = hash;
    this.length = length;
    return true;
  }

  static of(model: DocumentModel, article: Article): BodyHash {
    const h = new BodyHash();
    for (const b of article.body) {
      if (h.addUnits(model.lines.text, b.content.start, b.content.end)) continue;
      const slow = new BodyHash();
      const text = normalizeSlowly(joinedBody(model, article));
      for (let i = 0; i < text.length; i++) slow.add(text.charCodeAt(i));
      return slow;
    }
    h.start = startHash(model, article);
    return h;
  }
}

const MIN_BODY = 20;

/**
 * The hash of the first `MIN_BODY` units of an article's normalised body (0 for a shorter body, which is never
 * compared), for a body `addUnits` read without the slow path: every unit of it is classified by now, none `SLOW`.
 */
function startHash(model: DocumentModel, article: Article): number {
  const h = new BodyHash();
  for (const b of article.body) {
    for (let i = b.content.start; i < b.content.end && h.length < MIN_BODY; i++) {
      const c = model.lines.text.charCodeAt(i);
      const kind = UNIT_CLASS[c];
      if (kind === KEEP) h.add(c);
      else if (kind === MAPPED) {
        const mapped = inertOf(c);
        for (let m = 0; m < mapped.length && h.length < MIN_BODY; m++) h.add(mapped.charCodeAt(m));
      }
    }
    if (h.length >= MIN_BODY) break;
  }
  return h.start;
}

/** What the comparison keeps of an article: no offsets, so an article's key survives edits elsewhere. */
interface Key {
  /** Length and hash of the normalised body; the body itself is made only for articles that may repeat another. */
  length: number;
  hash: number;
  headline: string | null;
  /**
   * A hash of the headline and of the first `MIN_BODY` units of the body (0 without a headline). Two articles under
   * one headline repeat each other only if one body is the start of the other, so they share it: a year of pages
   * runs dozens of articles under each recurring headline, and only those sharing this are compared.
   */
  headlineHash: number;
  /**
   * The normalised body, once a comparison has needed it. The server keeps a unit's key while the unit is unchanged,
   * so a body is made once, not at every keystroke (the comparison runs on the whole page each time).
   */
  body?: string;
}

function keyOf(model: DocumentModel, article: Article): Key {
  const body = BodyHash.of(model, article);
  const headline = article.headline ? normalize(article.headline.text) : null;
  return { length: body.length, hash: body.hash, headline, headlineHash: headline === null ? 0 : (Math.imul(stringHash(headline), PRIME) + body.start) | 0 };
}

function stringHash(text: string): number {
  const h = new BodyHash();
  for (let i = 0; i < text.length; i++) h.add(text.charCodeAt(i));
  return h.hash;
}

/** The values that occur more than once in `values` (sorted in place). */
function repeatedValues(values: Int32Array): Set<number> {
  values.sort();
  const repeated = new Set<number>();
  for (let i = 1; i < values.length; i++) if (values[i] === values[i - 1]) repeated.add(values[i]);
  return repeated;
}

/**
 * The keys that may repeat another or be repeated: a body long enough to compare whose body hash some other such key
 * shares, or whose headline hash (headline and body start) it shares with a body of another length (one body is
 * the start of another only if it is shorter). Any other key is a repeat of nothing and is repeated by nothing, so
 * leaving it out changes no answer. A year of pages runs dozens of articles under each recurring headline, the
 * same length and the same start; the server compares the whole page at every keystroke.
 */
function candidates(keys: readonly Key[]): number[] {
  const long: number[] = [];
  for (let j = 0; j < keys.length; j++) if (keys[j].length >= MIN_BODY) long.push(j);
  const hashes = new Int32Array(long.length);
  const lengthUnder = new Map<number, number>();
  const mixedLengths = new Set<number>();
  long.forEach((j, n) => {
    const key = keys[j];
    hashes[n] = key.hash;
    if (key.headline === null) return;
    const length = lengthUnder.get(key.headlineHash);
    if (length === undefined) lengthUnder.set(key.headlineHash, key.length);
    else if (length !== key.length) mixedLengths.add(key.headlineHash);
  });
  const repeatedBodies = repeatedValues(hashes);
  return long.filter((j) => repeatedBodies.has(keys[j].hash) || (keys[j].headline !== null && mixedLengths.has(keys[j].headlineHash)));
}

/**
 * For each key, the earlier key it repeats, or -1. Compares only keys that share a body hash or a headline;
 * `bodyOf(i)` gives the normalised body of key `i` when two of them must be compared.
 */
function findRepeats(keys: readonly Key[], bodyOf: (index: number) => string): number[] {
  const sameBody = (i: number, j: number): boolean => keys[i].length === keys[j].length && keys[i].hash === keys[j].hash && bodyOf(i) === bodyOf(j);
  const isDuplicate = (i: number, j: number): boolean => {
    // Both bodies are long enough to compare: only such keys are candidates.
    const a = keys[i];
    const b = keys[j];
    if (sameBody(i, j)) return true;
    // Bodies of one length are the start of each other only if equal: a year of pages holds dozens of articles under
    // one recurring headline, and reading each pair's common start again at every keystroke would add up.
    if (a.length === b.length) return false;
    return a.headline !== null && a.headline === b.headline && (a.length > b.length ? bodyOf(i).startsWith(bodyOf(j)) : bodyOf(j).startsWith(bodyOf(i)));
  };
  // Per hash, the first key of each distinct body with that hash (two bodies may share one).
  const firstByHash = new Map<number, number[]>();
  const byHeadline = new Map<number, number[]>();
  const repeats = new Array<number>(keys.length).fill(-1);
  for (const j of candidates(keys)) {
    const key = keys[j];
    const firsts = firstByHash.get(key.hash);
    const same = firsts?.find((i) => sameBody(i, j)) ?? -1;
    let original = same >= 0 && isDuplicate(same, j) ? same : -1;
    if (original < 0 && key.headline !== null) original = (byHeadline.get(key.headlineHash) ?? []).find((i) => isDuplicate(i, j)) ?? -1;
    if (same < 0) {
      if (firsts) firsts.push(j);
      else firstByHash.set(key.hash, [j]);
    }
    if (key.headline !== null) {
      const list = byHeadline.get(key.headlineHash);
      if (list) list.push(j);
      else byHeadline.set(key.headlineHash, [j]);
    }
    repeats[j] = original;
  }
  return repeats;
}

/** The normalised bodies of the model's articles (whose keys are `keys`), each made when first asked for. */
function bodiesOf(model: DocumentModel, keys: readonly Key[]): (index: number) => string {
  return (i) => (keys[i].body ??= bodyText(model, model.articles[i]));
}

/** For each article, the earlier article it repeats, or -1. */
export function findDuplicates(model: DocumentModel): number[] {
  const keys = model.articles.map((a) => keyOf(model, a));
  return findRepeats(keys, bodiesOf(model, keys));
}

/**
 * The last comparison of a document, kept in the rule's memo for it, to answer the next one without comparing again
 * when it differs only in keys that can repeat nothing and be repeated by nothing: a keystroke gives new keys to
 * the unit or three it touched, and in a year of pages comparing the others again (its maps of thousands of
 * hashes) was most of what the rule allocated.
 */
interface Comparison {
  keys: readonly Key[];
  repeats: number[];
}

/** More keys changed than this since the last comparison, and it is made again in full. */
const MAX_CHANGED_KEYS = 8;

/** `findRepeats(keys, bodyOf)`, reusing the last answer in `memo` when that gives the same (see `Comparison`). */
function repeatsOf(keys: readonly Key[], bodyOf: (i: number) => string, memo: ComparisonMemo): number[] {
  const last = memo.last as Comparison | undefined;
  if (last && last.keys.length === keys.length) {
    const changed: number[] = [];
    for (let j = 0; j < keys.length && changed.length <= MAX_CHANGED_KEYS; j++) if (keys[j] !== last.keys[j]) changed.push(j);
    // A key that can repeat nothing and be repeated by nothing changes no other key's answer, and its own is none;
    // so if every key that left and every key that came is such a key, the answer is the last one.
    if (changed.length <= MAX_CHANGED_KEYS && changed.every((j) => !mayRepeat(last.keys, last.keys[j]) && !mayRepeat(keys, keys[j]))) {
      memo.last = { keys, repeats: last.repeats };
      return last.repeats;
    }
  }
  const repeats = findRepeats(keys, bodyOf);
  memo.last = { keys, repeats };
  return repeats;
}

/** Is `key` among `candidates(keys)`: long enough, with its body hash or its headline hash at another length shared? */
function mayRepeat(keys: readonly Key[], key: Key): boolean {
  if (key.length < MIN_BODY) return false;
  for (const other of keys) {
    if (other === key || other.length < MIN_BODY) continue;
    if (other.hash === key.hash) return true;
    if (key.headline !== null && other.headline !== null && other.headlineHash === key.headlineHash && other.length !== key.length) return true;
  }
  return false;
}

/**
 * The report last made for each repeat, by the repeating article's key: a year of pages holds hundreds of repeats,
 * all reported again at every keystroke, and their messages were most of what the rule then allocated. A report
 * is given again while it is about the same two articles' objects (their spans, which the model moves in place),
 * the first copy is on the same line and the display language is the same.
 */
const lastReports = new Memo<Key, { first: Key; line: number; locale: Locale; report: Report }>('lastRepeatReport');

/** Reports the repeats among the whole model's articles, given each article's key (in the order of `model.articles`). */
function reportRepeats(context: RuleContext, keys: readonly Key[], memo: ComparisonMemo): void {
  const { model } = context;
  const articles = model.articles;
  repeatsOf(keys, bodiesOf(model, keys), memo).forEach((i, j) => {
    if (i < 0) return;
    const first = articles[i];
    const second = articles[j];
    const span = second.headline?.span ?? second.lede?.content ?? second.span;
    const firstSpan = first.headline?.span ?? first.span;
    const line = model.lines.positionAt(first.span.start).line + 1;
    const last = lastReports.get(keys[j]);
    if (last && last.first === keys[i] && last.line === line && last.locale === context.locale && last.report.span === span && last.report.related![0].span === firstSpan) {
      context.report(last.report);
      return;
    }
    const title = second.headline?.text ?? context.t('untitled', '无标题');
    const report: Report = {
      span,
      message: context.t(`"${title}" repeats the article on line ${line}.`, `《${title}》与第 ${line} 行的稿件重复。`),
      related: [{ span: firstSpan, message: context.t('The first copy.', '第一份。') }],
    };
    lastReports.set(keys[j], { first: keys[i], line, locale: context.locale, report });
    context.report(report);
  });
}

export const duplicateArticle: Rule = {
  code: 'duplicate-article',
  defaultLevel: 'information',
  // Each unit keeps its article's key (normalised headline and body); an edit re-reads one key and compares them all.
  compareItems: {
    summarize(view) {
      const article = view.articles[0];
      return article ? keyOf(view, article) : null;
    },
    compare(context, summaries, memo) {
      // Made to its size: grown one push at a time, a year of pages' keys were copied over and over at every keystroke.
      const items = context.model.items;
      const keys = new Array<Key>(context.model.articles.length);
      let a = 0;
      for (let k = 0; k < items.length; k++) if (items[k].kind === 'article') keys[a++] = summaries[k] as Key;
      reportRepeats(context, keys, memo);
    },
  },
  summary: 'The same article twice in one document.',
  description:
    'Reports an article whose body repeats an earlier article of the same document (spacing and punctuation width aside), or that has the same headline and a body that is the start of the other’s. Extraction of a page with its jump page and repeated CMS pastes produce such copies; one of them is deleted before the page goes out. The finding points at the first copy.',
  example: {
    hit: '蓟州区将添两大国家湿地公园\n\n本报讯 两大国家湿地公园建设进展顺利，预计8月底前建成。\n\n……\n\n蓟州区将添两大国家湿地公园\n\n本报讯 两大国家湿地公园建设进展顺利,预计8月底前建成。',
    nearMiss: '蓟州区将添两大国家湿地公园\n\n本报讯 ……\n\n蓟州区将添两座国家森林公园\n\n本报讯 ……（another story sharing one paragraph）',
  },
  fixable: false,
  check(context) {
    // A whole-page check keeps nothing for the next: it has no document to keep it with.
    reportRepeats(context, context.model.articles.map((a) => keyOf(context.model, a)), {});
  },
};
