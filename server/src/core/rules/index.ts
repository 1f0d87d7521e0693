/**
 * The rule registry. Adding a rule: write `rules/<name>.ts` exporting a `Rule`, add it here, run
 * `npm run generate` (docs/rules.md, the config schema, the package.json settings) and add its README row; a
 * test checks that all of them agree with this list.
 */
import { brokenWrap } from './brokenWrap';
import { countMismatch } from './countMismatch';
import { duplicateArticle } from './duplicateArticle';
import { figureMismatch } from './figureMismatch';
import { frontMatter } from './frontMatter';
import { halfwidthPunctuation } from './halfwidthPunctuation';
import { missingByline } from './missingByline';
import { ocrMarkup } from './ocrMarkup';
import { orphanCredit } from './orphanCredit';
import { partExceedsWhole } from './partExceedsWhole';
import { percentOutOfRange } from './percentOutOfRange';
import { strayLatin } from './strayLatin';
import { sumMismatch } from './sumMismatch';
import { truncatedArticle } from './truncatedArticle';
import { Rule } from './types';
import { unbalancedPair } from './unbalancedPair';

export const RULES: readonly Rule[] = [
  orphanCredit,
  missingByline,
  frontMatter,
  countMismatch,
  figureMismatch,
  partExceedsWhole,
  percentOutOfRange,
  sumMismatch,
  brokenWrap,
  truncatedArticle,
  halfwidthPunctuation,
  strayLatin,
  ocrMarkup,
  unbalancedPair,
  duplicateArticle,
];

export const RULE_CODES: readonly string[] = RULES.map((r) => r.code);

export function findRule(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
