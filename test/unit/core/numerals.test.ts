/** Numerals as news copy writes them, and the numerals that are names rather than figures. */
import * as assert from 'node:assert/strict';
import { findNumerals, parseChineseNumeral, parseEnglishNumber } from '../../../server/src/core/numerals';

function values(text: string): [string, number, boolean][] {
  return findNumerals(text).map((n) => [text.slice(n.start, n.end), n.value, n.ordinal]);
}

describe('numerals', () => {
  describe('Chinese numerals', () => {
    const cases: [string, number][] = [
      ['两', 2],
      ['十', 10],
      ['十一', 11],
      ['二十', 20],
      ['三十五', 35],
      ['一百零五', 105],
      ['一千二百四十', 1240],
      ['一千二', 1200],
      ['三万五千', 35000],
      ['一亿', 1e8],
      ['二〇二〇', 2020],
      ['零', 0],
    ];
    for (const [text, value] of cases) it(`${text} is ${value}`, () => assert.equal(parseChineseNumeral(text), value));

    it('rejects malformed runs, which are names (十四五) or not numbers', () => {
      for (const text of ['十四五', '一二三', '万', '百千', '五四三']) assert.equal(parseChineseNumeral(text), null, text);
    });
  });

  describe('English number words', () => {
    it('reads cardinals, compounds, a dozen and ordinals', () => {
      assert.deepEqual(parseEnglishNumber('twenty-one'), { value: 21, ordinal: false });
      assert.deepEqual(parseEnglishNumber('a dozen'), { value: 12, ordinal: false });
      assert.deepEqual(parseEnglishNumber('fourth'), { value: 4, ordinal: true });
      assert.deepEqual(parseEnglishNumber('one hundred and five'), { value: 105, ordinal: false });
      assert.deepEqual(parseEnglishNumber('three million'), { value: 3e6, ordinal: false });
      assert.equal(parseEnglishNumber('several'), null);
    });
  });

  describe('scanning text', () => {
    it('reads Arabic numbers with separators, decimals and full-width digits', () => {
      assert.deepEqual(values('共120,000人'), [['120,000', 120000, false]]);
      assert.deepEqual(values('比例为０.６%'), [['０.６', 0.6, false]]);
      assert.deepEqual(values('占比0.6%'), [['0.6', 0.6, false]]);
    });

    it('scales mixed forms: 15.6万, 1.8亿, 1.2 million', () => {
      assert.deepEqual(values('15.6万人'), [['15.6万', 156000, false]]);
      assert.deepEqual(values('投资1.8亿元'), [['1.8亿', 1.8e8, false]]);
      assert.deepEqual(values('1.2 million people'), [['1.2 million', 1.2e6, false]]);
    });

    it('reads 1240 in 1240多 and leaves 多 to the qualifier', () => {
      assert.deepEqual(values('总面积1240多公顷'), [['1240', 1240, false]]);
    });

    it('reads ordinals: 第四, 第二轮, fourth, 4th', () => {
      assert.deepEqual(values('排名全市第四'), [['第四', 4, true]]);
      assert.deepEqual(values('第二轮督察'), [['第二', 2, true]]);
      assert.deepEqual(values('ranked fourth and 4th'), [['fourth', 4, true], ['4th', 4, true]]);
    });

    it('reads English words in running text: twenty-one, a dozen', () => {
      assert.deepEqual(values('hired twenty-one engineers and a dozen managers'), [['twenty-one', 21, false], ['a dozen', 12, false]]);
    });

    it('leaves out names and words that contain numerals', () => {
      const notFigures = [
        '推动“十四五”开好局',
        '实施“一河一策”分区施策',
        '“一次执法、全面查清”',
        '一是持续深化调度机制',
        '二是始终坚持协调机制',
        '依托京津冀执法联动工作机制,持续开展三地联合执法',
        'PM_{2.5}年均浓度',
        'PM2.5 and PM10 and SO2',
        '天津三棵树涂料有限公司',
        '具有十分重要的意义',
        '探索第三方机构用于辅助执法',
        '设置一个学习专题',
        'one of the plants',
        'COVID-19 and 5G',
      ];
      for (const text of notFigures) assert.deepEqual(values(text), [], text);
    });
  });
});
