/**
 * The structure core's hand-written scanners (line breaks, names after the last sentence, end marks, header
 * shapes, the gazetteer) stand in for regular expressions that were too slow on long pages; these cases pin
 * the edges where a scanner and its pattern could part: mixed line breaks, the 40-character limit on trailing
 * names, spaces around an end mark, a full stop inside bold markup, a place fused with a name.
 */
import * as assert from 'node:assert/strict';
import { parseAgencyLine } from '../../../server/src/core/bylines';
import { captionShape } from '../../../server/src/core/captions';
import { isEndMark, parseContributorLine, parseInlinePhotoCredit, parsePhotoCredit, parseTrailingNames, trailingEndMark } from '../../../server/src/core/credits';
import { isHeaderShape, isSectionShape } from '../../../server/src/core/features';
import { splitNameAndPlace } from '../../../server/src/core/names';
import { LineIndex } from '../../../server/src/core/text';

describe('structure scanners', () => {
  it('reads photo credits, end marks, agency lines, contributor lines and wire photo captions with spaces around them, and refuses their near misses by an edge character', () => {
    assert.deepEqual(parsePhotoCredit('  本报记者 张冬梅 摄影 \u3000', 0)?.map((c) => c.name), ['张冬梅']);
    assert.deepEqual(parsePhotoCredit('(AP Photo/Jane Doe)\t', 0)?.map((c) => c.name), ['Jane Doe']);
    assert.equal(parsePhotoCredit('张冬梅摄于天津', 0), null);
    assert.equal(parseInlinePhotoCredit('图为湿地公园一角。张冬梅摄 ', 0)?.credits[0].name, '张冬梅');
    assert.equal(parseInlinePhotoCredit('图为湿地公园一角。张冬梅摄制', 0), null);
    assert.ok(isEndMark(' \u3000(完) '));
    assert.ok(isEndMark('END'));
    assert.ok(isEndMark('—完—'));
    assert.ok(!isEndMark('完'));
    assert.equal(parseAgencyLine('  The Associated Press '), 'Associated Press');
    assert.equal(parseAgencyLine(' Xinhua'), 'Xinhua');
    assert.equal(parseAgencyLine('Associated Press writers'), null);
    assert.equal(captionShape('Firefighters work at the scene. (AP Photo/Jane Doe) '), 'opening');
    assert.equal(captionShape('Firefighters work at the scene. (AP Photo/Jane Doe).'), null);
    const contributors = (t: string) => parseContributorLine(t, 0)?.map((c) => c.name) ?? null;
    assert.deepEqual(contributors('Associated Press writer Jane Doe in Dallas contributed to this report. '), ['Jane Doe']);
    assert.deepEqual(contributors('Jane Doe contributed'), ['Jane Doe']);
    assert.deepEqual(contributors('REUTERS REPORTER JANE DOE CONTRIBUTED TO THIS STORY'), ['JANE DOE']);
    assert.equal(contributors('Jane Doe contributed to this report。'), null);
  });

  it('starts a line after CR, LF and CRLF, and never inside a CRLF', () => {
    assert.deepEqual(Array.from(new LineIndex('a\r\r\nb\n\rc\r').lineStarts), [0, 2, 4, 6, 7, 9]);
    assert.deepEqual(Array.from(new LineIndex('\r\n\r\n').lineStarts), [0, 2, 4]);
    assert.deepEqual(Array.from(new LineIndex('no break').lineStarts), [0]);
  });

  it('takes up to 40 characters after the last sentence for trailing names, and not 41', () => {
    const forty = '任效良' + ' '.repeat(35) + '孔超';
    const found = parseTrailingNames('会议强调。' + forty, 100);
    assert.deepEqual(found?.credits.map((c) => [c.name, c.span.start]), [['任效良', 105], ['孔超', 143]]);
    assert.equal(found?.start, 5);
    assert.equal(parseTrailingNames('会议强调。 ' + forty, 0)?.start, 6, 'spaces after the full stop are not part of the names');
    assert.equal(parseTrailingNames('会议强调。' + forty.replace('孔', ' 孔'), 0), null, 'one character too many');
    assert.equal(parseTrailingNames('会议强调。任效良。', 0), null, 'the names must follow the last full stop');
    assert.equal(parseTrailingNames('任效良 孔超', 0), null, 'no sentence before them');
  });

  it('finds an end mark only at the end, after text, with spaces around it', () => {
    assert.equal(trailingEndMark('新闻发布会。(完)  '), 6);
    assert.equal(trailingEndMark('新闻发布会。（ END ）'), 6);
    assert.equal(trailingEndMark('(完)'), -1);
    assert.equal(trailingEndMark('新闻发布会(完)。'), -1);
  });

  it('reads header shapes through bold markup and headings', () => {
    assert.equal(isHeaderShape('**奋斗百年路\n启航新征程**'), true);
    assert.equal(isHeaderShape('**奋斗。百年路**'), false);
    assert.equal(isHeaderShape('坚持一个科学指引：'), false);
    assert.equal(isHeaderShape('## 坚持一个科学指引'), true);
    assert.equal(isSectionShape('## 坚持，一个'), true, 'a ## heading is a section head whatever it says');
    assert.equal(isHeaderShape('本'.repeat(41)), false);
    assert.equal(isHeaderShape('**' + '本'.repeat(40) + '**'), true);
  });

  it('splits a name from the longest known place it ends with', () => {
    assert.deepEqual(splitNameAndPlace('任效良乌鲁木齐'), { name: '任效良', place: '乌鲁木齐' });
    assert.deepEqual(splitNameAndPlace('欧阳修南宁'), { name: '欧阳修', place: '南宁' });
    assert.deepEqual(splitNameAndPlace('张三蓟州区'), { name: '张三蓟', place: '州区' });
  });
});
