/**
 * The prose of an article as one continuous text, for scanners that read sentences rather than paragraphs.
 * Print extractions break a sentence (even a word: `进` / `行`) across paragraphs and push section heads and
 * credits between them, so figures, lists and their counts are found in a joined text that maps back to
 * document offsets. Only prose is joined: the lede and body contents (never the opener prefix), and each
 * headline or subheadline on its own.
 */
import { endsClauseAt, isHanCode } from './chars';
import { Memo } from './memo';
import { Article, Block, DocumentModel } from './model';
import { Span } from './text';
import { lastIndexBefore } from './sorted';

export type ProseRole = 'headline' | 'subheadline' | 'body';

/**
 * The segments of a joined text, one block's content each, as three numbers in one array: where it starts in the
 * joined text (`AT`), where it starts in the document (`START`), and its length (`LENGTH`). A year of pages has
 * thirty thousand of them, kept as long as its claims are: an object each took twice the memory. (A typed array
 * costs more than a small array of small integers, which most texts are: a headline is one segment.)
 */
const FIELDS = 3;
const AT = 0;
const START = 1;
const LENGTH = 2;

/**
 * What goes between two blocks: a paragraph break after a finished clause; nothing inside a Chinese sentence the
 * page broke (进 / 行); a space inside a Latin one, so words do not run together.
 */
function joiner(before: string, after: string): string {
  if (endsClauseAt(before, Math.max(0, before.length - 24), before.length)) return '\n';
  return isHanCode(before.charCodeAt(before.length - 1)) && isHanCode(after.charCodeAt(0)) ? '' : ' ';
}

export class ProseText {
  private constructor(
    readonly text: string,
    readonly role: ProseRole,
    readonly article: number,
    /** `FIELDS` numbers a segment, in the order of the text. */
    private readonly segments: number[],
  ) {}

  /**
   * Joins the contents of blocks. A block that stops mid-sentence continues in the next one; otherwise a `\n`
   * marks the paragraph end, which every scanner treats as a sentence end.
   */
  static join(model: DocumentModel, blocks: number[], role: ProseRole, article: number): ProseText {
    // Pieces joined once at the end give a flat string, which the scanners read character by character faster
    // than a chain of concatenations.
    const pieces: string[] = [];
    let length = 0;
    // The joiner reads only the last 24 characters of the text so far: the last content when it is that long,
    // else `tail`, kept apart, since reading the end of the growing text flattens it at every block (quadratic in
    // an article of thousands of paragraphs).
    let last = '';
    let tail = '';
    // Room for a segment per block, made at its size; an empty block has none, and the array is then cut to those made.
    const segments = new Array<number>(FIELDS * blocks.length);
    let count = 0;
    for (const b of blocks) {
      const block = model.blocks[b];
      const { paragraph, content: span } = block;
      // Most blocks are their whole paragraph, whose text is already made.
      const content = span.start === paragraph.span.start && span.end === paragraph.span.end ? paragraph.text : model.text.slice(span.start, span.end);
      if (content.length === 0) continue;
      let join = '';
      if (length > 0) {
        join = joiner(last.length >= 24 ? last : tail, content);
        pieces.push(join);
        length += join.length;
      }
      const k = FIELDS * count++;
      segments[k + AT] = length;
      segments[k + START] = span.start;
      segments[k + LENGTH] = content.length;
      pieces.push(content);
      length += content.length;
      // A long content alone makes the tail, which is only built when a short one follows.
      if (content.length < 24) tail = ((last.length >= 24 ? last.slice(-24) : tail) + join + content).slice(-24);
      last = content;
    }
    segments.length = FIELDS * count;
    return new ProseText(pieces.join(''), role, article, segments);
  }

  /** The document offset of an offset in the joined text (a break maps to the end of the text before it). */
  toDocument(at: number): number {
    const k = this.segmentAt(at);
    if (k < 0) return 0;
    const segments = this.segments;
    return segments[k + START] + Math.min(Math.max(0, at - segments[k + AT]), segments[k + LENGTH]);
  }

  /** The document span of a span of the joined text; the end maps from inside, so it never jumps a break. */
  spanOf(start: number, end: number): Span {
    const s = this.toDocument(start);
    if (end <= start) return { start: s, end: s };
    // The last character inside the span: in a segment, its document offset + 1; in the break after a segment
    // (a joining space or newline, which is not in the document), the segment's end, never past it into the
    // page's own line break.
    const last = end - 1;
    const k = this.segmentAt(last);
    let e = s;
    if (k >= 0) {
      const segments = this.segments;
      const into = last - segments[k + AT];
      e = into < segments[k + LENGTH] ? segments[k + START] + Math.max(0, into) + 1 : segments[k + START] + segments[k + LENGTH];
    }
    // A span whose last character is the CR of a CRLF inside a paragraph would end between CR and LF, where no
    // editor position exists: it ends before the line break instead.
    if (this.text.charCodeAt(last) === 13 && this.text.charCodeAt(last + 1) === 10) e--;
    return { start: s, end: Math.max(s, e) };
  }

  /** The segment found last (its first number's index): callers map offsets in order, mostly inside one segment. */
  private recent = 0;

  /** The first number's index of the segment that holds `at`, or -1 when the text has no segment. */
  private segmentAt(at: number): number {
    const segments = this.segments;
    const count = segments.length / FIELDS;
    if (count === 0) return -1;
    let k = this.recent;
    if (!((k === 0 || segments[k + AT] <= at) && (k + FIELDS === segments.length || segments[k + FIELDS + AT] > at))) {
      k = FIELDS * segmentIndex(segments, count, at);
      this.recent = k;
    }
    return k;
  }
}

/**
 * The segment that holds an offset, by binary search. A function of its own: the closure's variables would otherwise
 * be allocated on every call of segmentAt, also when the recent segment answers.
 */
function segmentIndex(segments: readonly number[], count: number, at: number): number {
  return lastIndexBefore(count, (k) => segments[FIELDS * k + AT] > at);
}

export interface ArticleProse {
  article: number;
  /** Headline and subheadlines, each a text of its own. */
  headings: ProseText[];
  body: ProseText;
}

function blockIndex(model: DocumentModel, article: Article, predicate: (b: Block) => boolean): number[] {
  const out: number[] = [];
  for (let i = article.firstBlock; i <= article.lastBlock; i++) if (predicate(model.blocks[i])) out.push(i);
  return out;
}

const cache = new Memo<DocumentModel, ArticleProse[]>('articleProse');

/** The prose of every article, computed once per model. */
export function getArticleProse(model: DocumentModel): ArticleProse[] {
  let prose = cache.get(model);
  if (!prose) {
    prose = model.articles.map((article, a) => {
      const headings = blockIndex(model, article, (b) => b.role === 'headline' || b.role === 'subheadline').map((b) =>
        ProseText.join(model, [b], model.blocks[b].role === 'headline' ? 'headline' : 'subheadline', a),
      );
      const body = ProseText.join(model, blockIndex(model, article, (b) => b.role === 'lede' || b.role === 'body'), 'body', a);
      return { article: a, headings, body };
    });
    cache.set(model, prose);
  }
  return prose;
}
