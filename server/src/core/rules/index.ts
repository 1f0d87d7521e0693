/**
 * The rule registry. Adding a rule: write `rules/<name>.ts` exporting a `Rule`, add it here, and add its
 * setting row to package.json and the README (a test checks that all three agree).
 */
import { frontMatter } from './frontMatter';
import { missingByline } from './missingByline';
import { orphanCredit } from './orphanCredit';
import { Rule } from './types';

export const RULES: readonly Rule[] = [orphanCredit, missingByline, frontMatter];

export const RULE_CODES: readonly string[] = RULES.map((r) => r.code);

export function findRule(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
