/**
 * Splits a document into paragraphs: the unit every later stage classifies. A paragraph is normally one
 * non-blank line, since print extractions put one paragraph on each line; lines that only make sense together
 * (an open `**` bold run, a hard-wrapped Latin paragraph) are joined. HTML comments (suppression directives)
 * and YAML front-matter blocks become paragraphs of their own kinds, so no stage mistakes them for prose.
 */
import { textOf } from './pieceText';
import { isRegExpSpaceCode } from './chars';
import type { Role } from './model';
import { LineIndex, Span } from './text';

export type ParagraphKind = 'text' | 'comment' | 'frontMatter';

/*
 * A paragraph's kind, its block's role and the blank lines before it are one small integer: two fields fewer in each
 * of the 38,837 paragraphs of a year of pages (16 bytes each, 0.6 MB). Bits 0-1 the kind, 2-5 the role, the rest the
 * blank lines, held below 2^24 so that the whole stays a small integer for V8.
 */
const KINDS: readonly ParagraphKind[] = ['text', 'comment', 'frontMatter'];
const ROLES: readonly Role[] = ['body', 'kicker', 'kickerSubtitle', 'headline', 'subheadline', 'byline', 'agency', 'lede', 'section', 'caption', 'photoCredit', 'credit', 'orphanCredit', 'endMark', 'frontMatter', 'comment'];
const KIND_MASK = 3;
const ROLE_SHIFT = 2;
const ROLE_MASK = 15;
const BLANK_SHIFT = 6;
/** The most blank lines a paragraph records before it. */
export const MAX_BLANK_LINES = 2 ** 24 - 1;

function roleCode(role: Role): number {
  const code = ROLES.indexOf(role);
  if (code < 0) throw new Error(`not a block role: ${String(role)}`);
  return code;
}

function packParagraph(kind: ParagraphKind, role: Role, blankLinesBefore: number): number {
  return KINDS.indexOf(kind) | (roleCode(role) << ROLE_SHIFT) | (Math.min(blankLinesBefore, MAX_BLANK_LINES) << BLANK_SHIFT);
}

/**
 * A paragraph, which is also its own span and, once the articles are read, its own block (`Block` in `model.ts`):
 * one object per paragraph where there were three (the paragraph, its span, its block), for the tens of thousands
 * of paragraphs of a year of pages. `span` and `paragraph` give the object itself; `content` is the object too
 * unless an opener before the prose or credits after it are cut off. As JSON it is its span.
 */
export class Paragraph implements Span {
  declare index: number;
  /** The trimmed paragraph's offsets. */
  declare start: number;
  declare end: number;
  declare text: string;
  /** 0-based first and last line (inclusive). */
  declare startLine: number;
  declare endLine: number;
  /** Kind, role and blank lines before, in one small integer (see `packParagraph` and the accessors below). */
  declare private bits: number;
  /** Its block's prose and item (see `Block`), set when the articles are read. */
  declare content: Span;
  declare item: number;

  constructor(index: number, kind: ParagraphKind, start: number, end: number, text: string, startLine: number, endLine: number, blankLinesBefore: number) {
    this.index = index;
    this.start = start;
    this.end = end;
    this.text = text;
    this.startLine = startLine;
    this.endLine = endLine;
    this.bits = packParagraph(kind, 'body', blankLinesBefore);
    this.content = this;
    this.item = -1;
  }

  get kind(): ParagraphKind {
    return KINDS[this.bits & KIND_MASK];
  }

  /** Its block's role (see `Block`), set when the articles are read. */
  get role(): Role {
    return ROLES[(this.bits >> ROLE_SHIFT) & ROLE_MASK];
  }

  set role(role: Role) {
    this.bits = (this.bits & ~(ROLE_MASK << ROLE_SHIFT)) | (roleCode(role) << ROLE_SHIFT);
  }

  /** Blank lines directly before this paragraph (at most `MAX_BLANK_LINES`: no reader counts further). */
  get blankLinesBefore(): number {
    return this.bits >>> BLANK_SHIFT;
  }

  /** Trimmed span of the whole paragraph: the paragraph itself. */
  get span(): Span {
    return this;
  }

