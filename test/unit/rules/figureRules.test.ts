/**
 * The five figure rules on inline texts: a hit and the near misses each must not flag, in Chinese and English.
 * Each finding's message names both figures and its related information points at the other mention.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { findRule, RULES } from '../../../server/src/core/rules';
import { Finding } from '../../../server/src/core/rules/types';
import { paragraphs } from '../../support/text';

const FIGURE_CODES = ['count-mismatch', 'figure-mismatch', 'part-exceeds-whole', 'percent-out-of-range', 'sum-mismatch'];

function run(code: string, text: string, locale: 'en' | 'zh-cn' = 'en'): { findings: Finding[]; text: string; at: (f: Finding) => string; related: (f: Finding) => string[] } {
  const rule = findRule(code);
  assert.ok(rule, code);
  const model = computeDocumentModel(text);
  const result = computeFindings(model, { ...defaultConfig(), locale }, [rule]);
  assert.deepEqual(result.failures, []);
  return {
    findings: result.findings,
    text,
    at: (f) => text.slice(f.span.start, f.span.end),
    related: (f) => f.related.map((r) => text.slice(r.span.start, r.span.end)),
  };
}

/** A Chinese story: headline, 本报讯 lede, then body paragraphs. */
const zh = (...body: string[]) => paragraphs('标题在这里', '本报讯 ' + body[0], ...body.slice(1));
/** An AP story. */
const en = (...body: string[]) => paragraphs('Headline for the story', 'HOUSTON (AP) — ' + body[0], ...body.slice(1));

