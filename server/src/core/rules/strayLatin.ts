/**
 * stray-latin: a lone English function word standing in Chinese prose, an extraction leftover where a
 * translation layer or an OCR engine put `and` for 和. Hit: `把推进生态文明建设 and 加强生态环境保护`.
 * Near miss: acronyms and names (`SCR净化器`, `PM2.5`), loanwords (`下载 app 后`) and English phrases of more
 * than one word are left alone. Where the intent is clear (`and` → 和, `or` → 或) the fix replaces the word and
 * the spaces around it; other words are reported without a fix.
 */
import { isHan } from '../chars';
import { ownBlockRange } from '../ruleScope';
import { Rule } from './types';

/** Words that never belong in Chinese prose, and the Chinese they stand for where that is unambiguous. */
export const STRAY_WORDS: Readonly<Record<string, string | null>> = {
  and: '和',
  or: '或',
  the: null,
  of: null,
  in: null,
  on: null,
  at: null,
  to: null,
  for: null,
  with: null,
  by: null,
  from: null,
  is: null,
  are: null,
  was: null,
  were: null,
  be: null,
  a: null,
  an: null,
  as: null,
  but: null,
  not: null,
  that: null,
  this: null,
};

const WORD = /[A-Za-z]+/g;

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

export const strayLatin: Rule = {
  code: 'stray-latin',
  defaultLevel: 'warning',
  // Each paragraph is read on its own: a unit checks its own blocks.
  scope: 'blocks',
  summary: 'A lone English word in Chinese prose (生态文明建设 and 加强).',
  description:
    'Flags a lone English function word (and, or, the, of, with…) standing between Chinese characters, a leftover of machine translation or OCR. Acronyms, names, loanwords and English phrases are not flagged; the option "words" adds words to the list. Where the intent is clear the fix replaces the word and its surrounding spaces: and → 和, or → 或.',
  example: { hit: '把推进生态文明建设 and 加强生态环境保护摆到极其重要的位置', nearMiss: '推广安装SCR净化器等技术手段' },
  fixable: true,
  options: { words: { type: 'string[]', description: 'More English words to flag when they stand alone in Chinese prose (reported without a fix).', default: [] } },
  check(context) {
    const extra = Array.isArray(context.options.words) ? context.options.words.filter((w): w is string => typeof w === 'string').map((w) => w.toLowerCase()) : [];
    const { blocks } = context.model;
    const own = ownBlockRange(context.model);
    for (let b = own.start; b < own.end; b++) {
      const block = blocks[b];
      if (block.paragraph.kind !== 'text') continue;
      const text = block.paragraph.text;
      const base = block.paragraph.span.start;
      // One regular expression read on from word to word: `matchAll` copies it for each of a page's thousands of
      // paragraphs, which cost more than the search.
      WORD.lastIndex = 0;
      for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
        const word = m[0];
        const wordAt = m.index ?? 0;
        // The word with the spaces around it; found outward from the word, so a run of spaces is read once.
        let start = wordAt;
        while (isBlank(text[start - 1])) start--;
        let end = wordAt + word.length;
        while (isBlank(text[end])) end++;
        if (!isHan(text[start - 1] ?? '') || !isHan(text[end] ?? '')) continue;
        const lower = word.toLowerCase();
        // Lower case, or capitalised like a sentence start; a single capital is a grade or a share class (A股).
        if (word !== lower && (word.length === 1 || word !== word[0] + word.slice(1).toLowerCase())) continue;
        if (!(lower in STRAY_WORDS) && !extra.includes(lower)) continue;
        const wordStart = base + wordAt;
        const replacement = STRAY_WORDS[lower] ?? null;
        context.report({
          span: { start: wordStart, end: wordStart + word.length },
          message: replacement
            ? context.t(`Stray English word "${word}" in Chinese text; did you mean "${replacement}"?`, `中文中夹有英文单词“${word}”，应为“${replacement}”？`)
            : context.t(`Stray English word "${word}" in Chinese text.`, `中文中夹有英文单词“${word}”。`),
          fixes: replacement
            ? [{ title: context.t(`Replace "${word}" with "${replacement}"`, `改为“${replacement}”`), edits: [{ span: { start: base + start, end: base + end }, newText: replacement }], safe: true }]
            : [],
        });
      }
    }
  },
};
