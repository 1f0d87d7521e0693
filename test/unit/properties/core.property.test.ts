/**
 * Properties of the whole core over generated news-like text (see test/support/arbitraries.ts): it is total
 * (no exception and no failing rule on any string), every span it returns lies inside the document and never
 * splits a surrogate pair, and every range is a real LSP position. Written over what the core exports — the
 * rule registry, findings, the model, the outline and the summary — so rules added later are covered as they
 * are registered. NEWSMARK_PROPERTY_RUNS raises the number of cases for a soak run.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig, NewsmarkConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { DocumentModel } from '../../../server/src/core/model';
import { getOutline } from '../../../server/src/core/outline';
import { RULES } from '../../../server/src/core/rules';
import { summarizeDocument } from '../../../server/src/core/summary';
import { BYLINE_OPENERS, document, hugeLine, openerRun, propertyRuns, punctuationRun } from '../../support/arbitraries';
import { spanProblem } from '../../support/edits';
import { collectPositions, positionProblem } from '../../support/spans';

/** Every registered rule on, in both display languages, with no cap: nothing is left unexercised. */
function everyRuleOn(locale: NewsmarkConfig['locale']): NewsmarkConfig {
  const config = defaultConfig();
  for (const rule of RULES) config.rules[rule.code] = { level: 'hint' };
  return { ...config, maxProblems: 0, locale };
}

const CONFIGS = [everyRuleOn('en'), everyRuleOn('zh-cn')];

/** Runs everything the core offers on one text; throws if anything throws or a rule fails. */
function analyse(text: string) {
  const model = computeDocumentModel(text);
  const results = CONFIGS.map((config) => computeFindings(model, config));
  for (const r of results) assert.deepEqual(r.failures, [], 'no rule fails');
  const outline = getOutline(model);
  const summary = summarizeDocument(model);
  JSON.stringify(summary);
  return { model, findings: results[0].findings, outline, summary };
}

function assertPositionsInside(model: DocumentModel, roots: Record<string, unknown>): void {
  for (const [name, root] of Object.entries(roots)) {
    const { spans, ranges } = collectPositions(root);
    for (const s of spans) {
      const p = spanProblem(model.text, s.value);
      assert.equal(p, null, `${name}${s.path}: ${p}`);
    }
    for (const r of ranges) {
      for (const end of [r.value.start, r.value.end]) {
        const p = positionProblem(model.lines, end);
        assert.equal(p, null, `${name}${r.path}: ${p}`);
      }
    }
  }
}

describe('properties: the core is total', () => {
  it('never throws, and no rule fails, on news-like text and on any string', () => {
    fc.assert(
      fc.property(document, (text) => {
        analyse(text);
      }),
      { numRuns: propertyRuns(1500) },
    );
  });

  it('never throws on long runs of one punctuation mark or one byline opener', () => {
    const run = fc.tuple(fc.oneof(punctuationRun, openerRun), fc.integer({ min: 10, max: 60 })).map(([r, n]) => r.repeat(n));
    fc.assert(
      fc.property(run, (text) => {
        analyse(text);
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  it('reads a 5 MB single line', () => {
    const text = hugeLine('本报记者郭文生天津报道 天津市“十四五”生态环境保护规划，1、2、3。𠮷😀(完)', 5 * 1024 * 1024);
    const { model } = analyse(text);
    assert.equal(model.lines.lineCount, 1);
    assert.ok(model.paragraphs.length >= 1);
  });

  it('reads a 1 MB line of one opener repeated', () => {
    for (const opener of ['本报记者', '1、']) {
      const { model } = analyse(hugeLine(opener, 1024 * 1024));
      assert.equal(model.paragraphs.length, 1);
    }
  });

  it('reads every byline opener on its own, and each one fused to the next', () => {
    for (const a of BYLINE_OPENERS) for (const b of BYLINE_OPENERS) analyse(`${a}${b}\n\n${a}\r\n${b}`);
  });
});

describe('properties: spans and ranges lie inside the document', () => {
  it('in the model, the outline, the summary and every finding (with its related spans and fixes)', () => {
    fc.assert(
      fc.property(document, (text) => {
        const { model, findings, outline, summary } = analyse(text);
        assertPositionsInside(model, { model, outline, summary, findings });
        for (const f of findings) {
          const range = model.lines.rangeOf(f.span);
          assert.equal(positionProblem(model.lines, range.start), null);
          assert.equal(positionProblem(model.lines, range.end), null);
        }
      }),
      { numRuns: propertyRuns(1500) },
    );
  });

  it('the span check itself catches a span outside the text and one that splits 𠮷', () => {
    const text = 'a𠮷b';
    assert.match(spanProblem(text, { start: 0, end: 9 }) ?? '', /outside/);
    assert.match(spanProblem(text, { start: 2, end: 4 }) ?? '', /starts inside a surrogate pair/);
    assert.match(spanProblem(text, { start: 0, end: 2 }) ?? '', /ends inside a surrogate pair/);
    assert.equal(spanProblem(text, { start: 1, end: 3 }), null);
  });

  it('paragraphs are in order, do not overlap, and each one is its own text', () => {
    fc.assert(
      fc.property(document, (text) => {
        const model = computeDocumentModel(text);
        let previous = 0;
        for (const p of model.paragraphs) {
          assert.ok(p.span.start >= previous, `paragraph ${p.index} starts before the previous one ends`);
          assert.equal(p.text, text.slice(p.span.start, p.span.end));
          assert.ok(p.startLine <= p.endLine && p.endLine < model.lines.lineCount);
          previous = p.span.end;
        }
        for (const b of model.blocks) {
          assert.ok(b.content.start >= b.paragraph.span.start && b.content.end <= b.paragraph.span.end, 'a block’s content lies in its paragraph');
        }
      }),
      { numRuns: propertyRuns(800) },
    );
  });
});
