/**
 * fast-check arbitraries for news-like text. Uniformly random strings almost never look like a byline, a
 * dateline or a front-matter block, so they would leave most of the core untried; these build documents from
 * the pieces real pages are made of (lines of the sample page, openers, names, credits, captions, end marks)
 * and mix in what breaks naive code: CR/CRLF/LF mixes, a BOM, NUL, lone surrogates, characters outside the
 * BMP (𠮷, emoji), long runs of one punctuation mark or one byline opener, and huge lines.
 *
 * The number of cases per property is `propertyRuns(default)`; set NEWSMARK_PROPERTY_RUNS for a longer soak
 * (it replaces every default). fast-check prints the seed and the shrunk counterexample on failure; replay
 * one with `fc.assert(property, { seed, path })`.
 */
import fc from 'fast-check';
import { readSample } from './text';

/** Cases per property: the default, or NEWSMARK_PROPERTY_RUNS when set (for a soak run). */
export function propertyRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.NEWSMARK_PROPERTY_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

/** The non-blank lines of the sample page, and slices of them: real prose, headlines, bylines, credits. */
const SAMPLE_LINES: string[] = readSample()
  .split(/\r\n|\r|\n/)
  .filter((l) => l.trim().length > 0);

export const sampleLine: fc.Arbitrary<string> = fc.constantFrom(...SAMPLE_LINES);

/** A piece of a sample line, cut at arbitrary UTF-16 offsets (which may split nothing: the page is all BMP). */
export const sampleFragment: fc.Arbitrary<string> = fc
  .tuple(sampleLine, fc.nat(), fc.nat())
  .map(([line, a, b]) => {
    const i = a % (line.length + 1);
    const j = b % (line.length + 1);
    return line.slice(Math.min(i, j), Math.max(i, j));
  });

/** What opens an article or a story in the formats the core reads. */
export const BYLINE_OPENERS = [
  '本报记者',
  '本报讯',
  '本报讯(记者 张三)',
  '本报记者郭文生 见习记者任效良天津报道 ',
  '◆',
  '◆郭文生 任效良',
  '新华社北京3月12日电',
  '新华社武汉3月12日电(记者 王某 李某)',
  '(记者 王某 李某)',
  'By ',
  'By JANE DOE and JOHN ROE',
  'HOUSTON (AP) — ',
  'LONDON, Nov 28 (Reuters) - ',
  '本报北京11月28日电',
];

export const bylineOpener: fc.Arbitrary<string> = fc.constantFrom(...BYLINE_OPENERS);

/** Lines that end stories, label photos, or are markup the core gives a meaning to. */
const STRUCTURE = [
  '金文',
  '任效良 孔超 赵伟光',
  '张冬梅摄',
  '(新华社记者 李四 摄)',
  '图为4月8日，执法人员在检查。',
  '图：天津港',
  '(AP Photo/Jane Doe)',
  '(完)',
  '（完）',
  '###',
  '-30-',
  '(Reporting by Jane Doe; Editing by John Roe)',
  'Associated Press writer Jane Doe in Dallas contributed to this report.',
  '**奋斗百年路',
  '启航新征程**',
  '**奋斗百年路 启航新征程**',
  '——学党史 悟思想',
  '【生态环保】',
  '# 标题',
  '## 坚持一个科学指引',
  '- 列表',
  '1、',
  '2) ',
  '---',
  '...',
  'headline: 天津出台方案',
  'bylines: [郭文生, 任效良]',
  'dateline: {place: 天津, agency: 本报}',
  'a: &a [x, x]',
  'b: [*a, *a]',
  '<!-- newsmark-disable-next-line -->',
  '<!-- newsmark-disable orphan-credit -->',
  '<!-- newsmark-enable orphan-credit -->',
  '<!--',
  '-->',
  '坚持一个科学指引',
  '……',
  '——',
];

export const structureLine: fc.Arbitrary<string> = fc.constantFrom(...STRUCTURE);

const PUNCTUATION = ['。', '，', '、', '；', '：', '？', '！', '“', '”', '‘', '’', '（', '）', '【', '】', '《', '》', '…', '—', '·', '.', ',', ';', ':', '?', '!', '"', "'", '(', ')', '[', ']', '{', '}', '*', '-', '#', '<', '>', '/', '\\', '&', '|'];

export const punctuation: fc.Arbitrary<string> = fc.constantFrom(...PUNCTUATION);

/** A run of one punctuation mark: `。。。。`, `((((`, `————`. */
export const punctuationRun: fc.Arbitrary<string> = fc.tuple(punctuation, fc.integer({ min: 2, max: 400 })).map(([p, n]) => p.repeat(n));

