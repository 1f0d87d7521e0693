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
import { NewsmarkConfig } from '../../../server/src/core/config';
import { testRule } from '../../support/testRule';
import { paragraphs, readSample } from '../../support/text';

function pages(): string {
  const page = readSample();
  return [page, page.replace(/天津/g, '滨海'), '<!-- newsmark-disable missing-byline -->', page, '<!-- newsmark-enable missing-byline -->', page.replace(/\d/g, (d) => String((Number(d) + 3) % 10))].join('\n\n');
}

/**
 * Applies `edits` one after the other (each found in the current text: `find` replaced by `by`), checking after each
 * that the findings kept per unit equal a fresh check of the whole text, for every rule and without the problem cap.
 * Returns the findings of each step, so a test can also check that the edit changed what it meant to.
 */
function editAndCompare(text: string, edits: { find: string; by: string; last?: boolean }[]): { code: string; message: string }[][] {
  const config: NewsmarkConfig = { ...defaultConfig(), maxProblems: 0 };
  let model = computeDocumentModel(text);
  const first = computeIncrementalFindings(model, config, null, []);
  let state = first.state;
  // Copied as they are now: a later update moves the spans a finding shares with the model.
  const snapshot = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const results = [snapshot(first.result)];
  const texts = [text];
  for (const edit of edits) {
    const at = edit.last ? model.text.lastIndexOf(edit.find) : model.text.indexOf(edit.find);
    assert.ok(at >= 0, `"${edit.find}" is in the text`);
    const update = computeModelUpdate(model, [{ span: { start: at, end: at + edit.find.length }, newText: edit.by }]);
    assert.ok(update.incremental, `the edit "${edit.find}" → "${edit.by}" is read incrementally`);
    const next = computeIncrementalFindings(update.model, config, state, update.kept);
    model = update.model;
    state = next.state;
    results.push(snapshot(next.result));
    texts.push(model.text);
  }
  // Fresh checks only once the edits are done: between them, they would be the last comparison an item-comparing
  // rule remembers, and the keystroke path (one kept comparison after another) would go untested.
  results.forEach((result, i) => assert.deepEqual(result, snapshot(computeFindings(computeDocumentModel(texts[i]), config)), i === 0 ? 'before the edits' : `after "${edits[i - 1].find}" → "${edits[i - 1].by}"`));
  return results.map((result) => result.findings.map((f) => ({ code: f.code, message: f.message })));
}