  /** The paragraph of the block this paragraph is: itself. */
  get paragraph(): Paragraph {
    return this;
  }

  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

const FRONT_MATTER_FENCE = /^---\s*$/;
const YAML_KEY_LINE = /^[A-Za-z_][\w-]*\s*:(\s|$)/;
/** Lines that always start a paragraph of their own, even inside a block. */
const OPENS_PARAGRAPH = /^(\s*(#{1,6}\s|[-*+]\s|\d+[.)、]\s|[◆■●□▲★☆]|——|By\s|\(|（|【|图为|本报|新华社))/;

function isBlank(line: string): boolean {
  return /^[\s\uFEFF]*$/.test(line);
}

/** Is the text from `start` to `end` only spaces (a BOM counts as one)? Read in place: most lines are not blank. */
function isBlankAt(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isRegExpSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** `/^\s*<!--/` on the line from `start` to `end`, read in place. */
function isCommentAt(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isRegExpSpaceCode(text.charCodeAt(i))) i++;
  return text.startsWith('<!--', i) && i + 4 <= end;
}

function countBold(text: string): number {
  let n = 0;
  let i = text.indexOf('**');
  while (i >= 0) {
    n++;
    i = text.indexOf('**', i + 2);
  }
  return n;
}

const OTHER_CHAR = /[^\s\d\p{P}]/u;

function isLatinLine(line: string): boolean {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c < 0x80) {
      if (OTHER_CHAR.test(line[i])) other++;
    } else {
      const cp = line.codePointAt(i)!;
      if (OTHER_CHAR.test(String.fromCodePoint(cp))) other++;
      if (cp > 0xffff) i++;
    }
    // Not Latin however the rest of the line reads: a Chinese line is settled in a few characters.
    if (other * 4 > latin + (line.length - i - 1)) return false;
  }
  return latin > 0 && latin >= other * 4;
}

/** Should `line` continue the paragraph whose text so far holds `boldMarks` `**` marks and ended with `previousLine`? */
function continuesParagraph(boldMarks: number, previousLine: string, line: string): boolean {
  if (boldMarks % 2 === 1) return true;
  if (OPENS_PARAGRAPH.test(line)) return false;
  const trimmedPrev = previousLine.trim();
  if (isLatinLine(trimmedPrev) && isLatinLine(line)) {
    if (trimmedPrev.length >= 45 && /^\s*[a-z0-9“"'(]/.test(line)) return true;
    return trimmedPrev.length >= 45 && !/[.!?:"”]$/.test(trimmedPrev);
  }
  return false;
}

/** Finds the closing fence of a front-matter block opened at `line`, or -1. */
function frontMatterEnd(index: LineIndex, line: number): number {
  const first = line + 1;
  if (first >= index.lineCount) return -1;
  const firstText = index.lineText(first);
  if (!YAML_KEY_LINE.test(firstText) && !FRONT_MATTER_FENCE.test(firstText)) return -1;
  const limit = Math.min(index.lineCount, line + 2000);
  for (let l = first; l < limit; l++) {
    if (FRONT_MATTER_FENCE.test(index.lineText(l)) || /^\.\.\.\s*$/.test(index.lineText(l))) return l;
  }
  return -1;
}

export function computeParagraphs(index: LineIndex): Paragraph[] {
  const text = textOf(index.text);
  const paragraphs: Paragraph[] = [];
  let blank = 0;
  let line = 0;
  let previousBlank = true;
  /** `lineText`: the text of a one-line paragraph's line, reused when trimming leaves it whole. */
  const push = (kind: ParagraphKind, startLine: number, endLine: number, lineText?: string) => {
    let start = index.lineStart(startLine);
    let end = index.lineEndOffset(endLine);
    // `\s` takes in the BOM.
    while (start < end && isRegExpSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isRegExpSpaceCode(text.charCodeAt(end - 1))) end--;
    const whole = lineText !== undefined && lineText.length === end - start;
    paragraphs.push(new Paragraph(paragraphs.length, kind, start, end, whole ? lineText : text.slice(start, end), startLine, endLine, blank));
    blank = 0;
  };
  while (line < index.lineCount) {
    const lineStart = index.lineStart(line);
    const lineEnd = index.lineEndOffset(line);
    if (isBlankAt(text, lineStart, lineEnd)) {
      blank++;
      line++;
      previousBlank = true;
      continue;
    }
    const lineText = text.slice(lineStart, lineEnd);
    if (previousBlank && text.startsWith('---', lineStart) && FRONT_MATTER_FENCE.test(lineText)) {
      const end = frontMatterEnd(index, line);
      if (end > line) {
        push('frontMatter', line, end);
        line = end + 1;
        previousBlank = true;
        continue;
      }
    }
    if (isCommentAt(text, lineStart, lineEnd)) {
      let end = line;
      const limit = Math.min(index.lineCount, line + 200);
      while (end < limit && !index.lineText(end).includes('-->')) end++;
      if (end < limit) {
        const closing = index.lineText(end);
        const after = closing.slice(closing.lastIndexOf('-->') + 3);
        if (isBlank(after)) {
          push('comment', line, end);
          line = end + 1;
          previousBlank = true;
          continue;
        }
      }
    }
    // A text paragraph: this line, and the lines that continue it.
    const start = line;
    // Bold marks are counted line by line: recounting the whole paragraph at each line is quadratic.
    let boldMarks = countBold(lineText);
    let last = lineText;
    line++;
    while (line < index.lineCount) {
      const nextStart = index.lineStart(line);
      const nextEnd = index.lineEndOffset(line);
      if (isBlankAt(text, nextStart, nextEnd) || isCommentAt(text, nextStart, nextEnd)) break;
      const next = text.slice(nextStart, nextEnd);
      if (!continuesParagraph(boldMarks, last, next)) break;
      boldMarks += countBold(next);
      last = next;
      line++;
    }
    push('text', start, line - 1, line - 1 === start ? last : undefined);
    previousBlank = false;
  }
  return paragraphs;
}