/** A run of one opener: `本报记者本报记者…`, `1、1、1、…`. */
export const openerRun: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...BYLINE_OPENERS, '1、', '图为', '摄', '(完)'), fc.integer({ min: 2, max: 300 }))
  .map(([p, n]) => p.repeat(n));

export const lineBreak: fc.Arbitrary<string> = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r', '\u2028', '\u0085');

/** Characters outside the BMP (two UTF-16 units each), and combining sequences that look like one. */
export const astral: fc.Arbitrary<string> = fc.constantFrom('𠮷', '𪚥', '😀', '👩‍💻', '🇨🇳', '𝐀', '🀄', '\u{10FFFF}', 'é', '̀');

/** What breaks naive text code: a BOM, NUL, lone surrogates, odd spaces and controls. */
export const oddity: fc.Arbitrary<string> = fc.constantFrom('\uFEFF', '\u0000', '\uD842', '\uDFB7', '\uDFB7\uD842', '\u3000', '\u00A0', '\u200B', '\t', '\u000B', '\u000C', '\u001B', '\uFFFD', '\uFFFF', ' ');

/** Any UTF-16 string, surrogate halves included. */
export const anyText: fc.Arbitrary<string> = fc.string({ unit: 'binary', maxLength: 200 });

const YAML_LINES = [
  'headline: 天津出台优化执法方式实施方案',
  'headline: "带引号的标题: 冒号"',
  'headline: [未闭合',
  'headline:',
  'subheadlines: [年底前建立非现场监管程序规范]',
  'subheadlines:\n  - 副标题一\n  - 𠮷野家',
  'kicker: 奋斗百年路 启航新征程',
  'bylines: [郭文生, 任效良]',
  'bylines:\n  - name: 郭文生\n    role: 本报记者',
  'dateline: {place: 天津, date: 3月12日, agency: 本报}',
  'dateline: 天津',
  'credits: [金文]',
  'photos:\n  - caption: 图为执法人员\n    credit: 张冬梅',
  'a: &a [x, x, x, x]',
  'b: &b [*a, *a, *a, *a]',
  'c: [*b, *b, *b, *b]',
  'headline: *undefined',
  'headline: 1',
  'headline: 1、1、1、',
  '- not a mapping',
  '  bad: indentation',
  'key: "unclosed',
  'dup: 1\ndup: 2',
  '? complex key',
  '!!binary aGVsbG8=',
];

/** A front-matter block (`---`, YAML lines, `---` or `...`), well-formed or not, hostile or not. */
export const frontMatterBlock: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...YAML_LINES),
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...YAML_LINES) }, sampleFragment, astral, oddity), { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.constantFrom('---', '---', '...', '--- ', ''),
  )
  .map(([first, lines, br, close]) => `---${br}${[first, ...lines].join(br)}${br}${close}`);

/** One token of a news-like document. */
export const newsToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: sampleLine },
  { weight: 4, arbitrary: sampleFragment },
  { weight: 4, arbitrary: bylineOpener },
  { weight: 5, arbitrary: structureLine },
  { weight: 8, arbitrary: lineBreak },
  { weight: 2, arbitrary: punctuation },
  { weight: 1, arbitrary: punctuationRun },
  { weight: 1, arbitrary: openerRun },
  { weight: 2, arbitrary: astral },
  { weight: 2, arbitrary: oddity },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: frontMatterBlock },
);

/** A news-like document: tokens run together, so openers fuse with prose and breaks of every kind mix. */
export function newsText(maxTokens = 60): fc.Arbitrary<string> {
  return fc.array(newsToken, { maxLength: maxTokens }).map((tokens) => tokens.join(''));
}

/** A news-like document with line-structured paragraphs, as print extractions lay them out. */
export function newsPage(maxParagraphs = 30): fc.Arbitrary<string> {
  const paragraph = fc.array(newsToken.filter((t) => !/[\r\n]/.test(t)), { minLength: 1, maxLength: 4 }).map((t) => t.join(''));
  const head = fc.oneof(fc.constant(''), fc.constant(''), frontMatterBlock.map((b) => b + '\n\n'));
  return fc
    .tuple(head, fc.array(fc.tuple(paragraph, lineBreak), { maxLength: maxParagraphs }), fc.boolean())
    .map(([fm, paras, bom]) => (bom ? '\uFEFF' : '') + fm + paras.map(([p, br]) => p + br).join(''));
}

/** Either shape of document, or any string at all. */
export const document: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: newsText() }, { weight: 4, arbitrary: newsPage() }, { weight: 1, arbitrary: anyText });

/** A huge single line, built once per call from a repeated piece (the sizes the bench uses, for the unit tests). */
export function hugeLine(piece: string, length: number): string {
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}
