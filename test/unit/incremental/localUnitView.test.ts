/**
 * After a keystroke the server checks the units it touched in views of their own text (`withUnitView`), so that a
 * year of pages kept in pieces is never joined into one string. Every rule must find there what it finds in the
 * unit's view of the whole page, at offsets less the view's base: a rule that read past its unit's neighbours, or
 * that wrote an offset or a line number into a message, fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, NewsmarkConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { runRules } from '../../../server/src/core/findings';
import { DocumentModel } from '../../../server/src/core/model';
import { RULES } from '../../../server/src/core/rules';
import { Finding } from '../../../server/src/core/rules/types';
import { unitCount, unitView, withUnitView } from '../../../server/src/core/ruleScope';
import { computeArticleFacts } from '../../../server/src/features/codeLens';
import { itemSymbols, moveSymbols } from '../../../server/src/features/documentSymbols';
import { moveRanges, unitFoldingRanges } from '../../../server/src/features/folding';
import { moveTokens, unitTokens } from '../../../server/src/features/semanticTokens';
import { Item } from '../../../server/src/core/model';
import { readSample } from '../../support/text';

const unitRules = RULES.filter((r) => r.scope !== 'document' && !r.compareItems);
const config: NewsmarkConfig = { ...defaultConfig(), maxProblems: 0 };

function moved(f: Finding, d: number): unknown {
  const span = (s: { start: number; end: number }) => [s.start + d, s.end + d];
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    span: span(f.span),
    related: f.related.map((r) => [r.message, span(r.span)]),
    fixes: f.fixes.map((x) => [x.title, x.safe, x.edits.map((e) => [e.newText, span(e.span)])]),
  };
}

/** Compares every unit of `text`; returns how many units were compared in a local view and how many findings. */
function compareUnits(text: string, name: string): { units: number; findings: number } {
  const model: DocumentModel = computeDocumentModel(text);
  const before = JSON.stringify(model);
  let units = 0;
  let findings = 0;
  for (let k = 0; k < unitCount(model); k++) {
    const whole = runRules(unitView(model, k), config, unitRules);
    const part = withUnitView(model, k, true, (view, base) => {
      if (base > 0) units++;
      assert.equal(view.text, text.slice(base, base + view.text.length));
      // Read inside: the view's objects are the model's, moved back when it returns.
      const found = runRules(view, config, unitRules);
      return { failures: found.failures, findings: found.findings.map((f) => moved(f, base)) };
    });
    assert.deepEqual(part.failures, whole.failures, `${name}, unit ${k}: failures`);
    assert.deepEqual(part.findings, whole.findings.map((f) => moved(f, 0)), `${name}, unit ${k}`);
    findings += whole.findings.length;
  }
  // Moved back exactly: offsets, lines and indices.
  assert.equal(JSON.stringify(model), before, `${name}: the model is as it was`);
  return { units, findings };
}

describe('checking a unit in a view of its own text', () => {
  const fixtures = path.resolve(__dirname, '../../fixtures');
  for (const file of fs.readdirSync(fixtures).filter((f) => f.endsWith('.news'))) {
    it(`finds what the whole page's view finds, in ${file}`, () => {
      const { units, findings } = compareUnits(fs.readFileSync(path.join(fixtures, file), 'utf8'), file);
      // A wire story is one or two items, whose views start at the top of the page (base 0).
      if (file.startsWith('tianjin')) assert.ok(units > 5 && findings > 10, `the sample: ${units} units in views of their own, ${findings} findings`);
    });
  }

  it('finds what the whole page finds for every rule’s example, each between articles of the sample', () => {
    const sample = readSample();
    const parts: string[] = [sample];
    for (const rule of RULES) parts.push(rule.example.hit, sample.slice(0, 2000), rule.example.nearMiss);
    // CRLF line ends too: the view's text starts at a line start and ends where the next unit starts.
    const text = parts.join('\n\n');
    const { units, findings } = compareUnits(text, 'examples');
    const crlf = compareUnits(text.replace(/\n/g, '\r\n'), 'examples, CRLF');
    assert.ok(units > 20 && crlf.units === units, `${units} units`);
    const codes = new Set(runRules(computeDocumentModel(text), config, unitRules).findings.map((f) => f.code));
    for (const rule of unitRules) assert.ok(codes.has(rule.code), `${rule.code} fires on the page`);
    assert.ok(findings > 0);
  });

  it('gives the unit’s own offsets: the view starts at its first neighbour’s line, and is the whole view without `local`', () => {
    const text = readSample();
    const model = computeDocumentModel(text);
    const k = Math.floor(model.items.length / 2);
    const start = model.items[k].span.start;
    const seen = withUnitView(model, k, true, (view, base) => ({ base, start: view.items[0].span.start, kind: view.items[0].kind, blocks: view.blocks.length }));
    assert.equal(seen.base, model.lines.lineStarts[model.paragraphs[model.items[k - 1].firstBlock].startLine]);
    assert.equal(seen.start + seen.base, start);
    assert.equal(seen.kind, model.items[k].kind);
    assert.equal(seen.blocks, model.items[k + 2].firstBlock - model.items[k - 1].firstBlock);
    assert.equal(withUnitView(model, k, false, (view, base) => base === 0 && view.text === text && view.items[0] === model.items[k]), true);
  });

  it('moves the model back when the check throws', () => {
    const model = computeDocumentModel(readSample());
    const before = JSON.stringify(model);
    assert.throws(() => withUnitView(model, 2, true, () => {
      throw new Error('a failing check');
    }), /a failing check/);
    assert.equal(JSON.stringify(model), before);
  });

  // What the server keeps per article for the editor (`ModelCache.perItem`) is made in such views too, then moved
  // to the article's place: it must equal what the whole page gives.
  const features: [string, (model: DocumentModel, item: Item) => unknown, (value: never, offsets: number, lines: number) => unknown][] = [
    ['outline', itemSymbols, moveSymbols],
    ['folding', unitFoldingRanges, moveRanges],
    ['semantic tokens', unitTokens, moveTokens],
    ['code lens facts', computeArticleFacts, (value) => value],
  ];
  for (const [name, compute, move] of features) {
    it(`makes the ${name} of each article as the whole page does`, () => {
      const sample = readSample();
      const parts = [sample];
      for (const rule of RULES) parts.push(rule.example.hit);
      parts.push(sample.replace(/\n/g, '\r\n'));
      const text = parts.join('\n\n');
      const model = computeDocumentModel(text);
      const before = JSON.stringify(model);
      let away = 0;
      for (let k = 0; k < model.items.length; k++) {
        const whole = compute(model, model.items[k]);
        const local = withUnitView(model, k, true, (view, base, line, item) => {
          if (base > 0) away++;
          return move(compute(view, item) as never, base, line);
        }, 'window');
        assert.deepEqual(local, whole, `${name}, item ${k}`);
      }
      assert.ok(away > 15, `${away} items read away from the top`);
      assert.equal(JSON.stringify(model), before);
    });
  }
});
