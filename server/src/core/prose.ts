/**
 * The prose of an article as one continuous text, for scanners that read sentences rather than paragraphs.
 * Print extractions break a sentence (even a word: `进` / `行`) across paragraphs and push section heads and
 * credits between them, so figures, lists and their counts are found in a joined text that maps back to
 * document offsets. Only prose is joined: the lede and body contents (never the opener prefix), and each
 * headline or subheadline on its own.
 */
import { endsClause, isHan } from './chars';
import { Article, Block, DocumentModel } from './model';
import { Span } from './text';

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
  if (endsClause(before.slice(-24))) return '\n';
  return isHan(before[before.length - 1]) && isHan(after[0]) ? '' : ' ';
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
    let text = '';
    // The joiner reads only the end of the text so far; slicing the growing string itself would flatten it on
    // every block (quadratic: 200,000 list lines took minutes).
    let tail = '';
    const segments: Segment[] = [];
    for (const b of blocks) {
      const block = model.blocks[b];
      const content = model.text.slice(block.content.start, block.content.end);
      if (content.length === 0) continue;
      let joined = '';
      if (text.length > 0) {
        joined = joiner(tail, content);
        text += joined;
      }
      segments.push({ at: text.length, start: block.content.start, length: content.length });
      text += content;
      tail = (tail + joined + content).slice(-24);
    }
    return new ProseText(text, role, article, segments);
  }

  /** The document offset of an offset in the joined text (a break maps to the end of the text before it). */
  toDocument(at: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid].at <= at) lo = mid;
      else hi = mid - 1;
    }
    const s = this.segments[lo];
    return s.start + Math.min(Math.max(0, at - s.at), s.length);
  }

  /** The document span of a span of the joined text; the end maps from inside, so it never jumps a break. */
  spanOf(start: number, end: number): Span {
    const s = this.toDocument(start);
    const e = end > start ? this.toDocument(end - 1) + 1 : s;
    return { start: s, end: Math.max(s, e) };
  }
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
