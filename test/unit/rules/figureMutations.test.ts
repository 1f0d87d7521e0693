/**
 * The sample page is consistent throughout, so it raises none of the figure codes; change one count or figure in
 * a copy and the matching rule reports exactly that spot (issue 3). Lines are 1-based, as the issue counts them.
 */
import * as assert from 'node:assert/strict';
import { getClaims } from '../../../server/src/core/claims';
import { defaultConfig } from '../../../server/src/core/config';
import { computeDocumentModel } from '../../../server/src/core/documentModel';
import { computeFindings } from '../../../server/src/core/findings';
import { Finding } from '../../../server/src/core/rules/types';
import { readSample } from '../../support/text';

const FIGURE_CODES = ['count-mismatch', 'figure-mismatch', 'part-exceeds-whole', 'percent-out-of-range', 'sum-mismatch'];

interface Mutated {
  text: string;
  findings: Finding[];
  /** 1-based line and the text of a span. */
  where(span: { start: number; end: number }): string;
}

/** Replaces the first `from` on 1-based `line` of the sample page with `to`, and lints the copy. */
function mutate(line: number, from: string, to: string): Mutated {
  const lines = readSample().split('\n');
  assert.ok(lines[line - 1].includes(from), `line ${line} has ${from}`);
  lines[line - 1] = lines[line - 1].replace(from, to);
  const text = lines.join('\n');
  const model = computeDocumentModel(text);
  const findings = computeFindings(model, defaultConfig()).findings.filter((f) => FIGURE_CODES.includes(f.code));
  return { text, findings, where: (span) => `${model.lines.positionAt(span.start).line + 1}:${text.slice(span.start, span.end)}` };
}

describe('figure rules on the sample page', () => {
  it('raise none of the figure codes on the clean page', () => {
    const model = computeDocumentModel(readSample());
    const findings = computeFindings(model, defaultConfig()).findings;
    assert.deepEqual(findings.filter((f) => FIGURE_CODES.includes(f.code)).map((f) => f.message), []);
    assert.ok(getClaims(model).length > 60, 'the page has figures to check');
  });

  const cases: { name: string; line: number; from: string; to: string; code: string; at: string; related: string }[] = [
    { name: '四方面→五方面 on line 17 (list before the count)', line: 17, from: '四方面', to: '五方面', code: 'count-mismatch', at: '17:五方面', related: '17:学史明理、学史增信、学史崇德、学史力行' },
    { name: '四方面→三方面 on line 17 (fewer than listed)', line: 17, from: '四方面', to: '三方面', code: 'count-mismatch', at: '17:三方面', related: '17:学史明理、学史增信、学史崇德、学史力行' },
    { name: '三大道理→四大道理 on line 17 (quoted 、 list after a colon)', line: 17, from: '三大道理', to: '四大道理', code: 'count-mismatch', at: '17:四大', related: '17:中国共产党为什么“能”、马克思主义为什么“行”、中国特色社会主义为什么“好”' },
    { name: '“四个自信”→“五个自信” on line 19', line: 19, from: '四个自信', to: '五个自信', code: 'count-mismatch', at: '19:五个', related: '' },
    { name: '“三德”→“四德” on line 19', line: 19, from: '“三德”', to: '“四德”', code: 'count-mismatch', at: '19:四', related: '' },
    { name: '“三个行动”→“四个行动” on line 19 (坚持…;坚持…;坚持…)', line: 19, from: '三个行动', to: '四个行动', code: 'count-mismatch', at: '19:四个', related: '' },
    { name: '三条主线→四条主线 on line 115', line: 115, from: '三条主线', to: '四条主线', code: 'count-mismatch', at: '115:四条', related: '115:精准治污、科学治污、依法治污' },
    { name: '四项机制→三项机制 on line 127 (list before and 一是…四是…)', line: 127, from: '四项机制', to: '三项机制', code: 'count-mismatch', at: '127:三项', related: '127:调度响应、领导协调、协商减排、整改处置' },
    { name: '“控源、治污、扩容、严管”四措→五措 on line 145', line: 145, from: '四措并举', to: '五措并举', code: 'count-mismatch', at: '145:五', related: '145:控源、治污、扩容、严管' },
    { name: '市、区两级→三级 on line 37 (single-character items)', line: 37, from: '市、区两级共同', to: '市、区三级共同', code: 'count-mismatch', at: '37:三级', related: '37:确认为市、区' },
    { name: '1240多公顷→1340多公顷 on line 67 (against the subheadline)', line: 67, from: '1240多公顷', to: '1340多公顷', code: 'figure-mismatch', at: '67:1340多公顷', related: '63:1240多公顷' },
    { name: '不超过45→不超过50 on line 141 (against the subheadline)', line: 141, from: '不超过45', to: '不超过50', code: 'figure-mismatch', at: '141:不超过50微克/立方米', related: '139:不超过45微克/立方米' },
    { name: '两大→三大 in the headline on line 61', line: 61, from: '两大', to: '三大', code: 'figure-mismatch', at: '65:两大', related: '61:三大' },
    { name: '湿地面积700公顷→1300公顷 on line 67 (其中 part bigger than the whole)', line: 67, from: '湿地面积700公顷', to: '湿地面积1300公顷', code: 'part-exceeds-whole', at: '67:1300公顷', related: '67:1240多公顷' },
    { name: 'a 其中 part bigger than its whole, added to line 71', line: 71, from: '修复湿地4.4公顷', to: '修复湿地4.4公顷,其中新建湿地5公顷', code: 'part-exceeds-whole', at: '71:5公顷', related: '71:4.4公顷' },
    { name: '比例达到75%→175% on line 143', line: 143, from: '75%', to: '175%', code: 'percent-out-of-range', at: '143:达到175%', related: '' },
    { name: 'a sum that does not add up, added to line 71', line: 71, from: '修复湿地4.4公顷', to: '修复湿地4.4公顷、恢复湿地2公顷,共计7.4公顷', code: 'sum-mismatch', at: '71:7.4公顷', related: '71:4.4公顷' },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const m = mutate(c.line, c.from, c.to);
      assert.deepEqual(m.findings.map((f) => `${f.code} ${m.where(f.span)}`), [`${c.code} ${c.at}`]);
      const f = m.findings[0];
      assert.ok(f.related.length > 0 || c.code === 'percent-out-of-range', 'points at the other mention');
      if (c.related) assert.equal(m.where(f.related[0].span), c.related);
    });
  }

  it('names both figures in the message', () => {
    const m = mutate(67, '1240多公顷', '1340多公顷');
    assert.match(m.findings[0].message, /1340多公顷/);
    assert.match(m.findings[0].message, /1240多公顷/);
  });
});