describe('figure rules', () => {
  it('are registered with stable codes, summaries and examples', () => {
    for (const code of FIGURE_CODES) {
      const rule = findRule(code);
      assert.ok(rule, code);
      assert.equal(rule.defaultLevel, 'warning');
      assert.ok(rule.summary.length > 10 && rule.description.length > 40);
      assert.ok(run(code, rule.example.hit).findings.length > 0, `${code} example hit`);
      assert.equal(run(code, rule.example.nearMiss).findings.length, 0, `${code} example near miss`);
    }
    assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
  });

  describe('count-mismatch', () => {
    it('flags a count before its 、 list that is one too many (Chinese)', () => {
      const r = run('count-mismatch', zh('温武瑞从学史明理、学史增信、学史崇德、学史力行五方面谈了学习体会。'));
      assert.equal(r.findings.length, 1);
      assert.equal(r.at(r.findings[0]), '五方面');
      assert.match(r.findings[0].message, /五方面.*5.*4 items/);
      assert.deepEqual(r.related(r.findings[0]), ['学史明理、学史增信、学史崇德、学史力行']);
    });

    it('flags a count after which a colon list has fewer items, with quotes and 和', () => {
      const r = run('count-mismatch', zh('要从政治上弄明白四大道理:中国共产党为什么“能”、马克思主义为什么“行”和中国特色社会主义为什么“好”。'));
      assert.equal(r.findings.length, 1);
      assert.equal(r.at(r.findings[0]), '四大');
    });

    it('flags semicolon clauses and numbered clauses (一是…三是) that disagree with the count', () => {
      let r = run('count-mismatch', zh('要坚持践行“两个行动”:坚持与理论武装相结合,见行动;坚持与工作实践相结合,见行动;坚持与作风建设相结合,见行动。'));
      assert.deepEqual(r.findings.map(r.at), ['两个']);
      r = run('count-mismatch', zh('南开区健全了五项机制,构建起新格局。', '一是持续深化调度响应机制。', '二是始终坚持领导协调机制。', '三是建立完善协商减排机制。'));
      assert.deepEqual(r.findings.map(r.at), ['五项']);
      assert.match(r.findings[0].message, /3 items are listed in the numbered clauses/);
    });

    it('quotes a long list flattened and cut after 40 characters, counting a character outside the BMP as one', () => {
      const r = run('count-mismatch', en('The utility set out five priorities:   lower\u3000 rates for 𠮷𠮷 families, cleaner  power and much faster repairs of lines.'));
      assert.equal(r.findings.length, 1);
      assert.match(r.findings[0].message, /: lower rates for 𠮷𠮷 families, cleaner pow…$/);
    });

    it('reads a colon followed only by commas as no list, and goes on checking the page', () => {
      // `run` asserts that the rule did not fail: it used to throw here and lose every finding of the page.
      const r = run('count-mismatch', zh('要做好五项工作：，。', '从学史明理、学史增信、学史崇德、学史力行五方面谈了体会。'));
      assert.deepEqual(r.findings.map(r.at), ['五方面']);
    });

    it('reports in Chinese when the locale is zh-cn', () => {
      const r = run('count-mismatch', zh('紧盯精准治污、科学治污、依法治污四条主线。'), 'zh-cn');
      assert.match(r.findings[0].message, /^“四条主线”说是4项，但前面列举的是3项/);
    });

    it('flags an English count with a colon list', () => {
      const r = run('count-mismatch', en('The utility set out four priorities: lower rates, cleaner power and faster repairs.'));
      assert.equal(r.findings.length, 1);
      assert.equal(r.at(r.findings[0]), 'four priorities');
      assert.match(r.findings[0].message, /says 4, but 3 items/);
    });

    it('near misses: matching lists, open lists, 和 inside an item, lists of figures', () => {
      const clean = [
        zh('从学史明理、学史增信、学史崇德、学史力行四方面谈了学习体会。'),
        zh('从大气、水、土壤等两方面入手。'),
        zh('要坚定崇尚“三德”:心中有党明大德、心中有民守公德、心中有戒严私德,提升精神境界才能持久发力。'),
        zh('建立了生物多样性和水质监测、科普宣教两项机制。'),
        zh('形成了专职网格员收集问题、区攻坚办转办督查、职能部门整改处置、区级领导通报调度的四级闭环工作体系。'),
        zh('建设科普宣教点位8处、生物多样性和水质监测点11处。'),
        zh('党组书记、局长从学史明理、学史增信、学史崇德三方面谈体会。'),
        zh('健全了四项机制:一是调度机制;二是协调机制;三是减排机制;四是整改机制。'),
        zh('通过坚持一个“科学指引”、紧盯三条“治污主线”、健全四项“工作机制”,推动了改善。'),
        zh('会议强调三点:要提高认识,加强领导,狠抓落实,确保成效。'),
        zh('今年以来已有3家企业完成改造。一是加强监管。二是完善制度。'),
        zh('全市新建了两座污水处理厂。一是加强监管。二是完善制度。三是强化考核。'),
        zh('要做到“三个坚持”:坚持问题导向、坚持目标导向、坚持结果导向。'),
        en('The utility set out three priorities: lower rates, cleaner power and faster repairs.'),
        en('The utility set out four priorities, including lower rates and cleaner power.'),
        en('It named three goals: rates, power, and repairs.'),
        en('Police named the two victims: John Smith, 45, and Jane Roe, 30.'),
        en('The company has three priorities: research and development, sales and marketing, and support.'),
        en('Officials gave two reasons: cost and safety.'),
        en('The governor met three officials: Mayor John Whitmire, Gov. Greg Abbott and Sen. Ted Cruz.'),
      ];
      for (const text of clean) assert.deepEqual(run('count-mismatch', text).findings.map((f) => f.message), [], text);
    });
  });

  describe('figure-mismatch', () => {
    it('flags a body figure that differs from the subheadline for the same subject and unit', () => {
      const text = paragraphs('蓟州区将添两大国家湿地公园', '8月底前建成,总面积1240多公顷', '本报讯 据了解,这两个国家湿地公园总面积1340多公顷,其中湿地面积700公顷。');
      const r = run('figure-mismatch', text);
      assert.equal(r.findings.length, 1);
      assert.equal(r.at(r.findings[0]), '1340多公顷');
      assert.match(r.findings[0].message, /1340多公顷.*1240多公顷/);
      assert.deepEqual(r.related(r.findings[0]), ['1240多公顷']);
    });

    it('flags an English headline figure the body contradicts', () => {
      const text = paragraphs('Plant opens in 3 states', 'HOUSTON (AP) — The company opened plants in four states this year.');
      const r = run('figure-mismatch', text);
      assert.deepEqual(r.findings.map(r.at), ['four states']);
      assert.deepEqual(r.related(r.findings[0]), ['3 states']);
    });

    it('lets a headline round to its trailing zeros, but not beyond', () => {
      assert.equal(run('figure-mismatch', paragraphs('Dow falls 500 points', 'NEW YORK (AP) — The Dow fell 612 points on Monday.')).findings.length, 1);
    });

    it('near misses: 六座 and 6座, three and 3, another subject, an approximate match, dates', () => {
      const clean = [
        paragraphs('新建六座污水处理厂', '本报讯 今年全市新建6座污水处理厂。'),
        paragraphs('Plant opens in 3 states', 'HOUSTON (AP) — The company opened plants in three states: Texas, Ohio and Utah.'),
        paragraphs('标题在这里', '8月底前建成,总面积1240多公顷', '本报讯 公园总面积1240多公顷,其中湿地面积700公顷。'),
        paragraphs('标题在这里', '总面积1240多公顷', '本报讯 公园总面积1245公顷。'),
        paragraphs('标题在这里', 'PM_{2.5}浓度不超过45微克/立方米', '本报讯 确保全区PM_{2.5}平均浓度不超过45微克/立方米,力争小于43微克/立方米。'),
        paragraphs('2020年排名全市第一', '本报讯 2021年综合指数排名全市第二;大气污染防治排名全市第一。'),
        paragraphs('全市工业产值增长5%', '本报讯 今年前三季度,全市工业产值增长5.2%。'),
        paragraphs('项目投资1.8亿元', '本报讯 该项目投资1.83亿元。'),
        paragraphs('Dow falls 500 points', 'NEW YORK (AP) — The Dow fell 512 points on Monday.'),
      ];
      for (const text of clean) assert.deepEqual(run('figure-mismatch', text).findings.map((f) => f.message), [], text);
    });
  });

  describe('part-exceeds-whole', () => {
    it('flags a 其中 part larger than its whole', () => {
      const r = run('part-exceeds-whole', zh('两个国家湿地公园总面积1240多公顷,其中湿地面积1300公顷。'));
      assert.deepEqual(r.findings.map(r.at), ['1300公顷']);
      assert.match(r.findings[0].message, /1300公顷.*1240多公顷/);
      assert.deepEqual(r.related(r.findings[0]), ['1240多公顷']);
    });

    it('follows a list of parts back to the whole', () => {
      const r = run('part-exceeds-whole', zh('公园总面积1240公顷,其中湿地500公顷、林地1300公顷。'));
      assert.deepEqual(r.findings.map(r.at), ['1300公顷']);
      assert.deepEqual(r.related(r.findings[0]), ['1240公顷']);
    });

    it('flags an English "of which" part', () => {
      const r = run('part-exceeds-whole', en('The utility serves 120,000 customers, of which 150,000 are in Texas.'));
      assert.deepEqual(r.findings.map(r.at), ['150,000']);
    });

    it('near misses: a smaller part, 100多 allowing up to 200, a lower-bound whole, rates, other units', () => {
      const clean = [
        zh('两个国家湿地公园总面积1240多公顷,其中湿地面积700公顷。'),
        zh('共检查企业100多家,其中重点企业150家。'),
        zh('共检查企业超过100家,其中重点企业150家。'),
        zh('全区工业产值增长20%,其中高新技术产业增长35%。'),
        zh('出动执法人员4500余人,其中检查点位5000家。'),
        zh('总面积1240公顷。其中湿地面积1300亩。'),
        zh('修复湿地4.4公顷,其中新建湿地3公顷,宣教长廊20米,滨岸植被带恢复18公顷。'),
        en('The utility serves 120,000 customers, of which 50,000 are in Texas.'),
      ];
      for (const text of clean) assert.deepEqual(run('part-exceeds-whole', text).findings.map((f) => f.message), [], text);
    });
  });

  describe('percent-out-of-range', () => {
    it('flags a share above 100% and names both figures', () => {
      const r = run('percent-out-of-range', zh('全区地表水优良水体比例要达到175%。'));
      assert.deepEqual(r.findings.map(r.at), ['达到175%']);
      assert.match(r.findings[0].message, /175%.*100%/);
    });

    it('flags a share below 0', () => {
      const r = run('percent-out-of-range', zh('新能源车辆占比为-5%。'));
      assert.deepEqual(r.findings.map(r.at), ['-5%']);
      assert.match(r.findings[0].message, /-5%.*below 0%/);
    });

    it('flags an English share and a full-width percentage', () => {
      assert.equal(run('percent-out-of-range', en('Renewables accounted for 120% of output.')).findings.length, 1);
      assert.equal(run('percent-out-of-range', zh('污染地块安全利用率为１２０％。')).findings.length, 1);
    });

    it('near misses: 100%, growth above 100%, a change of a share', () => {
      const clean = [
        zh('污染地块安全利用率保持100%。'),
        zh('全区工业产值同比增长150%。'),
        zh('新能源汽车销量比去年提高了120%。'),
        en('Sales rose 150% last year.'),
        en('Output was up 130% from a year earlier, the highest share in a decade.'),
      ];
      for (const text of clean) assert.deepEqual(run('percent-out-of-range', text).findings.map((f) => f.message), [], text);
    });
  });

  describe('sum-mismatch', () => {
    it('flags parts that do not add up to the stated total, with the parts as related information', () => {
      const r = run('sum-mismatch', zh('州河湿地公园500公顷、环秀湖湿地公园640公顷,共计1240公顷。'));
      assert.deepEqual(r.findings.map(r.at), ['1240公顷']);
      assert.match(r.findings[0].message, /500公顷 \+ 640公顷.*1140.*1240公顷/);
      assert.deepEqual(r.related(r.findings[0]), ['500公顷', '640公顷']);
    });

    it('flags 分别为 parts and an English total', () => {
      assert.equal(run('sum-mismatch', zh('两个公园总面积1240公顷,分别为500公顷和700公顷。')).findings.length, 1);
      assert.equal(run('sum-mismatch', en('It hired 30 nurses in Dallas and 40 nurses in Austin, for a total of 80 nurses.')).findings.length, 1);
    });

    it('near misses: an exact sum, rounding, a running total, approximate parts', () => {
      const clean = [
        zh('州河湿地公园500公顷、环秀湖湿地公园740公顷,共计1240公顷。'),
        zh('甲地1.2万元、乙地3.4万元,合计4.6万元。'),
        zh('甲公园4.4公顷、乙公园1.3公顷,共计5.8公顷。'),
        zh('今年新增5家、扩建3家,累计达70家。'),
        zh('公园总面积1240公顷,今年修复湿地4.4公顷、恢复植被18公顷,共计22.4公顷。'),
        en('It hired 30 nurses in Dallas, 40 in Austin and 10 in Waco, for a total of 80 nurses.'),
        zh('州河湿地公园500多公顷、环秀湖湿地公园700多公顷,共计1240多公顷。'),
        en('It hired 30 nurses in Dallas and 40 nurses in Austin, for a total of 70 nurses.'),
      ];
      for (const text of clean) assert.deepEqual(run('sum-mismatch', text).findings.map((f) => f.message), [], text);
    });
  });
});
