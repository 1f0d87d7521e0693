/**
 * A paragraph keeps its kind, its block's role and the blank lines before it in one small integer
 * (`core/paragraphs.ts`): each reads back as it was set, and setting the role changes nothing else.
 */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import type { Role } from '../../../server/src/core/model';
import { MAX_BLANK_LINES, Paragraph, ParagraphKind, computeParagraphs } from '../../../server/src/core/paragraphs';
import { LineIndex } from '../../../server/src/core/text';

const ROLES: Role[] = ['kicker', 'kickerSubtitle', 'headline', 'subheadline', 'byline', 'agency', 'lede', 'body', 'section', 'caption', 'photoCredit', 'credit', 'orphanCredit', 'endMark', 'frontMatter', 'comment'];
const KINDS: ParagraphKind[] = ['text', 'comment', 'frontMatter'];

describe('paragraphs: kind, role and blank lines packed', () => {
  it('every kind, role and count of blank lines reads back as set, whatever the others are', () => {
    for (const kind of KINDS) {
      for (const blank of [0, 1, 2, 7, 63, 64, 1000, 123456, MAX_BLANK_LINES]) {
        const p = new Paragraph(3, kind, 10, 20, 'x'.repeat(10), 4, 5, blank);
        assert.equal(p.role, 'body');
        for (const role of ROLES) {
          p.role = role;
          assert.deepEqual([p.kind, p.role, p.blankLinesBefore, p.index, p.start, p.end, p.startLine, p.endLine], [kind, role, blank, 3, 10, 20, 4, 5]);
        }
      }
    }
  });

  it('holds more blank lines than that at the most it records, and refuses a role that is none', () => {
    assert.equal(new Paragraph(0, 'text', 0, 1, 'x', 0, 0, MAX_BLANK_LINES + 5).blankLinesBefore, MAX_BLANK_LINES);
    const p = new Paragraph(0, 'text', 0, 1, 'x', 0, 0, 2);
    assert.throws(() => (p.role = 'standfirst' as Role), /not a block role: standfirst/);
    assert.equal(p.role, 'body');
  });

  it('counts the blank lines before each paragraph of a page, and its kind', () => {
    const text = '---\ntitle: x\n---\n\n\n甲\n\n\n\n<!-- newsmark-disable -->\n乙\n丙';
    const paragraphs = computeParagraphs(new LineIndex(text));
    assert.deepEqual(paragraphs.map((p) => [p.kind, p.blankLinesBefore, p.text]), [
      ['frontMatter', 0, '---\ntitle: x\n---'],
      ['text', 2, '甲'],
      ['comment', 3, '<!-- newsmark-disable -->'],
      ['text', 0, '乙'],
      ['text', 0, '丙'],
    ]);
  });

  it('the articles read set each block role in its paragraph', () => {
    const model = computeDocumentModel('社区养老有了新去处\n\n本报记者 郭文生\n\n本报讯 本市新建养老驿站12个。\n\n（完）');
    assert.deepEqual(model.paragraphs.map((p) => p.role), ['headline', 'byline', 'lede', 'endMark']);
  });
});

describe("articles' empty lists", () => {
  it('are one frozen list in every article, and a list with elements is each its own', () => {
    const page = '社区养老有了新去处\n\n本报记者 郭文生\n\n本报讯 本市新建养老驿站12个。\n\n';
    const model = computeDocumentModel(page + page.replace('社区养老有了新去处', '公园绿地增至百处'));
    const [a, b] = model.articles;
    assert.equal(model.articles.length, 2);
    for (const key of ['sections', 'captions', 'credits', 'orphanCredits'] as const) {
      assert.equal(a[key].length, 0, key);
      assert.equal(a[key], b[key], key);
      assert.ok(Object.isFrozen(a[key]), key);
    }
    assert.throws(() => (a.captions as unknown[]).push({}), TypeError);
    assert.equal(a.bylines.length, 1);
    assert.notEqual(a.bylines, b.bylines);
    assert.notEqual(a.body, b.body);
  });
});
