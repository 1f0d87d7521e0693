/** Claims: value, unit, kind, qualifier and subject of each figure, and the lookups hover and highlights use. */
import * as assert from 'node:assert/strict';
import { Claim, getClaimAt, getClaims, getRelatedMentions } from '../../../server/src/core/claims';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { DocumentModel } from '../../../server/src/core/model';
import { subjectTokens } from '../../../server/src/core/subjects';
import { paragraphs, readSample } from '../../support/text';

function claimsOf(text: string): Claim[] {
  return getClaims(computeDocumentModel(text));
}

function find(claims: Claim[], text: string): Claim {
  const c = claims.find((x) => x.text === text);
  assert.ok(c, `claim ${text} among ${claims.map((x) => x.text).join(' ')}`);
  return c;
}

describe('claims', () => {
  it('reads a figure that ends the text as it reads one inside it: unit, scale and qualifier', () => {
    const last = (text: string) => {
      const claims = claimsOf(text);
      return claims[claims.length - 1];
    };
    const year = last('本报讯 会议决定于2024年');
    assert.deepEqual([year.text, year.value, year.unit, year.kind], ['2024年', 2024, '年', 'date']);
    const month = last('本报讯 工程将于5月');
    assert.deepEqual([month.value, month.unit, month.kind], [5, '月', 'date']);
    const scaled = last('本报讯 全市常住人口15.6万');
    assert.deepEqual([scaled.value, scaled.text], [156000, '15.6万']);
    const bound = last('本报讯 活动吸引游客多达3');
    assert.deepEqual([bound.value, bound.qualifier?.kind], [3, 'atLeast']);
    const alone = last('9');
    assert.deepEqual([alone.value, alone.unit], [9, '']);
  });

  it('splits a subject into Han characters and lower-case Latin words without a final full stop', () => {
    assert.deepEqual(subjectTokens('PM2.5平均浓度'), ['pm2.5', '平', '均', '浓', '度']);
    assert.deepEqual(subjectTokens('U.S. Steel jobs..'), ['u.s', 'steel', 'jobs.']);
    assert.deepEqual(subjectTokens('PM_{2.5} 𠮷 é 2020年'), ['pm', '年']);
  });

  describe('on the sample page', () => {
    let model: DocumentModel;
    let claims: Claim[];
    const line = (c: Claim) => model.lines.positionAt(c.span.start).line + 1;
    before(() => {
      model = computeDocumentModel(readSample());
      claims = getClaims(model);
    });

    it('finds the figures of the page and computes them once per model', () => {
      assert.equal(claims.length, 70);
      assert.equal(getClaims(model), claims);
    });

    it('reads 1240多公顷 in the subheadline and the body as approximate areas of 总面积', () => {
      const both = claims.filter((c) => c.text === '1240多公顷');
      assert.deepEqual(both.map(line), [63, 67]);
      for (const c of both) {
        assert.equal(c.value, 1240);
        assert.equal(c.unit, '公顷');
        assert.equal(c.kind, 'quantity');
        assert.deepEqual(c.qualifier, { kind: 'approximate', text: '多' });
        assert.match(c.subject, /总面积$/);
      }
      assert.equal(both[0].role, 'subheadline');
      assert.equal(both[1].role, 'body');
    });

    it('gives 700公顷 the subject 湿地面积 and 不超过45 its bound and PM2.5平均浓度', () => {
      assert.equal(find(claims, '700公顷').subject, '湿地面积');
      const pm = claims.filter((c) => c.text === '不超过45微克/立方米');
      assert.deepEqual(pm.map(line), [139, 141]);
      assert.equal(pm[1].subject, 'PM2.5平均浓度');
      assert.equal(pm[0].subject, 'PM2.5浓度');
      assert.deepEqual(pm[1].qualifier, { kind: 'atMost', text: '不超过' });
      assert.equal(pm[1].unit, '微克/立方米');
      const target = find(claims, '小于43微克/立方米');
      assert.equal(target.subject, 'PM2.5平均浓度', 'a clause without a subject takes the one before it');
    });

    it('reads counts, ranks, percentages, money and years', () => {
      assert.deepEqual([find(claims, '四方面').kind, find(claims, '四方面').value, find(claims, '四方面').unit], ['count', 4, '方面']);
      assert.equal(find(claims, '两座').value, 2);
      const fourth = find(claims, '第四');
      assert.deepEqual([fourth.kind, fourth.value], ['rank', 4]);
      assert.deepEqual([find(claims, '100%').kind, find(claims, '100%').subject], ['percent', '污染地块安全利用率']);
      const money = find(claims, '45万元');
      assert.deepEqual([money.kind, money.value, money.unit], ['money', 450000, '元']);
      assert.equal(claims.filter((c) => c.text === '2020年')[0].kind, 'date');
      assert.deepEqual(find(claims, '4500余人(次)').qualifier, { kind: 'approximate', text: '余' });
    });

    it('never reads the opener, names or enumerators as figures', () => {
      const texts = claims.map((c) => c.text);
      for (const name of ['十四五', '一是', '二是', '一河一策', '三地', '2.5', '三棵树', '十分']) assert.ok(!texts.some((t) => t.includes(name)), name);
      for (const c of claims) assert.ok(['headline', 'subheadline', 'body'].includes(c.role));
    });

    it('answers the claim at an offset, and the other mentions of its subject in the article', () => {
      const body = claims.filter((c) => c.text === '1240多公顷')[1];
      assert.equal(getClaimAt(model, body.span.start + 2), body);
      assert.equal(getClaimAt(model, body.span.end), body, 'a cursor right after the figure');
      assert.equal(getClaimAt(model, model.text.indexOf('天津市生态环境局党组')), null);
      const related = getRelatedMentions(model, body).map((c) => `${line(c)}:${c.text}`);
      assert.ok(related.includes('63:1240多公顷'), related.join(' '));
      assert.ok(!related.includes('67:1240多公顷'), 'not itself');
      const pmRelated = getRelatedMentions(model, claims.filter((c) => c.text === '不超过45微克/立方米')[0]).map(line);
      assert.deepEqual(pmRelated, [141, 141]);
    });
  });

  describe('inline texts', () => {
    it('reads English figures: customers, three states, about, up to, percent, money', () => {
      const claims = claimsOf(
        paragraphs(
          'Utility adds customers in 3 states',
          'HOUSTON (AP) — The utility now serves about 120,000 customers in three states. Factory output rose 5.5 percent, and the plan costs $1.8 billion, up to twenty-one sites.',
        ),
      );
      const customers = find(claims, 'about 120,000 customers');
      assert.deepEqual([customers.value, customers.unit, customers.subject, customers.qualifier?.kind], [120000, 'customer', 'customers', 'approximate']);
      assert.equal(find(claims, '3 states').unit, find(claims, 'three states').unit);
      const output = find(claims, '5.5 percent');
      assert.deepEqual([output.kind, output.subject], ['percent', 'Factory output']);
      const cost = find(claims, '$1.8 billion');
      assert.deepEqual([cost.kind, cost.value, cost.unit], ['money', 1.8e9, '$']);
      assert.equal(find(claims, 'up to twenty-one sites').qualifier?.kind, 'atMost');
    });

    it('never reads the opener: the date of 本报北京11月28日电 is not a claim, the lede’s figures are', () => {
      const claims = claimsOf(paragraphs('标题在这里', '本报北京11月28日电(记者 张三) 全市新增绿地120公顷。'));
      assert.deepEqual(claims.map((c) => c.text), ['120公顷']);
    });

    it('reads 二季度 as a quarter, 1000 GMT as a time, and 6 inches as a measure', () => {
      let claims = claimsOf(paragraphs('标题在这里', '本报讯 新规将于今年二季度起陆续实施。'));
      assert.deepEqual(claims.map((c) => [c.text, c.kind, c.unit]), [['二季度', 'date', '季度']]);
      claims = claimsOf(paragraphs('Oil rises', 'LONDON, Nov 28 (Reuters) - Brent rose 42 cents to $82.10 a barrel by 1000 GMT. Up to 6 inches of snow fell.'));
      assert.deepEqual(find(claims, '1000 GMT').kind, 'date');
      assert.deepEqual([find(claims, 'Up to 6 inches').unit, find(claims, 'Up to 6 inches').kind], ['inches', 'quantity']);
    });

    it('does not run Latin words of two paragraphs together into a subject', () => {
      const claims = claimsOf(paragraphs('标题在这里', '本报讯 see the newsmark', '优良天数比例达到75%。'));
      assert.equal(find(claims, '达到75%').subject, '优良天数比例');
    });

    it('keeps the last twelve characters of a long subject as a reader counts them (a character outside the BMP is one)', () => {
      const split = claimsOf(paragraphs('标题在这里', '本报讯 蓟州区𠮷𠮷国家湿地公园保护区面积700公顷。'));
      assert.equal(find(split, '700公顷').subject, '𠮷国家湿地公园保护区面积');
      const inside = claimsOf(paragraphs('标题在这里', '本报讯 蓟州区湿地公园保护区𠮷面积700公顷。'));
      assert.equal(find(inside, '700公顷').subject, '州区湿地公园保护区𠮷面积');
    });

    it('reads 1.8亿元, 15.6万人 and 百分之三十', () => {
      const claims = claimsOf(paragraphs('标题在这里', '本报讯 项目投资1.8亿元,惠及15.6万人,覆盖率达到百分之三十。'));
      assert.deepEqual([find(claims, '1.8亿元').value, find(claims, '1.8亿元').unit], [1.8e8, '元']);
      assert.equal(find(claims, '15.6万人').value, 156000);
      const share = claims.find((c) => c.kind === 'percent');
      assert.deepEqual([share?.value, share?.unit, share?.text], [30, '%', '达到百分之三十']);
    });
  });
});
