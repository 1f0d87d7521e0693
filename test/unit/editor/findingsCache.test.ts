/** Findings are computed once per document version and configuration. */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { RULE_CODES } from '../../../server/src/core/rules';
import { getCachedFindings } from '../../../server/src/findingsCache';
import { readSample } from '../../support/text';

describe('findings cache', () => {
  it('reuses the result for the same version and configuration, and recomputes after an edit or a settings change', () => {
    const document = TextDocument.create('file:///page.news', 'newsmark', 1, readSample());
    // Only orphan-credit runs: one finding on the sample page.
    const config = { ...defaultConfig(), rules: Object.fromEntries(RULE_CODES.filter((c) => c !== 'orphan-credit').map((c) => [c, { level: 'off' as const }])) };
    const first = getCachedFindings(document, computeDocumentModel(document.getText()), config);
    assert.equal(first.findings.length, 1);
    assert.equal(getCachedFindings(document, computeDocumentModel(document.getText()), config), first);
    const capped = { ...config, maxProblems: 0, rules: { ...config.rules, 'orphan-credit': { level: 'off' as const } } };
    assert.equal(getCachedFindings(document, computeDocumentModel(document.getText()), capped).findings.length, 0);
    TextDocument.update(document, [{ text: '' }], 2);
    const edited = getCachedFindings(document, computeDocumentModel(document.getText()), capped);
    assert.notEqual(edited, first);
    assert.equal(edited.findings.length, 0);
  });
});
