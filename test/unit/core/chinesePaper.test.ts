/** Chinese newspaper pages: openers, bylines, credits, captions, and the hard cases of issue 2. */
import * as assert from 'node:assert/strict';
import { computeConvertedText } from '../../../server/src/core/convert';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { paragraphs } from '../../support/text';

const BODY = '这是一段完整的正文，讲述了天津市生态环境保护工作的最新进展和下一步安排。';
const LONG = '生态环境局党组理论学习中心组成员一致认为，百年党史深刻昭示，必须旗帜鲜明讲政治，切实加强理论武装。';

describe('Chinese newspaper structure', () => {
  describe('bylines and datelines', () => {
    it('reads roles and names fused with the dateline and the lede', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报记者郭文生 见习记者任效良天津报道 ' + BODY));
      const a = m.articles[0];
      assert.deepEqual(a.bylines.map((b) => [b.role, b.name]), [['本报记者', '郭文生'], ['见习记者', '任效良']]);
      assert.equal(a.dateline?.place, '天津');
      assert.equal(m.text.slice(a.lede!.content.start, a.lede!.content.end), BODY);
    });

    it('splits a name from a place it is fused with, preferring known places', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报记者 王五 南京报道 ' + BODY));
      assert.deepEqual(m.articles[0].bylines.map((b) => b.name), ['王五']);
      assert.equal(m.articles[0].dateline?.place, '南京');
      const fused = computeDocumentModel(paragraphs('标题在这里', '本报通讯员李明石家庄报道 ' + BODY));
      assert.deepEqual(fused.articles[0].bylines.map((b) => [b.role, b.name]), [['本报通讯员', '李明']]);
      assert.equal(fused.articles[0].dateline?.place, '石家庄');
    });

    it('reads 本报讯 with bylines in brackets', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯(记者 张三 通讯员 李四)' + BODY));
      const a = m.articles[0];
      assert.deepEqual(a.bylines.map((b) => [b.role, b.name]), [['记者', '张三'], ['通讯员', '李四']]);
      assert.equal(a.dateline?.agency, '本报');
      assert.equal(m.text.slice(a.lede!.content.start, a.lede!.content.end), BODY);
    });

    it('reads a dated 本报…电 dispatch', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报北京11月28日电（记者王某）' + BODY));
      const a = m.articles[0];
      assert.deepEqual(a.dateline && [a.dateline.place, a.dateline.date, a.dateline.agency], ['北京', '11月28日', '本报']);
      assert.deepEqual(a.bylines.map((b) => b.name), ['王某']);
    });

    it('reads ◆ bylines on a line of their own, and takes the next paragraph as the lede', () => {
      const m = computeDocumentModel(paragraphs('南开区扎实推进生态环境质量持续改善', '◆郭文生 任效良', BODY));
      const a = m.articles[0];
      assert.deepEqual(a.bylines.map((b) => b.name), ['郭文生', '任效良']);
      assert.equal(m.text.slice(a.lede!.content.start, a.lede!.content.end), BODY);
    });

    it('does not take an ordinary sentence that mentions a reporter for a byline', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '记者了解到，该项目将于年底前完工，届时将惠及周边居民。'));
      assert.equal(m.articles.length, 1);
      assert.deepEqual(m.articles[0].bylines, []);
    });
  });

  describe('credits', () => {
    it('takes a name alone after the last paragraph as a trailing credit', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '金文'));
      assert.deepEqual(m.articles[0].credits.map((c) => c.name), ['金文']);
    });

    it('takes names after the last 。 as trailing credits and keeps them out of the prose', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '促进全区经济实现高质量发展。任效良 孔超 赵伟光'));
      const a = m.articles[0];
      assert.deepEqual(a.credits.map((c) => c.name), ['任效良', '孔超', '赵伟光']);
      const last = a.body[a.body.length - 1];
      assert.equal(m.text.slice(last.content.start, last.content.end), '促进全区经济实现高质量发展。');
    });

    it('does not take words after the last 。 for names when they are not names', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '促进全区经济实现高质量发展。下一步'));
      assert.deepEqual(m.articles[0].credits, []);
    });

    it('calls a line of names inside the body an orphan credit, not a credit or a byline', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '◆郭文生', BODY, '任效良 董峰', '坚持一个科学指引', BODY));
      const a = m.articles[0];
      assert.deepEqual(a.orphanCredits.map((b) => b.paragraph.text), ['任效良 董峰']);
      assert.deepEqual(a.credits, []);
      assert.deepEqual(a.bylines.map((b) => b.name), ['郭文生']);
      assert.deepEqual(a.sections.map((s) => s.title), ['坚持一个科学指引']);
    });
  });

  describe('headlines, sections and column breaks', () => {
    it('does not take a short paragraph cut by a column break for a headline', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '通过专题学习研讨,天津市', LONG));
      assert.equal(m.articles.length, 1);
      assert.equal(m.blocks.find((b) => b.paragraph.text === '通过专题学习研讨,天津市')?.role, 'body');
      assert.deepEqual(m.articles[0].sections, []);
    });

    it('takes one short line between paragraphs for a section head, not a new article', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '坚持一个科学指引', BODY, '紧盯三条治污主线', BODY));
      assert.equal(m.articles.length, 1);
      assert.deepEqual(m.articles[0].sections.map((s) => s.title), ['坚持一个科学指引', '紧盯三条治污主线']);
    });

    it('starts a new article at a headline and subheadline followed by an opener', () => {
      const m = computeDocumentModel(paragraphs('标题一', '本报讯 ' + BODY, '蓟州区将添两大国家湿地公园', '8月底前建成,总面积1240多公顷', '本报讯 ' + BODY));
      assert.equal(m.articles.length, 2);
      assert.equal(m.articles[1].headline?.text, '蓟州区将添两大国家湿地公园');
      assert.deepEqual(m.articles[1].subheadlines.map((s) => s.text), ['8月底前建成,总面积1240多公顷']);
    });

    it('starts a new article at a headline and subheadline with no opener, after a finished paragraph', () => {
      const m = computeDocumentModel(paragraphs('标题一', '本报讯 ' + BODY, '河西区明确今年重点工作目标任务', 'PM2.5浓度不超过45微克/立方米', LONG));
      assert.equal(m.articles.length, 2);
      assert.equal(m.articles[1].headline?.text, '河西区明确今年重点工作目标任务');
    });

    it('does not take a subheadline-shaped pair for an article when the paragraph before is unfinished', () => {
      const m = computeDocumentModel(paragraphs('标题一', '本报讯 ' + BODY, '会议明确，要继续深入打好污染防治攻坚战，积极开展大气', '污染防治工作', '严格落实各项措施', LONG));
      assert.equal(m.articles.length, 1);
    });

    it('reads a bold banner with its —— line as the kicker, and a —— line after a headline as a subheadline', () => {
      const m = computeDocumentModel(paragraphs('天津市开展党史专题学习研讨', '**奋斗百年路\n启航新征程**\n——学党史 悟思想 办实事 开新局', '本报讯 ' + BODY));
      assert.equal(m.articles[0].kicker?.text, '奋斗百年路 启航新征程');
      assert.equal(m.articles[0].kickerSubtitle?.text, '学党史 悟思想 办实事 开新局');
      const dash = computeDocumentModel(paragraphs('一位老党员的初心', '——记天津市优秀共产党员张三', '本报讯 ' + BODY));
      assert.deepEqual(dash.articles[0].subheadlines.map((s) => s.text), ['——记天津市优秀共产党员张三']);
    });

    it('reads a kicker above a longer headline when three header lines stand before the opener', () => {
      const m = computeDocumentModel(paragraphs('学党史 办实事', '北辰区开展“我为群众办实事”实践活动', '现场帮助企业查找治污短板', '本报讯 ' + BODY));
      const a = m.articles[0];
      assert.equal(a.kicker?.text, '学党史 办实事');
      assert.equal(a.headline?.text, '北辰区开展“我为群众办实事”实践活动');
      assert.deepEqual(a.subheadlines.map((s) => s.text), ['现场帮助企业查找治污短板']);
    });
  });

  describe('photos', () => {
    it('attaches a caption and its credit inside an article to that article', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '图为执法人员正在检查设施运行情况。', '本报记者 张冬梅 摄', BODY));
      const a = m.articles[0];
      assert.equal(m.items.length, 1);
      assert.deepEqual(a.captions.map((c) => [c.text, c.credit]), [['图为执法人员正在检查设施运行情况。', '张冬梅']]);
    });

    it('reads a credit at the end of the caption itself', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '金文', '图为执法人员正在检查设施运行情况。张冬梅摄'));
      const photo = m.items.find((i) => i.kind === 'photo');
      assert.ok(photo && photo.kind === 'photo');
      assert.equal(photo.caption.credit, '张冬梅');
      assert.equal(photo.caption.text, '图为执法人员正在检查设施运行情况。');
    });

    it('reads a photo story whose caption follows its dateline as a caption, before and after conversion', () => {
      const caption = '4月上旬，执法总队对全市4家钢铁企业开展了执法检查。图为4月8日，执法人员正在检查设施运行情况。';
      const text = paragraphs('钢铁企业迎来审计式执法检查', `新华社天津4月9日电（记者 王某）${caption}`, '张冬梅摄');
      for (const t of [text, computeConvertedText(computeDocumentModel(text))]) {
        const a = computeDocumentModel(t).articles[0];
        assert.deepEqual(a.captions.map((c) => [c.text, c.credit]), [[caption, '张冬梅']], t);
        assert.deepEqual([a.dateline?.agency, a.dateline?.place, a.bylines.map((b) => b.name)], ['新华社', '天津', ['王某']]);
        assert.deepEqual(a.body, [], 'no body: the caption is not prose');
      }
      // Without a credit, the same prose after an opener is the lede.
      const lede = computeDocumentModel(paragraphs('钢铁企业迎来审计式执法检查', `新华社天津4月9日电（记者 王某）${caption}`)).articles[0];
      assert.equal(lede.captions.length, 0);
      assert.equal(lede.lede?.role, 'lede');
    });

    it('does not take 企图为 in prose for a caption', () => {
      const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 有企业企图为规避检查而关闭监控，被执法人员当场发现并依法查处。'));
      assert.deepEqual(m.articles[0].captions, []);
    });
  });

  it('reads Markdown headings as headline and section heads', () => {
    const m = computeDocumentModel(paragraphs('# 天津出台优化执法方式实施方案', BODY, '## 一、总体要求', BODY));
    assert.equal(m.articles[0].headline?.text, '天津出台优化执法方式实施方案');
    assert.deepEqual(m.articles[0].sections.map((s) => s.title), ['一、总体要求']);
  });

  it('keeps suppression comments out of prose and headings', () => {
    const m = computeDocumentModel(paragraphs('标题在这里', '本报讯 ' + BODY, '<!-- newsmark-disable-next-line orphan-credit -->', '任效良 董峰', BODY));
    assert.equal(m.blocks.find((b) => b.paragraph.text.startsWith('<!--'))?.role, 'comment');
    assert.ok(m.articles[0].body.every((b) => !b.paragraph.text.includes('<!--')));
  });
});
