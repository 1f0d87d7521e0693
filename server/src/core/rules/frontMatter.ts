/**
 * front-matter: problems in an article's YAML block that would lose or garble its header: YAML syntax errors
 * (at the exact position the `yaml` library reports), keys Newsmark does not know (with the key it probably
 * means), values of the wrong shape, and a block without a headline. Hit: `byline:` (for `bylines:`), or
 * `headline: [unclosed`. Near miss: a block with `headline:` and `bylines:` as lists of `{name, role}`, or
 * a `---` rule between prose paragraphs, which is not a block at all.
 */
import { FrontMatter, FrontMatterEntry } from '../frontMatter';
import { FieldType, FRONT_MATTER_FIELDS, FrontMatterField, getDidYouMean } from '../frontMatterFields';
import { Span } from '../text';
import { Rule, RuleContext } from './types';

const SHAPES: Record<FieldType, { en: string; zh: string }> = {
  text: { en: 'text', zh: '文本' },
  textList: { en: 'text or a list of texts', zh: '文本或文本列表' },
  people: { en: 'a list of {name, role}', zh: '{name, role} 列表' },
  map: { en: 'a mapping of keys to text', zh: '键值映射' },
  photos: { en: 'a list of {caption, credit}', zh: '{caption, credit} 列表' },
};

function isText(e: FrontMatterEntry | undefined): boolean {
  return !!e && e.kind === 'scalar' && (typeof e.value === 'string' || typeof e.value === 'number');
}

function checkShape(context: RuleContext, field: FrontMatterField, entry: FrontMatterEntry): void {
  const span = entry.valueSpan ?? entry.keySpan;
  const wrong = () =>
    context.report({
      span,
      message: context.t(`"${entry.path.join('.')}" should be ${SHAPES[field.type].en}.`, `“${entry.path.join('.')}”应为${SHAPES[field.type].zh}。`),
    });
  if (entry.kind === 'empty') return;
  switch (field.type) {
    case 'text':
      if (!isText(entry)) wrong();
      return;
    case 'textList':
      if (entry.kind === 'map' || (entry.kind === 'scalar' && !isText(entry))) wrong();
      return;
    case 'map':
      if (entry.kind !== 'map' && !(field.key === 'dateline' && isText(entry))) wrong();
      return;
    case 'people':
    case 'photos':
      if (entry.kind !== 'seq') wrong();
      return;
  }
}

/** Items of a list of mappings that lack their required key (a byline without `name`, a photo without `caption`). */
function checkItems(context: RuleContext, field: FrontMatterField, fm: FrontMatter): void {
  const prefix = field.key;
  const items = new Map<string, FrontMatterEntry[]>();
  for (const e of fm.entries) {
    if (e.path.length === 3 && e.path[0] === prefix) {
      const list = items.get(e.path[1]) ?? [];
      list.push(e);
      items.set(e.path[1], list);
    }
  }
  for (const [index, keys] of items) {
    const required = field.children?.find((c) => c.required);
    if (required && !keys.some((k) => k.path[2] === required.key)) {
      const first = keys[0];
      context.report({
        span: first.keySpan,
        message: context.t(`${prefix}[${index}] has no "${required.key}".`, `${prefix}[${index}] 缺少“${required.key}”。`),
      });
    }
  }
}

function checkKeys(context: RuleContext, fm: FrontMatter): void {
  for (const entry of fm.entries) {
    const parentPath = entry.path.slice(0, -1).filter((k) => !/^\d+$/.test(k));
    let fields: readonly FrontMatterField[] | undefined = FRONT_MATTER_FIELDS;
    for (const key of parentPath) fields = fields?.find((f) => f.key === key)?.children;
    if (!fields) continue;
    const key = entry.path[entry.path.length - 1];
    const field = fields.find((f) => f.key === key);
    if (!field) {
      const suggestion = getDidYouMean(key, fields.map((f) => f.key));
      const where = parentPath.length > 0 ? ` in ${parentPath.join('.')}` : '';
      const whereZh = parentPath.length > 0 ? `（${parentPath.join('.')} 中）` : '';
      context.report({
        span: entry.keySpan,
        message: context.t(
          `Unknown front-matter key "${key}"${where}${suggestion ? `; did you mean "${suggestion}"?` : '.'}`,
          `未知的 front-matter 键“${key}”${whereZh}${suggestion ? `，是否应为“${suggestion}”？` : '。'}`,
        ),
        fixes: suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [{ span: entry.keySpan, newText: suggestion }], safe: false }] : [],
      });
      continue;
    }
    checkShape(context, field, entry);
  }
}

function firstLine(fm: FrontMatter, text: string): Span {
  // The fence line ends at its line break, CR or LF: a span must not end between the CR and LF of a CRLF.
  const m = /\r\n|\r|\n/.exec(text.slice(fm.span.start, fm.span.end));
  return { start: fm.span.start, end: m ? fm.span.start + m.index : fm.span.end };
}

export const frontMatter: Rule = {
  code: 'front-matter',
  defaultLevel: 'warning',
  summary: 'A front-matter block with a YAML error, an unknown key, a value of the wrong shape, or no headline.',
  description:
    'Checks the YAML block of a converted article: syntax errors where the YAML parser finds them, keys outside the front-matter vocabulary (with the key you probably meant), values of the wrong shape (bylines must be a list of {name, role}, dateline a mapping of place, date and agency), list items without their required key, and a block with no headline. Such a block loses header information silently, in the outline and in every export.',
  example: { hit: '---\nheadline: 标题\nbyline:\n  - name: 金文\n---\n\n正文。', nearMiss: '---\nheadline: 标题\nbylines:\n  - name: 金文\n    role: 记者\n---\n\n正文。' },
  fixable: true,
  check(context) {
    const text = context.model.text;
    for (const article of context.model.articles) {
      const fm = article.frontMatter;
      if (!fm) continue;
      for (const error of fm.errors) {
        context.report({ span: error.span, message: context.t(`YAML error in front-matter: ${error.message}`, `front-matter 的 YAML 有误：${error.message}`) });
      }
      if (fm.data === null && fm.errors.length > 0) continue;
      checkKeys(context, fm);
      for (const field of FRONT_MATTER_FIELDS) if (field.type === 'people' || field.type === 'photos') checkItems(context, field, fm);
      if (!fm.headline && !fm.entries.some((e) => e.path.length === 1 && e.path[0] === 'headline' && e.kind !== 'empty')) {
        // A headline that is present but not text was reported above as the wrong shape.
        context.report({ span: firstLine(fm, text), message: context.t('Front-matter has no headline.', 'front-matter 缺少主标题（headline）。') });
      }
    }
  },
};
