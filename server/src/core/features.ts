/**
 * What a single paragraph looks like, before its place in an article is known: an opener, a byline line, a
 * credit, a caption, a header-shaped line. The article builder combines these shapes with their order on the
 * page; keeping the shape tests here lets both be tested on their own.
 */
import { Byline, parseAgencyLine, parseBylineLine, parseEnglishByline } from './bylines';
import { captionShape } from './captions';
import { hasHan, visibleLength, visibleLengthExceeds } from './chars';
import { Credit, isEndMark, parseContributorLine, parseCreditLine, parseEnglishCredits, parsePhotoCredit } from './credits';
import { Opener, parseOpener } from './datelines';
import { Paragraph } from './paragraphs';

export interface Features {
  opener: Opener | null;
  /** A line that is only bylines: `◆郭文生 任效良`, `By JANE DOE`. */
  bylines: Byline[] | null;
  /** Agency named on an English byline or on its own line. */
  agency: string | null;
  credits: Credit[] | null;
  photoCredits: Credit[] | null;
  caption: boolean;
  /** The caption shape is `图为` inside the paragraph: a caption only if a photo credit follows or ends it. */
  captionNeedsCredit: boolean;
  endMark: boolean;
  /** Short, unpunctuated, on one line: a headline, subheadline or section head. */
  header: boolean;
  /** A column banner: a bold run or 【…】. */
  banner: boolean;
  /** A `——` line that subtitles a banner or serves as a subheadline. */
  dash: boolean;
  /** Markdown heading level, 0 for none. */
  headingLevel: number;
}

/** Frozen: prose paragraphs share it, so no stage may write to it. */
const NONE: Features = Object.freeze({
  opener: null,
  bylines: null,
  agency: null,
  credits: null,
  photoCredits: null,
  caption: false,
  captionNeedsCredit: false,
  endMark: false,
  header: false,
  banner: false,
  dash: false,
  headingLevel: 0,
});

/** Removes the markup a header may carry: `# `, `**…**`, 【…】. */
export function headerText(text: string): string {
  // Most paragraphs carry none of that markup: each replacement below would only copy them.
  const c = text.charCodeAt(0);
  if (c !== 0x23 && c !== 0x3010 && !text.includes('**')) return joinLines(text).trim();
  const t = text
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/^【(.*)】$/s, '$1');
  return joinLines(t).trim();
}

/**
 * Each run of whitespace that holds a line break becomes one space. Done line by line rather than with
 * `/\s*\n\s*\/g`, which backtracks quadratically over a long run of spaces without a line break.
 */
function joinLines(t: string): string {
  if (!t.includes('\n')) return t;
  const lines = t.split('\n');
  let out = lines[0].trimEnd();
  for (let i = 1; i < lines.length; i++) {
    const line = i === lines.length - 1 ? lines[i].trimStart() : lines[i].trim();
    if (line.length > 0) out += ' ' + line;
    else if (i === lines.length - 1) out += ' ';
  }
  return out;
}

/** Marks a header does not end on: `.，,、：:;…`. */
const NOT_HEADER_END = new Set([0x2e, 0xff0c, 0x2c, 0x3001, 0xff1a, 0x3a, 0x3b, 0x2026]);

export function isHeaderShape(text: string): boolean {
  // Stripping markup never removes these marks, so a paragraph holding one is no header; prose is refused at
  // its first full stop instead of after copying and scanning it whole.
  if (/[。；;]/.test(text)) return false;
  const bold = text.length >= 4 && text.startsWith('**') && text.endsWith('**');
  if (text.includes('\n') && !bold) return false;
  const t = headerText(text);
  if (t.length === 0) return false;
  if (NOT_HEADER_END.has(t.charCodeAt(t.length - 1))) return false;
  if (hasHan(t)) return !visibleLengthExceeds(t, 40);
  const words = t.split(/\s+/).length;
  return t.length <= 110 && words <= 18 && !/[a-z]\.\s+[A-Z]/.test(t);
}

