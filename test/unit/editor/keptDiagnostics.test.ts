/**
 * After a keystroke the diagnostics of findings kept from the previous version are the objects made before, as
 * long as their positions still hold; an edit above them that moves lines without moving offsets makes them again.
 * Either way they equal what a fresh reading of the edited text gives.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { NewsDocument } from '../../../server/src/documentStore';
import { Diagnostic } from 'vscode-languageserver/node';
import { computeDiagnostics, PulledReports } from '../../../server/src/features/diagnostics';
import { ModelCache } from '../../../server/src/modelCache';
import { readSample } from '../../support/text';

const config = defaultConfig();
const uri = 'file:///archive.news';

function diagnosticsOf(models: ModelCache, document: NewsDocument) {
  return computeDiagnostics(models.get(document), document.uri, config, () => undefined, models.findings(document, config));
}

function fresh(text: string) {
  return diagnosticsOf(new ModelCache(), new NewsDocument(uri, 'newsmark', 1, text));
}

describe('diagnostics kept across keystrokes', () => {
  const page = [readSample(), readSample().replace(/天津/g, '滨海'), readSample().replace(/\d/g, (d) => String((Number(d) + 7) % 10))].join('\n\n');

  it('gives the same objects for findings before an edit, new ones after it, and what a fresh reading gives', () => {
    const models = new ModelCache();
    const document = new NewsDocument(uri, 'newsmark', 1, page);
    const before = diagnosticsOf(models, document);
    const at = document.positionAt(page.lastIndexOf('。') - 1);
    document.apply([{ range: { start: at, end: at }, text: '字' }], 2);
    const after = diagnosticsOf(models, document);
    assert.deepEqual(after, fresh(document.getText()));
    const cut = document.offsetAt(at);
    const made = new Set(before);
    const kept = after.filter((d) => made.has(d));
    assert.ok(kept.length > 100, `${kept.length} of ${after.length} kept`);
    assert.ok(kept.every((d) => document.offsetAt(d.range.end) <= cut));
  });

  it('the pulled report gives the last report\'s objects again for every diagnostic that reads the same', () => {
    const models = new ModelCache();
    const document = new NewsDocument(uri, 'newsmark', 1, page);
    const reports = new PulledReports();
    const first = reports.report(uri, undefined, diagnosticsOf(models, document)) as { resultId: string; items: Diagnostic[] };
    // A keystroke in the second copy's lede: that article and its neighbours are checked again, their findings new.
    const offset = page.indexOf(',', page.indexOf('本报讯', page.indexOf('滨海'))) - 1;
    const at = document.positionAt(offset);
    document.apply([{ range: { start: at, end: at }, text: '字' }], 2);
    const items = diagnosticsOf(models, document);
    const second = reports.report(uri, first.resultId, items) as { kind: string; items: Diagnostic[] };
    assert.equal(second.kind, 'full');
    assert.deepEqual(second.items, fresh(document.getText()));
    const old = new Set(first.items);
    const moved = (d: Diagnostic) => d.range.start.line === at.line && d.range.start.character >= at.character;
    assert.ok(second.items.some(moved), 'the edited line has findings after the cursor');
    assert.ok(second.items.every((d) => old.has(d) === !moved(d)), 'old objects for all but the findings the keystroke moved');
  });

  it('makes them again when an edit above moves lines but not offsets', () => {
    const models = new ModelCache();
    const document = new NewsDocument(uri, 'newsmark', 1, page);
    const before = diagnosticsOf(models, document);
    // Two characters of the first article's body become two line breaks: every later offset stays, lines move.
    const offset = page.indexOf('。', page.indexOf('本报讯')) - 2;
    const start = document.positionAt(offset);
    const end = document.positionAt(offset + 2);
    document.apply([{ range: { start, end }, text: '\n\n' }], 2);
    const after = diagnosticsOf(models, document);
    assert.deepEqual(after, fresh(document.getText()));
    const later = after.filter((d) => document.offsetAt(d.range.start) > offset + 2);
    assert.ok(later.length > 100);
    assert.ok(later.every((d) => !before.includes(d)), 'no diagnostic after the edit is an object made before it');
  });
});
