/**
 * ocr-markup: LaTeX and Markdown leftovers of OCR or PDF conversion in the text: `PM_{2.5}` (a subscript),
 * `m^{2}` or `m^2` (a superscript), and a `**` bold marker that is never closed in its paragraph. Hit:
 * `全年PM_{2.5}年均浓度48微克/立方米`. Near miss: `PM2.5`, `m²`, and a balanced `**奋斗百年路 启航新征程**`
 * banner, which the outline reads as a column banner.
 */
import { isAsciiDigitCode, isAsciiLetterCode } from '../chars';
import { ownBlockRange } from '../ruleScope';
import { Span } from '../text';
import { Rule, RuleContext } from './types';

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};

/** `X_{…}` and `X^{…}` with a short argument, or `m^2`. */
const SCRIPT = /([_^])\{([^{}\s]{1,12})\}|(?<=[A-Za-z])\^([0-9])/g;

export function toSuperscript(text: string): string | null {
  let out = '';
  for (const ch of text) {
    const sup = SUPERSCRIPT[ch];
    if (sup === undefined) return null;
    out += sup;
  }
  return out;
}

/** Where the symbol before a script starts: the run of `[A-Za-z0-9.]` that ends at `at`. */
function symbolStart(text: string, at: number): number {
  let i = at;
  for (; i > 0; i--) {
    const c = text.charCodeAt(i - 1);
    if (!(isAsciiLetterCode(c) || isAsciiDigitCode(c) || c === 0x2e)) break;
  }
  return i;
}

function checkScripts(context: RuleContext, text: string, base: number): void {
  // One regular expression read on from match to match (`matchAll` would copy it for each paragraph).
  SCRIPT.lastIndex = 0;
  for (let m = SCRIPT.exec(text); m; m = SCRIPT.exec(text)) {
    const start = base + (m.index ?? 0);
    const span = { start, end: start + m[0].length };
    const subscript = m[1] === '_';
    const argument = m[2] ?? m[3];
    const replacement = subscript ? argument : toSuperscript(argument);
    // Shown with the symbol it belongs to (PM_{2.5} → PM2.5), though only the markup is replaced.
    const symbol = text.slice(symbolStart(text, m.index ?? 0), m.index ?? 0);
    const shown = symbol + m[0];
    const wanted = replacement === null ? null : symbol + replacement;
    context.report({
      span,
      message: subscript
        ? context.t(`OCR markup "${shown}": a subscript written in LaTeX; write "${wanted}".`, `OCR 残留标记“${shown}”（LaTeX 下标），应为“${wanted}”。`)
        : context.t(`OCR markup "${shown}": a superscript written in LaTeX${wanted ? `; write "${wanted}"` : ''}.`, `OCR 残留标记“${shown}”（LaTeX 上标）${wanted ? `，应为“${wanted}”` : ''}。`),
      fixes: replacement === null ? [] : [{ title: context.t(`Replace "${shown}" with "${wanted}"`, `改为“${wanted}”`), edits: [{ span, newText: replacement }], safe: true }],
    });
  }
}

function checkBold(context: RuleContext, text: string, base: number): void {
  const markers: number[] = [];
  for (let i = text.indexOf('**'); i >= 0; i = text.indexOf('**', i + 2)) markers.push(i);
  if (markers.length % 2 === 0) return;
  const lone = markers[markers.length - 1];
  const span = { start: base + lone, end: base + lone + 2 };
  context.report({
    span,
    message: context.t('Unbalanced "**": a bold marker left by OCR or Markdown conversion that is never closed in this paragraph.', '段内“**”不成对：OCR 或 Markdown 转换残留的加粗标记。'),
    fixes: [{ title: context.t('Delete the unpaired "**"', '删除不成对的“**”'), edits: [{ span, newText: '' }], safe: false }],
  });
}

export const ocrMarkup: Rule = {
  code: 'ocr-markup',
  defaultLevel: 'warning',
  // Each paragraph is read on its own: a unit checks its own blocks.
  scope: 'blocks',
  summary: 'LaTeX or Markdown leftovers of OCR: PM_{2.5}, m^{2}, an unbalanced **.',
  description:
    'Flags LaTeX subscripts and superscripts that OCR or PDF conversion left in the text (PM_{2.5}, CO_{2}, m^{2}, m^2) and a ** bold marker that is never closed in its paragraph. The fix writes the subscript as plain text (PM2.5) and the superscript with Unicode superscript characters (m²); deleting an unpaired ** is offered but left out of fix-all, since the editor must decide which marker is the stray one.',
  example: { hit: '全年PM_{2.5}年均浓度48微克/立方米', nearMiss: '全年PM2.5年均浓度48微克/立方米，面积1240平方米（m²）' },
  fixable: true,
  check(context) {
    const { blocks, text } = context.model;
    const own = ownBlockRange(context.model);
    if (own.start >= own.end) return;
    // Every script needs a _ or a ^, and bold a **: most paragraphs hold none, and are passed over by looking these up
    // in the view's own text from paragraph to paragraph (three searches in each paragraph cost more than the rule's
    // work). Searches stay inside the view's text: a unit of a year of pages must not read on to the end of the year.
    const from = blocks[own.start].paragraph.span.start;
    const ownText = text.slice(from, blocks[own.end - 1].paragraph.span.end);
    const underscore = new Occurrences(ownText, from, '_');
    const caret = new Occurrences(ownText, from, '^');
    const stars = new Occurrences(ownText, from, '**');
    for (let b = own.start; b < own.end; b++) {
      const { paragraph } = blocks[b];
      if (paragraph.kind !== 'text') continue;
      const { span } = paragraph;
      if (underscore.isIn(span) || caret.isIn(span)) checkScripts(context, paragraph.text, span.start);
      if (stars.isIn(span)) checkBold(context, paragraph.text, span.start);
    }
  },
};

/**
 * Where `needle` occurs in `text` (a stretch of the page starting at offset `base`), asked of spans in page order:
 * each search starts where the last one found it.
 */
class Occurrences {
  /** The first occurrence (a page offset) at or after the last span's start; -1 before the first search, Infinity when there is none. */
  private next = -1;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly needle: string,
  ) {}

  /** Does `needle` occur wholly inside `span`? Spans must come in page order. */
  isIn(span: Span): boolean {
    if (this.next < span.start) {
      const at = this.text.indexOf(this.needle, span.start - this.base);
      this.next = at < 0 ? Infinity : this.base + at;
    }
    return this.next + this.needle.length <= span.end;
  }
}
