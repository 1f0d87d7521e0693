/**
 * The prose of an article as one continuous text, for scanners that read sentences rather than paragraphs.
 * Print extractions break a sentence (even a word: `进` / `行`) across paragraphs and push section heads and
 * credits between them, so figures, lists and their counts are found in a joined text that maps back to
 * document offsets. Only prose is joined: the lede and body contents (never the opener prefix), and each
 * headline or subheadline on its own.
 */
import { endsClauseAt, isHanCode } from './chars';
import { Article, Block, DocumentModel } from './model';
import { Span } from './text';
import { lastIndexBefore } from './sorted';

export type ProseRole = 'headline' | 'subheadline' | 'body';

interface Segment {
  /** Start in the joined text. */
  at: number;
  /** Start in the document. */
  start: number;
  length: number;
}

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
    private readonly segments: Segment[],
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
    const segments: Segment[] = [];
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
      segments.push({ at: length, start: span.start, length: content.length });
      pieces.push(content);
      length += content.length;
      // A long content alone makes the tail, which is only built when a short one follows.
      if (content.length < 24) tail = ((last.length >= 24 ? last.slice(-24) : tail) + join + content).slice(-24);
      last = content;
    }
    return new ProseText(pieces.join(''), role, article, segments);
  }

  /** The document offset of an offset in the joined text (a break maps to the end of the text before it). */
  toDocument(at: number): number {
    const s = this.segmentAt(at);
    return s ? s.start + Math.min(Math.max(0, at - s.at), s.length) : 0;
  }

  /** The document span of a span of the joined text; the end maps from inside, so it never jumps a break. */
  spanOf(start: number, end: number): Span {
    const s = this.toDocument(start);
    if (end <= start) return { start: s, end: s };
    // The last character inside the span: in a segment, its document offset + 1; in the break after a segment
    // (a joining space or newline, which is not in the document), the segment's end, never past it into the
    // page's own line break.
    const last = end - 1;
    const seg = this.segmentAt(last);
    let e = !seg ? s : last - seg.at < seg.length ? seg.start + Math.max(0, last - seg.at) + 1 : seg.start + seg.length;
    // A span whose last character is the CR of a CRLF inside a paragraph would end between CR and LF, where no
    // editor position exists: it ends before the line break instead.
    if (this.text.charCodeAt(last) === 13 && this.text.charCodeAt(last + 1) === 10) e--;
    return { start: s, end: Math.max(s, e) };
  }

  /** The segment found last: callers map offsets in order (claim after claim), mostly inside the same segment. */
  private recent = 0;

  private segmentAt(at: number): Segment | null {
    const segments = this.segments;
    if (segments.length === 0) return null;
    let i = this.recent;
    if (!((i === 0 || segments[i].at <= at) && (i + 1 === segments.length || segments[i + 1].at > at))) {
      i = segmentIndex(segments, at);
      this.recent = i;
    }
    return segments[i];
  }
}

/**
 * The segment that holds an offset, by binary search. A function of its own: the closure's variables would otherwise
 * be allocated on every call of segmentAt, also when the recent segment answers.
 */
function segmentIndex(segments: Segment[], at: number): number {
  return lastIndexBefore(segments.length, (k) => segments[k].at > at);
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

const cache = new WeakMap<DocumentModel, ArticleProse[]>();

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
