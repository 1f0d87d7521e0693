/**
 * unbalanced-pair: a quotation mark, title mark or bracket that is not closed within its paragraph (“ ” ‘ ’
 * 《 》 ( ) （ ） 【 】 「 」 『 』 and the ASCII "). Extraction drops marks at line and page breaks, and a quote that
 * never closes leaves the reader guessing where the speaker stops. A paragraph split by a broken wrap is read
 * as one. Hit: `他说：“要坚持精准治污。` with no closing ”. Near miss: `“四个自信”`, the apostrophe in `don’t`,
 * and a quotation that runs over paragraphs, left open at a paragraph's end and reopened at the next start.
 */
import { isCJK } from '../chars';
import { DocumentModel } from '../model';
import { Span } from '../text';
import { getBrokenWraps } from '../wraps';
import { Rule } from './types';

const OPENERS: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '(': ')', '（': '）', '【': '】', '「': '」', '『': '』' };
const CLOSERS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(OPENERS).map(([o, c]) => [c, o]));

const MARKS = /[“”‘’《》()（）【】「」『』"]/g;

/** ASCII and full-width parentheses close each other: extraction mixes them, and the width is another rule's business. */
function closes(opener: string, closer: string): boolean {
  if (OPENERS[opener] === closer) return true;
  return (opener === '(' && closer === '）') || (opener === '（' && closer === ')');
}

interface Mark {
  ch: string;
  offset: number;
}

export interface UnbalancedMark {
  mark: string;
  offset: number;
  kind: 'unclosed' | 'unopened';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && (/[A-Za-z0-9]/.test(ch) || isCJK(ch));
}

/** Scans logical paragraphs (spans in document order) for marks that do not pair up. */
export function findUnbalanced(text: string, spans: Span[]): UnbalancedMark[] {
  const out: UnbalancedMark[] = [];
  const stack: Mark[] = [];
  for (const span of spans) {
    // Jump from mark to mark: most of a page is text between them.
    MARKS.lastIndex = span.start;
    for (let m = MARKS.exec(text); m && m.index < span.end; m = MARKS.exec(text)) {
      const i = m.index;
      const ch = m[0];
      if (ch === '"') {
        const top = stack[stack.length - 1];
        if (top && top.ch === '"') stack.pop();
        else stack.push({ ch, offset: i });
      } else if (ch in OPENERS) {
        stack.push({ ch, offset: i });
      } else if (ch in CLOSERS) {
        if (ch === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && isLetter(text[i + 1])) continue;
        if (ch === '’' && !stack.some((m) => m.ch === '‘')) continue;
        const match = findLast(stack, (m) => closes(m.ch, ch));
        if (match < 0) {
          out.push({ mark: ch, offset: i, kind: 'unopened' });
          continue;
        }
        // Marks opened after the one this closes were never closed themselves.
        for (const m of stack.splice(match).slice(1)) out.push({ mark: m.ch, offset: m.offset, kind: 'unclosed' });
      }
    }
  }
  for (const m of stack) out.push({ mark: m.ch, offset: m.offset, kind: 'unclosed' });
  return out.sort((a, b) => a.offset - b.offset);
}

function findLast<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

/** Paragraphs as the reader sees them: a paragraph and its broken-wrap continuations. */
function logicalParagraphs(model: DocumentModel): Span[][] {
  const continues = new Set(getBrokenWraps(model).map((w) => w.next));
  const groups: Span[][] = [];
  model.blocks.forEach((block, i) => {
    if (block.paragraph.kind !== 'text') return;
    const span = block.paragraph.span;
    if (continues.has(i) && groups.length > 0) groups[groups.length - 1].push(span);
    else groups.push([span]);
  });
  return groups;
}

export const unbalancedPair: Rule = {
  code: 'unbalanced-pair',
  defaultLevel: 'warning',
  summary: 'A quotation mark, title mark or bracket not closed within its paragraph.',
  description:
    'Flags an opening “ ‘ 《 ( （ 【 「 『 or ASCII " that is not closed in its paragraph, and a closing mark with no opening one. Extraction drops marks at line and page breaks, and an unclosed quote leaves the reader guessing where a speaker stops. A paragraph split by a broken wrap is read as one; an apostrophe (don’t) is not a quote, and a quotation that runs over several paragraphs (left open at the end of one and reopened at the start of the next, as in wire copy) is not flagged. There is no automatic fix: only the editor knows where the quote ends.',
  example: { hit: '温武瑞说：“要坚持精准治污、科学治污、依法治污。', nearMiss: '不断增强“四个自信”，don’t' },
  fixable: false,
  check(context) {
    const { model } = context;
    const groups = logicalParagraphs(model);
    groups.forEach((group, g) => {
      // A quotation running over paragraphs is left open at each paragraph's end and reopened at the next start.
      const next = groups[g + 1];
      const reopened = next ? model.text[next[0].start] : '';
      for (const m of findUnbalanced(model.text, group)) {
        if (m.kind === 'unclosed' && (m.mark === '“' || m.mark === '"') && reopened === m.mark) continue;
        context.report({
          span: { start: m.offset, end: m.offset + 1 },
          message:
            m.kind === 'unclosed'
              ? context.t(`"${m.mark}" is not closed in this paragraph.`, `“${m.mark}”在本段内没有闭合。`)
              : context.t(`"${m.mark}" closes nothing: there is no opening mark in this paragraph.`, `“${m.mark}”在本段内没有对应的前半部分。`),
        });
      }
    });
  },
};