const codes = (step: { code: string }[], code: string) => step.filter((f) => f.code === code).length;

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
    // Every registered rule is checked unit by unit (none reads the whole page any more).
    const rules = RULES;
    assert.deepEqual(RULES.filter((r) => r.scope === 'document' && !r.compareItems).map((r) => r.code), []);
    let model = computeDocumentModel(pages());
    let { state } = computeIncrementalFindings(model, capped, null, [], () => false, rules);
    const check = () => {
      const all = computeFindings(model, uncapped, rules).findings;
      assert.ok(all.length > 100, `${all.length} findings`);
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

  it('drops the findings of units past the problem cap and checks them again when edits bring them under it', () => {
    const config = { ...defaultConfig(), maxProblems: 10 };
    let model = computeDocumentModel(pages());
    let { state, result } = computeIncrementalFindings(model, config, null, []);
    assert.deepEqual(result, computeFindings(model, config));
    // Delete the text of the first three articles, a few characters at a time from the top: the findings that were
    // handed out go, and units whose findings had been dropped come under the cap.
    const end = model.articles[3].span.start;
    for (let at = end - 40; at > 0; at -= 400) {
      const update = computeModelUpdate(model, [{ span: { start: Math.max(0, at - 400), end: at }, newText: '' }]);
      const next = computeIncrementalFindings(update.model, config, state, update.kept);
      assert.deepEqual(next.result, computeFindings(update.model, config));
      model = update.model;
      state = next.state;
      result = next.result;
    }
    assert.equal(result.findings.length, 10);
  });

  it('equal a fresh check after 60 random edits, each reusing the findings kept from the one before', () => {
    let seed = 20261129;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const inserts = ['字', '，', ',', '。', '\n', '\n\n', '本报记者王某', '\n\n新标题在这里\n\n', '（完）', '“', '2021年', 'PM_{2.5}', ' and '];
    const config = { ...defaultConfig(), maxProblems: 300 };
    let model = computeDocumentModel(pages());
    let state = computeIncrementalFindings(model, config, null, []).state;
    let incremental = 0;
    for (let n = 0; n < 60; n++) {
      const at = Math.floor(next() * model.text.length);
      const change = next() < 0.6 ? { span: { start: at, end: at }, newText: inserts[Math.floor(next() * inserts.length)] } : { span: { start: at, end: Math.min(model.text.length, at + 1 + Math.floor(next() * 30)) }, newText: '' };
      const update = computeModelUpdate(model, [change]);
      if (update.incremental) incremental++;
      const found = computeIncrementalFindings(update.model, config, state, update.kept);
      assert.deepEqual(found.result, computeFindings(update.model, config), `edit ${n}: ${JSON.stringify(change)}`);
      model = update.model;
      state = found.state;
    }
    assert.ok(incremental > 30, `${incremental} of 60 edits were incremental`);
  });

  it('moves findings that share related entries and fixes once each, however often the text above them grows', () => {
    // One related list and one fix object for both findings of an article, as a rule that gives a report again does.
    const sharing = testRule('test-sharing', (context) => {
      for (const article of context.model.articles) {
        if (!article.headline || article.body.length === 0) continue;
        const related = [{ span: article.headline.span, message: 'the headline' }];
        const body = article.body[0].content;
        const fixes = [{ title: 'mark', edits: [{ span: { start: body.start, end: body.start }, newText: '※' }], safe: true }];
        context.report({ span: article.headline.span, message: 'headline', related, fixes });
        context.report({ span: body, message: 'body', related, fixes });
      }
    });
    const config = { ...defaultConfig(), maxProblems: 0 };
    const rules = [sharing];
    let model = computeDocumentModel(pages());
    let { state } = computeIncrementalFindings(model, config, null, [], () => false, rules);
    for (let k = 0; k < 3; k++) {
      const update = computeModelUpdate(model, [{ span: { start: 10, end: 10 }, newText: '插入' }]);
      const next = computeIncrementalFindings(update.model, config, state, update.kept, () => false, rules);
      assert.deepEqual(next.result, computeFindings(update.model, config, rules), `after edit ${k + 1}`);
      model = update.model;
      state = next.state;
    }
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

  describe('across the edges of units', () => {
    const WETLAND = ['蓟州区将添两大国家湿地公园', '本报讯 天津市蓟州区州河、环秀湖两大国家湿地公园建设进展顺利，预计将于今年8月底前全部建成。', '据了解，这两个国家湿地公园总面积1240多公顷，其中湿地面积700公顷。', '金文'];

    it('a broken wrap at the end of an article, and a new article typed right after it', () => {
      const text = paragraphs(readSample(), '河西区部署治污工作', '本报讯 会议要求，要采取个人自学与集中学习讨论相结合的方式进', '行学习。会前，每位成员都认真研读了原著', readSample());
      const steps = editAndCompare(text, [
        { find: '行学习。会前', by: '新的标题\n\n本报讯 行学习。会前' },
        { find: '新的标题\n\n本报讯 行学习。会前', by: '行学习。会前' },
        { find: '认真研读了原著', by: '认真研读了原著。' },
      ]);
      assert.ok(codes(steps[0], 'broken-wrap') > codes(steps[1], 'broken-wrap'), 'the wrap is gone once a new article starts after it');
      assert.equal(codes(steps[2], 'broken-wrap'), codes(steps[0], 'broken-wrap'));
    });

    it('a quotation left open at the end of an article, before a headline that opens a quotation and after one edited not to', () => {
      const text = paragraphs(readSample(), '河西区部署治污工作', '本报讯 温武瑞说：“要坚持精准治污、科学治污、依法治污。', '“双碳”目标引领绿色发展', '本报讯 会议明确了今年的重点工作。', readSample());
      const steps = editAndCompare(text, [
        { find: '“双碳”目标', by: '双碳目标' },
        { find: '双碳目标', by: '“双碳”目标' },
        { find: '依法治污。', by: '依法治污。”' },
      ]);
      assert.equal(codes(steps[1], 'unbalanced-pair'), codes(steps[0], 'unbalanced-pair') + 1, 'the open quotation is reported once the next paragraph no longer reopens it');
      assert.equal(codes(steps[2], 'unbalanced-pair'), codes(steps[0], 'unbalanced-pair'));
    });

    it('duplicate articles edited to differ and back', () => {
      const text = paragraphs(readSample(), ...WETLAND, readSample(), ...WETLAND, readSample());
      const steps = editAndCompare(text, [
        { find: '其中湿地面积700公顷', by: '其中林地面积900公顷', last: true },
        { find: '其中林地面积900公顷', by: '其中湿地面积700公顷' },
        { find: '蓟州区将添两大国家湿地公园', by: '蓟州区将添两座国家湿地公园' },
      ]);
      const duplicates = steps.map((s) => codes(s, 'duplicate-article'));
      assert.ok(duplicates[0] > duplicates[1], 'editing the second copy makes it a different article');
      assert.equal(duplicates[2], duplicates[0]);
      assert.equal(duplicates[3], duplicates[0], 'a copy under another headline is still a copy');
    });

    it('an article typed in that cannot repeat any other, then made a copy of one and back', () => {
      // Typing in an article whose body and headline meet no other's leaves the comparison's answer as it was (the
      // rule reuses it); making it a copy must not.
      const OTHER = ['红桥区新建口袋公园', '本报讯 红桥区今年新建改建口袋公园12个，新增绿化面积3.6万平方米，居民出门五分钟可见绿。', '李明'];
      const text = paragraphs(readSample(), ...WETLAND, ...OTHER, readSample());
      const steps = editAndCompare(text, [
        { find: '口袋公园12个', by: '口袋公园15个' },
        { find: '口袋公园15个', by: '口袋公园12个' },
        { find: OTHER.slice(1).join('\n\n'), by: WETLAND.slice(1).join('\n\n') },
        { find: WETLAND.slice(1).join('\n\n'), by: OTHER.slice(1).join('\n\n'), last: true },
      ]);
      const duplicates = steps.map((s) => codes(s, 'duplicate-article'));
      assert.equal(duplicates[1], duplicates[0]);
      assert.equal(duplicates[2], duplicates[0]);
      assert.equal(duplicates[3], duplicates[0] + 1, 'the article made a copy of the wetland story is reported');
      assert.equal(duplicates[4], duplicates[0]);
    });

    it('a cut-off article that becomes the last of the document when the articles after it are deleted', () => {
      const tail = paragraphs('北辰区开展实践活动', '本报讯 天津市北辰区生态环境局扎实开展实践活动，对辖区内3家企业开展帮扶。', '任效良');
      const text = paragraphs(readSample(), readSample(), '河西区部署治污工作', '本报讯 会议明确，要继续深入打好污染防治攻坚战，清淤运河河', tail);
      const steps = editAndCompare(text, [
        { find: '\n\n' + tail, by: '' },
        { find: '清淤运河河', by: '清淤运河河\n\n' + tail, last: true },
      ]);
      const atEnd = (s: { message: string }[]) => s.filter((f) => f.message.includes('at the end of the document')).length;
      assert.equal(atEnd(steps[1]), atEnd(steps[0]) + 1);
      assert.equal(atEnd(steps[2]), atEnd(steps[0]));
    });
  });
});
