/** A rule made for a test: its code, its check, and whatever else the test sets (scope, fixable). */
import { Rule } from '../../server/src/core/rules/types';

export function testRule(code: string, check: Rule['check'], more: Partial<Rule> = {}): Rule {
  return { code, defaultLevel: 'warning', summary: 'test', description: 'test', example: { hit: '', nearMiss: '' }, fixable: false, check, ...more };
}
