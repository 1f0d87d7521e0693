/**
 * Findings are computed once per document version and configuration, in the model cache, and shared by the
 * diagnostics, the code lens and the status bar.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../../server/src/core/config';
import { RULE_CODES } from '../../../server/src/core/rules';
import { ModelCache } from '../../../server/src/modelCache';
import { readSample } from '../../support/text';

describe('findings in the model cache', () => {
  it('reuses the result for the same version and configuration, and recomputes after an edit or a settings change', () => {
    const models = new ModelCache();
    const document = TextDocument.create('file:///page.news', 'newsmark', 1, readSample());
    // Only orphan-credit runs: one finding on the sample page.
    const config = { ...defaultConfig(), rules: Object.fromEntries(RULE_CODES.filter((c) => c !== 'orphan-credit').map((c) => [c, { level: 'off' as const }])) };
    const first = models.findings(document, config);
    assert.equal(first.findings.length, 1);
    assert.equal(models.findings(document, config), first);
    const capped = { ...config, maxProblems: 0, rules: { ...config.rules, 'orphan-credit': { level: 'off' as const } } };
    assert.equal(models.findings(document, capped).findings.length, 0);
    TextDocument.update(document, [{ text: '' }], 2);
    const edited = models.findings(document, capped);
    assert.notEqual(edited, first);
    assert.equal(edited.findings.length, 0);
  });
});
