/** Chinese and English wire copy: Xinhua, AP, Reuters. */
import * as assert from 'node:assert/strict';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { paragraphs } from '../../support/text';

describe('wire copy', () => {
  describe('Xinhua', () => {
    const text = paragraphs(
      '武汉长江新城建设提速',
      '首批重点项目集中开工',
      '新华社武汉3月12日电(记者 王某 李某)记者12日从武汉市政府获悉，长江新城首批12个重点项目当天集中开工。',
      '据介绍，这批项目涵盖基础设施、生态环境和公共服务等领域。',
      '项目负责人表示，将确保年底前完成主体工程。(完)',
    );

    it('reads the dispatch: place, date, agency and bylines in brackets', () => {
      const a = computeDocumentModel(text).articles[0];
      assert.equal(a.format, 'cn-wire');
      assert.deepEqual(a.dateline && [a.dateline.place, a.dateline.date, a.dateline.agency], ['武汉', '3月12日', '新华社']);
      assert.deepEqual(a.bylines.map((b) => [b.role, b.name]), [['记者', '王某'], ['记者', '李某']]);
      assert.equal(a.headline?.text, '武汉长江新城建设提速');
    });

    it('starts the lede after the bracket and takes (完) as the end mark, out of the prose', () => {
      const m = computeDocumentModel(text);
      const a = m.articles[0];
      assert.ok(m.text.slice(a.lede!.content.start).startsWith('记者12日从武汉市政府获悉'));
      assert.equal(a.endMark?.text, '(完)');
      const last = a.body[a.body.length - 1];
      assert.ok(m.text.slice(last.content.start, last.content.end).endsWith('主体工程。'));
    });

    it('reads (完) on a line of its own', () => {
      const a = computeDocumentModel(paragraphs('标题', '新华社北京电 据报道，这是一条消息。', '（完）')).articles[0];
      assert.equal(a.endMark?.text, '（完）');
      assert.equal(a.dateline?.place, '北京');
    });
  });

  describe('AP', () => {
    const text = paragraphs(
      'Storm knocks out power to thousands in Texas',
      'By JANE DOE and JOHN ROE\nAssociated Press',
      'HOUSTON (AP) — A powerful storm swept through southeast Texas on Tuesday, knocking out power to more than 200,000 customers, officials said.',
      'The National Weather Service said up to 6 inches of rain fell in some areas.',
      'Associated Press writer Jim Smith in Dallas contributed to this report.',
    );

    it('reads the By line, the agency line and the dateline', () => {
      const m = computeDocumentModel(text);
      const a = m.articles[0];
      assert.equal(m.articles.length, 1);
      assert.equal(a.format, 'en-wire');
      assert.equal(a.headline?.text, 'Storm knocks out power to thousands in Texas');
      assert.deepEqual(a.bylines.map((b) => b.name), ['JANE DOE', 'JOHN ROE']);
      assert.deepEqual(a.dateline && [a.dateline.place, a.dateline.agency], ['HOUSTON', 'AP']);
      assert.ok(m.text.slice(a.lede!.content.start).startsWith('A powerful storm'));
    });

    it('reads "contributed to this report" as a credit', () => {
      const a = computeDocumentModel(text).articles[0];
      assert.deepEqual(a.credits.map((c) => [c.name, c.role]), [['Jim Smith', 'contributor']]);
    });

    it('reads datelines with a state or country after the city', () => {
      const a = computeDocumentModel(paragraphs('Headline here', 'SAN JUAN, Puerto Rico (AP) — Officials said on Monday that the island would reopen.')).articles[0];
      assert.equal(a.dateline?.place, 'SAN JUAN, Puerto Rico');
    });

    it('does not take an all-caps word at the start of a sentence for a dateline', () => {
      const a = computeDocumentModel(paragraphs('Headline here', 'By Jane Doe', 'NASA said on Monday (in a statement) that the launch would go ahead.')).articles[0];
      assert.equal(a.dateline, null);
    });
  });

  describe('Reuters', () => {
    const text = paragraphs(
      'UK factory output falls for third month',
      'LONDON, Nov 28 (Reuters) - British factory output fell for a third consecutive month in October, official data showed on Friday.',
      'Output dropped 0.6% from September, the Office for National Statistics said.',
      '(Reporting by Jane Doe; Additional reporting by Ann Poe; Editing by Mark Roe and Sam Low)',
    );

    it('reads place, date and agency from the dateline', () => {
      const m = computeDocumentModel(text);
      const a = m.articles[0];
      assert.deepEqual(a.dateline && [a.dateline.place, a.dateline.date, a.dateline.agency], ['LONDON', 'Nov 28', 'Reuters']);
      assert.ok(m.text.slice(a.lede!.content.start).startsWith('British factory output'));
    });

    it('reads Reporting by …; Editing by … as credits with roles', () => {
      const a = computeDocumentModel(text).articles[0];
      assert.deepEqual(a.credits.map((c) => [c.role, c.name]), [
        ['reporting', 'Jane Doe'],
        ['additional reporting', 'Ann Poe'],
        ['editing', 'Mark Roe'],
        ['editing', 'Sam Low'],
      ]);
    });

    it('reads a multi-city dateline and Xinhua English datelines', () => {
      const a = computeDocumentModel(paragraphs('Headline', 'NEW YORK/LONDON, Nov 28 (Reuters) - Stocks rose on Friday.')).articles[0];
      assert.equal(a.dateline?.place, 'NEW YORK/LONDON');
      const x = computeDocumentModel(paragraphs('Headline', 'BEIJING, Nov. 28 (Xinhua) -- China on Friday announced new measures.')).articles[0];
      assert.deepEqual(x.dateline && [x.dateline.place, x.dateline.date, x.dateline.agency], ['BEIJING', 'Nov. 28', 'Xinhua']);
    });
  });

  it('splits a file of several wire stories into articles', () => {
    const m = computeDocumentModel(
      paragraphs(
        'First story headline',
        'LONDON, Nov 28 (Reuters) - First story lede sentence goes here.',
        '(Reporting by Jane Doe; Editing by Mark Roe)',
        'Second story headline',
        'HOUSTON (AP) — Second story lede sentence goes here.',
      ),
    );
    assert.deepEqual(m.articles.map((a) => a.headline?.text), ['First story headline', 'Second story headline']);
  });

  it('joins a hard-wrapped English paragraph into one', () => {
    const m = computeDocumentModel(
      paragraphs(
        'Headline of the story',
        'WASHINGTON (AP) — The Senate voted on Tuesday to approve the measure, sending\nit to the president, who is expected to sign it later this week after a\nlong debate.',
      ),
    );
    assert.equal(m.articles[0].body.length, 1);
    assert.equal(m.articles[0].body[0].paragraph.endLine, 4);
  });
});
