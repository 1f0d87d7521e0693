/**
 * The rule registry. Adding a rule: write `rules/<name>.ts` exporting a `Rule`, add it here, and add its
 * setting row to package.json and the README (a test checks that all three agree).
 */
import { countMismatch } from './countMismatch';
import { figureMismatch } from './figureMismatch';
import { frontMatter } from './frontMatter';
import { missingByline } from './missingByline';
import { orphanCredit } from './orphanCredit';
import { partExceedsWhole } from './partExceedsWhole';
import { percentOutOfRange } from './percentOutOfRange';
import { sumMismatch } from './sumMismatch';
import { Rule } from './types';

export const RULES: readonly Rule[] = [
  orphanCredit,
  missingByline,
  countMismatch,
  figureMismatch,
  partExceedsWhole,
  percentOutOfRange,
  sumMismatch,
  frontMatter,
];

export const RULE_CODES: readonly string[] = RULES.map((r) => r.code);

export function findRule(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
