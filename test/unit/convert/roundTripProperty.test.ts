/**
 * Round trip, property-tested: pages of generated articles in every format the reader knows (本报记者…报道,
 * 本报讯, ◆ bylines with section heads, Xinhua dispatches, AP and Reuters wire), with column banners, trailing
 * credits, end marks and photos between stories, must convert without changing their outline or losing a
 * paragraph, and converting the result must change nothing.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeConvertedText } from '../../../server/src/core/convert';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { bodyParagraphs, comparableOutline, roundTrip } from '../../support/roundTrip';

const CN_HEADLINES = ['天津出台优化执法方式实施方案', '蓟州区将添两大国家湿地公园', '南开区扎实推进生态环境质量持续改善', '河西区明确今年重点工作目标任务', '滨海新区加快建设绿色港口', '静海区启动农村人居环境整治'];
const CN_SUBHEADLINES = ['年底前建立非现场监管程序规范', '8月底前建成,总面积1240多公顷', 'PM_{2.5}浓度不超过45微克/立方米', '首批12个项目集中开工'];
const CN_SENTENCES = [
  '天津市生态环境局日前召开专题会议,研究部署下一阶段重点工作。',
  '据了解,今年全市将新建污水处理设施12座,改造管网300公里。',
  '会议要求,各区要压实责任,确保各项任务按期完成。',
  '“我们将继续加大执法力度,严厉打击各类环境违法行为。”该局负责人说。',
  '目前,相关项目已完成前期手续,预计年内全部开工建设。',
  '通过这些措施,全市空气质量持续改善,优良天数比例达到70%。',
];
const CN_SECTIONS = ['坚持一个科学指引', '紧盯三条治污主线', '健全四项工作机制'];
const CN_NAMES = ['郭文生', '任效良', '张冬梅', '孔超', '赵伟光', '董峰', '王某', '李某'];
const CN_ROLES = ['本报记者', '见习记者', '通讯员', '本报见习记者'];
const CN_PLACES = ['天津', '北京', '武汉', '海口', '上海'];
const EN_HEADLINES = ['Storm knocks out power to thousands in Texas', 'Oil prices edge higher as supply concerns linger', 'City council approves new transit budget'];
const EN_SENTENCES = [
  'Officials said the storm knocked out power to more than 200,000 customers.',
  'The National Weather Service said up to 6 inches of rain fell in some areas.',
  'Analysts said the market would watch next week\'s meeting closely.',
  '"We have crews out in every county," a spokeswoman said.',
];
const EN_NAMES = ['JANE DOE', 'JOHN ROE', 'ANN POE'];
const EN_PLACES = ['HOUSTON', 'LONDON', 'NEW YORK', 'SINGAPORE'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const names = fc.uniqueArray(pick(CN_NAMES), { minLength: 1, maxLength: 3 });
const cnBody = fc.array(pick(CN_SENTENCES), { minLength: 1, maxLength: 4 });
const enBody = fc.array(pick(EN_SENTENCES), { minLength: 1, maxLength: 3 });

const header = fc.record({
  headline: pick(CN_HEADLINES),
  subheadline: fc.option(pick(CN_SUBHEADLINES), { nil: undefined }),
  banner: fc.boolean(),
});

function cnHeader(h: { headline: string; subheadline?: string; banner: boolean }): string[] {
  const out = [h.headline];
  if (h.subheadline) out.push(h.subheadline);
  if (h.banner) out.push('**奋斗百年路\n启航新征程**\n——学党史 悟思想 办实事 开新局');
  return out;
}

const cnReport = fc.record({ h: header, names, roles: fc.array(pick(CN_ROLES), { minLength: 3, maxLength: 3 }), place: pick(CN_PLACES), body: cnBody, credit: fc.option(names, { nil: undefined }) }).map((x) => {
  const byline = x.names.map((n, i) => `${x.roles[i]}${n}`).join(' ');
  const paras = [...cnHeader(x.h), `${byline}${x.place}报道 ${x.body[0]}`, ...x.body.slice(1)];
  if (x.credit) paras.push(x.credit.join(' '));
  return paras;
});

const cnXun = fc.record({ h: header, body: cnBody, credit: fc.option(pick(CN_NAMES), { nil: undefined }) }).map((x) => {
  const paras = [...cnHeader(x.h), `本报讯 ${x.body[0]}`, ...x.body.slice(1)];
  if (x.credit) paras.push(x.credit);
  return paras;
});

const cnMarked = fc.record({ h: header, names, body: cnBody, sections: fc.uniqueArray(pick(CN_SECTIONS), { maxLength: 2 }), more: cnBody }).map((x) => {
  const paras = [...cnHeader(x.h), `◆${x.names.join(' ')}`, ...x.body];
  for (const s of x.sections) paras.push(s, ...x.more);
  return paras;
});

const xinhua = fc.record({ headline: pick(CN_HEADLINES), subheadline: fc.option(pick(CN_SUBHEADLINES), { nil: undefined }), place: pick(CN_PLACES), day: fc.integer({ min: 1, max: 28 }), names: fc.option(names, { nil: undefined }), body: cnBody, end: fc.constantFrom('inline', 'line', 'none') }).map((x) => {
  const bracket = x.names ? `(记者 ${x.names.join(' ')})` : ' ';
  const body = [...x.body];
  if (x.end === 'inline') body[body.length - 1] += '(完)';
  const paras = [x.headline, ...(x.subheadline ? [x.subheadline] : []), `新华社${x.place}3月${x.day}日电${bracket}${body[0]}`, ...body.slice(1)];
  if (x.end === 'line') paras.push('（完）');
  return paras;
});

const ap = fc.record({ headline: pick(EN_HEADLINES), names: fc.uniqueArray(pick(EN_NAMES), { minLength: 1, maxLength: 2 }), agencyLine: fc.boolean(), place: pick(EN_PLACES), body: enBody, contributor: fc.boolean() }).map((x) => {
  const by = `By ${x.names.join(' and ')}${x.agencyLine ? '\nAssociated Press' : ''}`;
  const paras = [x.headline, by, `${x.place} (AP) — ${x.body[0]}`, ...x.body.slice(1)];
  if (x.contributor) paras.push('Associated Press writer Jim Smith in Dallas contributed to this report.');
  return paras;
});

const reuters = fc.record({ headline: pick(EN_HEADLINES), place: pick(EN_PLACES), body: enBody, credits: fc.boolean() }).map((x) => {
  const paras = [x.headline, `${x.place}, Nov 28 (Reuters) - ${x.body[0]}`, ...x.body.slice(1)];
  if (x.credits) paras.push('(Reporting by Ann Poe; Editing by Mark Roe)');
  return paras;
});

const photo = fc.constant(['图为4月8日,执法人员在企业检查污染防治设施运行情况。', '张冬梅摄']);

const chineseArticle = fc.oneof(cnReport, cnXun, cnMarked, xinhua);
const page = fc.oneof(
  fc.array(fc.tuple(chineseArticle, fc.option(photo, { nil: undefined })), { minLength: 1, maxLength: 4 }).map((items) => items.flatMap(([a, p]) => [...a, ...(p ?? [])])),
  fc.array(fc.oneof(ap, reuters), { minLength: 1, maxLength: 3 }).map((items) => items.flat()),
);

export const PROPERTY_RUNS = 300;
export const ODD_TEXT_RUNS = 500;

// Headlines and paragraphs of odd characters: YAML indicators (`: # - * & ! | > ' " % @ \` { } [ ] , ? ~`),
// numbers and words YAML would read as other types. The block must quote them and the reader must agree.
const odd = (alphabet: string, max: number) =>
  fc
    .array(fc.constantFrom(...alphabet.split('')), { minLength: 1, maxLength: max })
    .map((a) => a.join('').trim())
    .filter((s) => s.length > 0 && !/^-{3}$/.test(s));
const oddCn = odd('天津市环境局报道新闻 :#-*&!|>\'"%@`{}[],?~=年月日12ABCabc', 20);
const oddEn = odd('Storm hits Texas :#-*&!|>\'"%@`{}[],?~=12ABC', 30);
const oddArticle = fc.oneof(
  fc.tuple(oddCn, fc.option(oddCn, { nil: undefined }), fc.constantFrom('本报讯 ', '本报记者郭文生天津报道 ', '新华社北京3月1日电 '), fc.array(oddCn, { minLength: 1, maxLength: 3 })),
  fc.tuple(oddEn, fc.option(oddEn, { nil: undefined }), fc.constantFrom('HOUSTON (AP) — ', 'LONDON, Nov 28 (Reuters) - '), fc.array(oddEn, { minLength: 1, maxLength: 3 })),
).map(([h, s, opener, body]) => [h, ...(s ? [s] : []), `${opener}天津市生态环境局日前召开专题会议。`, ...body].join('\n\n'));
const oddPage = fc.array(oddArticle, { minLength: 1, maxLength: 3 }).map((articles) => articles.join('\n\n') + '\n');

describe('conversion round trip on generated pages (fast-check)', () => {
  it(`keeps outline and paragraphs, and is idempotent, over ${PROPERTY_RUNS} generated pages`, () => {
    let cases = 0;
    let paragraphs = 0;
    let articles = 0;
    fc.assert(
      fc.property(page, (paras) => {
        const text = paras.join('\n\n') + '\n';
        const rt = roundTrip(text);
        assert.deepEqual(comparableOutline(rt.result), comparableOutline(rt.original));
        assert.deepEqual(bodyParagraphs(rt.result), bodyParagraphs(rt.original));
        assert.equal(computeConvertedText(computeDocumentModel(rt.converted)), rt.converted);
        assert.ok(rt.result.articles.every((a) => a.format === 'front-matter'));
        cases++;
        paragraphs += rt.paragraphs;
        articles += rt.original.articles.length;
      }),
      { numRuns: PROPERTY_RUNS, seed: 20260429 },
    );
    assert.equal(cases, PROPERTY_RUNS);
    assert.ok(paragraphs > PROPERTY_RUNS);
    if (process.env.NEWSMARK_ROUND_TRIP_STATS) console.log(`round trip: ${cases} pages, ${articles} articles, ${paragraphs} body paragraphs compared`);
  });

  it(`holds for ${ODD_TEXT_RUNS} pages of odd characters`, () => {
    let cases = 0;
    let paragraphs = 0;
    let articles = 0;
    fc.assert(
      fc.property(oddPage, (text) => {
        const rt = roundTrip(text);
        assert.deepEqual(comparableOutline(rt.result), comparableOutline(rt.original));
        assert.deepEqual(bodyParagraphs(rt.result), bodyParagraphs(rt.original));
        assert.equal(computeConvertedText(computeDocumentModel(rt.converted)), rt.converted);
        cases++;
        paragraphs += rt.paragraphs;
        articles += rt.original.articles.length;
      }),
      { numRuns: ODD_TEXT_RUNS, seed: 7 },
    );
    assert.equal(cases, ODD_TEXT_RUNS);
    if (process.env.NEWSMARK_ROUND_TRIP_STATS) console.log(`round trip (odd characters): ${cases} pages, ${articles} articles, ${paragraphs} body paragraphs compared`);
  });
});
