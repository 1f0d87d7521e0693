/**
 * Findings kept per article must equal the findings of the whole document, for every registered rule: this is
 * what lets an edit re-check only its article. A rule that cannot be checked one article at a time fails here
 * and must declare `scope: 'document'`.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { computeIncrementalFindings, FindingsCancelled, findingsAround } from '../../../server/src/core/incrementalFindings';
import { computeModelUpdate } from '../../../server/src/core/incrementalModel';
import { RULES } from '../../../server/src/core/rules';
import { Rule } from '../../../server/src/core/rules/types';
import { ownBlockRange } from '../../../server/src/core/ruleScope';
import { paragraphs, readSample } from '../../support/text';

function pages(): string {
  const page = readSample();
  return [page, page.replace(/天津/g, '滨海'), '<!-- newsmark-disable missing-byline -->', page, '<!-- newsmark-enable missing-byline -->', page.replace(/\d/g, (d) => String((Number(d) + 3) % 10))].join('\n\n');
}

describe('findings per article', () => {
  it('equal the findings of the whole document on the sample page and on four pages with suppressions', () => {
    for (const text of [readSample(), pages()]) {
      const model = computeDocumentModel(text);
      const config = defaultConfig();
      const { result } = computeIncrementalFindings(model, config, null, []);
      assert.deepEqual(result, computeFindings(model, config));
      assert.ok(result.findings.length > 0);
    }
  });

  it('after edits, reuse the other articles and still equal a fresh check', () => {
    const config = defaultConfig();
    let model = computeDocumentModel(pages());
    let { state } = computeIncrementalFindings(model, config, null, []);
    const removeByline = model.articles.find((a) => a.bylines.length > 0 && a.dateline === null && a.credits.length === 0);
    assert.ok(removeByline, 'the sample has an article credited only by a byline');
    const edits = [
      { span: { start: removeByline.bylines[0].span.start, end: removeByline.bylines[0].span.end }, newText: '' },
      { span: { start: 3000, end: 3000 }, newText: '\n\n新的标题\n\n本报讯 新闻正文。\n\n' },
      { span: { start: model.text.length - 10, end: model.text.length - 5 }, newText: '' },
    ];
    for (const edit of edits) {
      const update = computeModelUpdate(model, [edit]);
      assert.ok(update.incremental);
      let checked = 0;
      const next = computeIncrementalFindings(update.model, config, state, update.kept, () => {
        checked++;
        return false;
      });
      assert.deepEqual(next.result, computeFindings(update.model, config));
      assert.ok(checked < update.model.items.length / 2, `re-checked ${checked} of ${update.model.items.length} items`);
      model = update.model;
      state = next.state;
    }
  });

  it('runs a document-scoped rule on the whole model, and an article-scoped one on one item at a time', () => {
    const seen: number[] = [];
    const perArticle: Rule = { code: 'a', defaultLevel: 'warning', summary: '', description: '', example: { hit: '', nearMiss: '' }, fixable: false, check: (c) => void seen.push(c.model.items.length) };
    const whole: Rule = { ...perArticle, code: 'b', scope: 'document' };
    const model = computeDocumentModel(paragraphs('第一个标题', '本报讯 正文一。', '第二个标题', '第二行', '本报讯 正文二。'));
    computeIncrementalFindings(model, defaultConfig(), null, [], () => false, [perArticle, whole]);
    assert.equal(model.items.length, 2);
    assert.deepEqual(seen, [1, 1, 2]);
  });

  const rule = (code: string, extra: Partial<Rule>): Rule => ({ code, defaultLevel: 'warning', summary: '', description: '', example: { hit: '', nearMiss: '' }, fixable: false, check: () => undefined, ...extra });

  it('gives a blocks-scoped rule views whose own blocks partition the page, in order', () => {
    const model = computeDocumentModel(pages());
    const ranges: { start: number; end: number }[] = [];
    const blocks = rule('blocks', { scope: 'blocks', check: (c) => void ranges.push(ownBlockRange(c.model)) });
    computeIncrementalFindings(model, defaultConfig(), null, [], () => false, [blocks]);
    assert.equal(ranges.length, model.items.length);
    assert.equal(ranges[0].start, 0);
    assert.equal(ranges[ranges.length - 1].end, model.blocks.length);
    for (let i = 1; i < ranges.length; i++) assert.equal(ranges[i].start, ranges[i - 1].end);
    assert.ok(ranges.every((r) => r.end > r.start));
  });

  it('keeps the summaries of item-comparing rules for units an edit did not touch, and compares them all', () => {
    const model = computeDocumentModel(pages());
    const summarized: number[] = [];
    let compared: unknown[] = [];
    const comparing = rule('compare', {
      scope: 'document',
      compareItems: {
        summarize: (view) => {
          summarized.push(view.items[0].index);
          return view.items[0].kind;
        },
        compare: (c, summaries) => {
          compared = [...summaries];
          c.report({ span: { start: 0, end: 1 }, message: `${summaries.length} units` });
        },
      },
      check: (c) => c.report({ span: { start: 0, end: 1 }, message: `${c.model.items.length} units` }),
    });
    const config = defaultConfig();
    const rules = [comparing];
    const first = computeIncrementalFindings(model, config, null, [], () => false, rules);
    assert.equal(summarized.length, model.items.length);
    assert.deepEqual(first.result, computeFindings(model, config, rules));
    const middle = model.articles[Math.floor(model.articles.length / 2)];
    const at = middle.lede!.content.start + 1;
    const update = computeModelUpdate(model, [{ span: { start: at, end: at }, newText: '字' }]);
    summarized.length = 0;
    assert.ok(update.incremental);
    const next = computeIncrementalFindings(update.model, config, first.state, update.kept, () => false, rules);
    assert.ok(summarized.length >= 1 && summarized.length < update.model.items.length / 3, `summarized again: ${summarized.join(', ')}`);
    assert.ok(summarized.includes(middle.index));
    assert.equal(compared.length, update.model.items.length);
    assert.deepEqual(next.result, computeFindings(update.model, config, rules));
  });

  it('equals the whole-document check without a cap, and when a rule reports outside its unit', () => {
    const model = computeDocumentModel(pages());
    const uncapped = { ...defaultConfig(), maxProblems: 0 };
    assert.deepEqual(computeIncrementalFindings(model, uncapped, null, []).result, computeFindings(model, uncapped));
    // A rule that reports every article at the top of the page: units are not in page order, so all are sorted.
    const stray = rule('stray', { check: (c) => c.model.articles.forEach((a) => c.report({ span: { start: 0, end: 0 }, message: a.headline?.text ?? '' })) });
    const capped = { ...defaultConfig(), maxProblems: 7 };
    const rules = [stray, ...RULES];
    assert.deepEqual(computeIncrementalFindings(model, capped, null, [], () => false, rules).result, computeFindings(model, capped, rules));
  });

  it('gives every finding around a span, past the problem cap, also after an edit moved the units', () => {
    const capped = { ...defaultConfig(), maxProblems: 5 };
    const uncapped = { ...capped, maxProblems: 0 };
    // The rules checked unit by unit: those are the ones whose findings can be looked up around a span.
    const rules = RULES.filter((r) => r.scope !== 'document' || r.compareItems);
    let model = computeDocumentModel(pages());
    let { state } = computeIncrementalFindings(model, capped, null, [], () => false, rules);
    const check = () => {
      const all = computeFindings(model, uncapped, rules).findings;
      assert.ok(all.length >= 4, `${all.length} findings`);
      for (const f of [all[0], all[Math.floor(all.length / 2)], all[all.length - 1]]) {
        const around = findingsAround(state, model, f.span);
        const touching = (x: typeof f) => x.span.start <= f.span.end && x.span.end >= f.span.start;
        assert.deepEqual(around.filter(touching), all.filter(touching));
        assert.ok(around.length < all.length / 2, `${around.length} of ${all.length}`);
      }
    };
    check();
    const update = computeModelUpdate(model, [{ span: { start: 100, end: 100 }, newText: '插入,' }]);
    assert.ok(update.incremental);
    state = computeIncrementalFindings(update.model, capped, state, update.kept, () => false, rules).state;
    model = update.model;
    check();
  });

  it('stops between articles when cancelled', () => {
    const model = computeDocumentModel(pages());
    let asked = 0;
    assert.throws(
      () =>
        computeIncrementalFindings(model, defaultConfig(), null, [], () => {
          asked++;
          return asked > 3;
        }),
      FindingsCancelled,
    );
    assert.equal(asked, 4);
  });
});