/** A section head: header-shaped, short, and without the commas that mark a sentence fragment. */
export function isSectionShape(text: string): boolean {
  if (/^#{2,6}\s/.test(text)) return true;
  if (!isHeaderShape(text)) return false;
  const t = headerText(text);
  if (/[,，、:：()（）]/.test(t)) return false;
  if (hasHan(t)) {
    const n = visibleLength(t);
    return n >= 4 && n <= 24;
  }
  return t.split(/\s+/).length <= 8 && /^[A-Z0-9]/.test(t);
}

/**
 * Can the paragraph with these features be a section head? Not when they are NONE: computeFeatures returns
 * NONE for a text paragraph only where isSectionShape fails both ways, neither a `##` heading nor header-shaped,
 * which spares the article builder re-testing every prose paragraph of the page.
 */
export function mayBeSection(f: Features): boolean {
  return f !== NONE;
}

/** Features with `shape` set and every other field at its NONE value. */
function featuresWith(shape: Partial<Features>): Features {
  return {
    opener: shape.opener ?? null,
    bylines: shape.bylines ?? null,
    agency: shape.agency ?? null,
    credits: shape.credits ?? null,
    photoCredits: shape.photoCredits ?? null,
    caption: shape.caption ?? false,
    captionNeedsCredit: shape.captionNeedsCredit ?? false,
    endMark: shape.endMark ?? false,
    header: shape.header ?? false,
    banner: shape.banner ?? false,
    dash: shape.dash ?? false,
    headingLevel: shape.headingLevel ?? 0,
  };
}

/**
 * The shape of one paragraph. Plain prose, most of a page, shares the NONE object: a page of a year keeps one
 * features object per paragraph alive until its articles are built, and copying them is garbage collector work.
 * The tests run in this order and the first that matches decides.
 */
export function computeFeatures(p: Paragraph): Features {
  if (p.kind !== 'text') return NONE;
  const text = p.text;
  const base = p.span.start;
  const heading = text.charCodeAt(0) === 0x23 ? /^(#{1,6})\s+\S/.exec(text) : null;
  if (heading) return featuresWith({ headingLevel: heading[1].length, header: heading[1].length === 1 });
  const opener = parseOpener(text, base);
  if (opener) return featuresWith({ opener });
  if (text.length <= 160) {
    const english = parseEnglishByline(text, base);
    if (english) return featuresWith({ bylines: english.bylines, agency: english.agency });
    const bylines = parseBylineLine(text, base);
    if (bylines) return featuresWith({ bylines });
    const agency = parseAgencyLine(text);
    if (agency) return featuresWith({ agency });
    if (isEndMark(text)) return featuresWith({ endMark: true });
    const photoCredits = parsePhotoCredit(text, base);
    if (photoCredits) return featuresWith({ photoCredits });
  }
  if (text.length <= 60) {
    const credits = parseCreditLine(text, base);
    if (credits) return featuresWith({ credits });
  }
  if (text.length <= 400) {
    const credits = parseEnglishCredits(text, base) ?? parseContributorLine(text, base);
    if (credits) return featuresWith({ credits });
  }
  const shape = captionShape(text);
  if (shape !== null) return featuresWith({ caption: true, captionNeedsCredit: shape === 'inner' });
  const opening = text.charCodeAt(0);
  const banner = (opening === 0x2a && /^\*\*[\s\S]+\*\*$/.test(text)) || (opening === 0x3010 && /^【[^】]+】$/.test(text));
  const header = isHeaderShape(text);
  // NONE also tells the article builder that isSectionShape would say no (see mayBeSection).
  if (!banner && !header && !(opening === 0x23 && /^#{2,6}\s/.test(text))) return NONE;
  return featuresWith({ banner, header, dash: header && text.startsWith('——') });
}
