/**
 * Photo captions: `图为4月8日，执法人员…`, `图：…`, `Photo: …`, `… (AP Photo/Jane Doe)`. A caption is usually
 * followed by its credit (`张冬梅摄`) on the next line or carries it at its end. `图为` counts only where it opens a
 * sentence, so `企图为` and `蓝图为` in prose are not captions.
 */
import { initialsOf, lastNonSpaceCode } from './chars';
import { Credit, parseInlinePhotoCredit } from './credits';
import { Span } from './text';

export interface Caption {
  text: string;
  span: Span;
  /** The credit as printed (`张冬梅`), or null. */
  credit: string | null;
  credits: Credit[];
  creditSpan: Span | null;
}

const CAPTION_OPENERS = /^(?:[上下左右]?图[0-9一二三四]?[:：\s]|图片[:：]|图为|Photo[:：]|Caption[:：]|PHOTO[:：])/;
const CLOSING_BRACKET = 0x29;

/** What CAPTION_OPENERS can start with. */
const CAPTION_INITIALS = initialsOf(['上', '下', '左', '右', '图', 'P', 'C']);

/**
 * `opening` when the paragraph opens as a caption (`图为…`, `图：`, `Photo:`, `(AP Photo/…)` at its end); `inner`
 * when `图为` only follows a sentence inside it (`…执法检查。图为4月8日…`), which is a caption only where a photo
 * credit follows or ends it: prose may say `…。图为…` too.
 */
export function captionShape(text: string): 'opening' | 'inner' | null {
  if (CAPTION_INITIALS.has(text.charCodeAt(0)) && CAPTION_OPENERS.test(text)) return 'opening';
  // Unanchored, this pattern is tried at every bracket; the key word is looked for first.
  if (lastNonSpaceCode(text) === CLOSING_BRACKET && text.includes('Photo') && /\((?:AP|Reuters|AFP|Xinhua|Getty Images)\s+Photos?\s*\/[^)]+\)\s*$/.test(text)) return 'opening';
  if (text.includes('图为') && /(?:^|[。！？，,\s）)])图为/.test(text)) return 'inner';
  return null;
}

export function isCaptionText(text: string): boolean {
  return captionShape(text) !== null;
}

/** Builds a caption from its paragraph, splitting off an inline credit. */
export function makeCaption(text: string, base: number): Caption {
  const inline = parseInlinePhotoCredit(text, base);
  if (inline) {
    const captionText = text.slice(0, inline.start).trimEnd();
    return {
      text: captionText,
      span: { start: base, end: base + captionText.length },
      credit: inline.credits.map((c) => c.name).join(' '),
      credits: inline.credits,
      creditSpan: { start: base + inline.start, end: base + text.length },
    };
  }
  return { text, span: { start: base, end: base + text.length }, credit: null, credits: [], creditSpan: null };
}
