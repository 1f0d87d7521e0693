/**
 * The document model: what every feature (outline, rules, claims, conversion, hover) reads. It is computed once
 * per document version, by `computeDocumentModel` or by an incremental update of the previous version's model
 * (`core/incrementalModel.ts`), and is not changed while it is the current one. An update makes the next model
 * out of this one's objects, moving those after the edit in place, and retires this one: reading a retired
 * model's paragraphs, blocks, items or articles throws. So a model is read while it is current (a request that
 * awaits asks for it again afterwards), and what is cached per model is keyed by the model, never by its
 * paragraphs, blocks or items, which carry other offsets from one version to the next.
 */
import { Byline } from './bylines';
import { Caption } from './captions';
import { Credit } from './credits';
import { Dateline, OpenerFormat } from './datelines';
import { FrontMatter } from './frontMatter';
import { Paragraph } from './paragraphs';
import { LineIndex, Span } from './text';

/** What a paragraph is in its article, in the newsroom's words. */
export type Role =
  | 'kicker'
  | 'kickerSubtitle'
  | 'headline'
  | 'subheadline'
  | 'byline'
  | 'agency'
  | 'lede'
  | 'body'
  | 'section'
  | 'caption'
  | 'photoCredit'
  | 'credit'
  | 'orphanCredit'
  | 'endMark'
  | 'frontMatter'
  | 'comment';

/**
 * A paragraph as its article reads it. Every block the reader makes is its paragraph itself (`Paragraph` in
 * `paragraphs.ts`), so `block.paragraph === block`; the interface is what a block is read as.
 */
export interface Block {
  paragraph: Paragraph;
  role: Role;
  /** The prose of the paragraph: without an opener (byline, dateline) before it or credits after it. */
  content: Span;
  /** Index of the item (article or photo) the block belongs to, or -1 (comments between items). */
  item: number;
}

export interface Heading {
  text: string;
  span: Span;
}

export interface Section {
  title: string;
  /** 0-based line of the section head. */
  line: number;
  span: Span;
  /** The whole section: its head and the paragraphs up to the next head or the article's end. */
  extent: Span;
}

export type ArticleFormat = OpenerFormat | 'front-matter' | 'plain';

export interface Article {
  kind: 'article';
  index: number;
  format: ArticleFormat;
  span: Span;
  /** Indices into `DocumentModel.blocks`, first and last (inclusive). */
  firstBlock: number;
  lastBlock: number;
  kicker: Heading | null;
  kickerSubtitle: Heading | null;
  headline: Heading | null;
  subheadlines: Heading[];
  bylines: Byline[];
  dateline: Dateline | null;
  /** The opener's span (bylines and dateline fused into the lede), if any. */
  openerSpan: Span | null;
  lede: Block | null;
  /** Prose blocks in order, the lede first. */
  body: Block[];
  sections: Section[];
  captions: Caption[];
  credits: Credit[];
  endMark: Heading | null;
  orphanCredits: Block[];
  frontMatter: FrontMatter | null;
}

export interface Photo {
  kind: 'photo';
  index: number;
  span: Span;
  firstBlock: number;
  lastBlock: number;
  caption: Caption;
}

export type Item = Article | Photo;

export interface DocumentModel {
  text: string;
  lines: LineIndex;
  paragraphs: Paragraph[];
  blocks: Block[];
  items: Item[];
  articles: Article[];
  /**
   * Only in a view of one unit made for the rules (`core/ruleScope.ts`): the blocks the view owns. A whole model
   * has no such field and owns every block.
   */
  ownBlocks?: { start: number; end: number };
}
