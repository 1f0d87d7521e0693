/**
 * The front-matter vocabulary: every key a converted article's YAML block may carry, what it holds, and which
 * news standard it maps to. Conversion writes these keys, the `front-matter` rule checks against them, hover
 * explains them and completion offers them, so the vocabulary lives in one table that none can drift from
 * (`schemas/front-matter.schema.json` and docs/front-matter.md are tested against it).
 */

export type FieldType = 'text' | 'textList' | 'people' | 'map' | 'photos';

export interface FrontMatterField {
  key: string;
  type: FieldType;
  /** One line, English and Chinese, for hover. */
  summary: { en: string; zh: string };
  /** Where the value goes in the standards the exports follow. */
  standard: string;
  /** Keys of the objects a `people`, `map` or `photos` field holds. */
  children?: FrontMatterField[];
  required?: boolean;
}

const text = (key: string, en: string, zh: string, standard: string, required = false): FrontMatterField => ({ key, type: 'text', summary: { en, zh }, standard, required });

const PERSON: FrontMatterField[] = [
  text('name', 'The person’s name as printed.', '署名人姓名，照原文。', 'schema.org Person.name; ninjs by', true),
  text('role', 'Their role as printed: 本报记者, 见习记者, 通讯员, reporter, reporting, editing, contributor…', '身份，照原文：本报记者、见习记者、通讯员、reporter 等。', 'schema.org Person.jobTitle'),
];

export const FRONT_MATTER_FIELDS: readonly FrontMatterField[] = [
  text('headline', 'The main headline (主标题).', '主标题。', 'schema.org headline; ninjs headlines[role=main]', true),
  {
    key: 'subheadlines',
    type: 'textList',
    summary: { en: 'Subheadlines (副标题), in page order.', zh: '副标题，按版面顺序。' },
    standard: 'schema.org alternativeHeadline; ninjs headlines[role=subheadline]',
  },
  text('kicker', 'The column banner or kicker above the headline (栏目题/眉题), e.g. 奋斗百年路 启航新征程.', '栏目题或眉题，如“奋斗百年路 启航新征程”。', 'schema.org articleSection; ninjs headlines[role=kicker]'),
  text('kickerSubtitle', 'The `——` line that subtitles the column banner.', '栏目题下的“——”副题。', 'ninjs headlines[role=kicker-subtitle]'),
  {
    key: 'bylines',
    type: 'people',
    summary: { en: 'Who wrote the story: a list of {name, role}.', zh: '作者署名：{name, role} 列表。' },
    standard: 'schema.org author (Person); ninjs by',
    children: PERSON,
  },
  {
    key: 'dateline',
    type: 'map',
    summary: { en: 'Where, when and by whom the story was filed: {place, date, agency}, as printed.', zh: '电头：发稿地点、日期、通讯社或报社，照原文。' },
    standard: 'schema.org dateline, locationCreated; ninjs located',
    children: [
      text('place', 'Where the story was filed (天津, HOUSTON).', '发稿地点（天津、HOUSTON）。', 'schema.org locationCreated.name; ninjs located'),
      text('date', 'The date as the dateline prints it (3月12日, Nov 28).', '电头中的日期，照原文（3月12日）。', 'schema.org dateline'),
      text('agency', 'The agency or paper that filed it (本报, 新华社, AP, Reuters).', '发稿机构（本报、新华社、AP、Reuters）。', 'schema.org sourceOrganization; ninjs infosources'),
    ],
  },
  {
    key: 'credits',
    type: 'people',
    summary: { en: 'Names credited after the story (金文; Reporting by …): a list of {name, role}.', zh: '文末署名（如“金文”）：{name, role} 列表。' },
    standard: 'schema.org contributor (Person); ninjs descriptions[role=credits]',
    children: PERSON,
  },
  {
    key: 'photos',
    type: 'photos',
    summary: { en: 'Photos that go with the story: a list of {caption, credit}.', zh: '配发图片：{caption, credit} 列表。' },
    standard: 'schema.org image (ImageObject caption, creditText); ninjs associations (type picture)',
    children: [
      text('caption', 'The caption (图片说明), without its credit.', '图片说明，不含署名。', 'schema.org ImageObject.caption; ninjs descriptions[role=caption]', true),
      text('credit', 'The photographer as printed (张冬梅 for 张冬梅摄).', '摄影者，照原文（“张冬梅摄”记作 张冬梅）。', 'schema.org ImageObject.creditText; ninjs by'),
    ],
  },
  {
    key: 'source',
    type: 'map',
    summary: { en: 'Where this copy came from, where known: {publication, page, date, agency}.', zh: '稿件来源（已知时）：{publication, page, date, agency}。' },
    standard: 'schema.org printEdition, printPage, datePublished, publisher; ninjs infosources, contentcreated',
    children: [
      text('publication', 'The paper or service (天津日报, Associated Press).', '报纸或通讯社名称。', 'schema.org publisher.name; ninjs copyrightholder'),
      text('page', 'The print page (A5, 第3版).', '版次（A5、第3版）。', 'schema.org printPage'),
      text('date', 'The issue or filing date, ISO 8601 (2021-04-12).', '出版或发稿日期，ISO 8601 格式（2021-04-12）。', 'schema.org datePublished; ninjs contentcreated'),
      text('agency', 'The agency named on the byline (Associated Press under `By …`).', '署名行中的通讯社（如 By … 下的 Associated Press）。', 'schema.org sourceOrganization; ninjs infosources'),
    ],
  },
];

export function findField(path: readonly string[]): FrontMatterField | null {
  let fields: readonly FrontMatterField[] | undefined = FRONT_MATTER_FIELDS;
  let found: FrontMatterField | null = null;
  for (const key of path) {
    if (/^\d+$/.test(key)) continue;
    found = fields?.find((f) => f.key === key) ?? null;
    if (!found) return null;
    fields = found.children;
  }
  return found;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The known key a mistyped one most likely means (`byline` → `bylines`, `Headline` → `headline`), or null. */
export function getDidYouMean(key: string, candidates: readonly string[]): string | null {
  const folded = key.toLowerCase().replace(/[_-]/g, '');
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = c.toLowerCase() === folded ? 0 : distance(folded, c.toLowerCase());
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}
