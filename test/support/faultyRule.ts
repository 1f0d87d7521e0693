/** Adds FAULTY_RULE to the rule registry when imported; see faultyServer.ts. */
import { RULES } from '../../server/src/core/rules';
import { Rule } from '../../server/src/core/rules/types';

/** A rule with the bug real rules have: it assumes every article has a headline. */
export const FAULTY_RULE: Rule = {
  code: 'faulty-headline-length',
  defaultLevel: 'warning',
  summary: 'Test-only: throws on an article without a headline.',
  description: 'Test-only.',
  example: { hit: '', nearMiss: '' },
  fixable: false,
  check(context) {
    for (const a of context.model.articles) {
      if (a.headline!.text.length > 40) context.report({ span: a.headline!.span, message: 'long headline' });
    }
  },
};

(RULES as Rule[]).push(FAULTY_RULE);
