/**
 * Hover on an article's opener: what Newsmark read in a byline (the role and the name) and in a dateline (its
 * place, date and agency). Chinese papers fuse both into the lede (`本报记者郭文生 见习记者任效良天津报道`),
 * so seeing how the line was split is the quickest check that the outline and the rules read it right.
 */
import { Byline } from './bylines';
import { Dateline } from './datelines';
import { Article, DocumentModel } from './model';
import { Locale } from './rules/types';
import { Span, spanText } from './text';

export interface OpenerHover {
  markdown: string;
  span: Span;
}

const FORMAT: Record<string, [string, string]> = {
  'cn-paper': ['Chinese newspaper', '中文报纸'],
  'cn-wire': ['Chinese wire', '中文通讯社'],
  'en-wire': ['English wire', '英文通讯社'],
  'front-matter': ['front-matter', 'front-matter'],
  plain: ['plain text', '纯文本'],
};

/** Document text in a hover must not be read as Markdown. */
function code(text: string): string {
  return '`' + text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ') + '`';
}

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset < Math.max(span.end, span.start + 1);
}

function bylineHover(model: DocumentModel, a: Article, b: Byline, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const others = a.bylines.filter((x) => x !== b).map((x) => x.name);
  const lines = [
    // A front-matter byline is a YAML mapping: its text says nothing the lines below do not.
    a.format === 'front-matter' ? `**${zh ? '署名' : 'Byline'}**` : `**${zh ? '署名' : 'Byline'}** ${code(spanText(model.text, getBylineExtent(model, b)))}`,
    '',
    `- ${zh ? '身份' : 'Role'}: ${b.role ? code(b.role) : zh ? '（未注明）' : '(not given)'}`,
    `- ${zh ? '姓名' : 'Name'}: ${code(b.name)}`,
  ];
  if (others.length > 0) lines.push(`- ${zh ? '合作者' : 'With'}: ${others.map(code).join(zh ? '、' : ', ')}`);
  return lines.join('\n');
}

function datelineHover(model: DocumentModel, a: Article, d: Dateline, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const none = zh ? '（未注明）' : '(not given)';
  const part = (value: string | null) => (value ? code(value) : none);
  const format = FORMAT[a.format] ?? [a.format, a.format];
  return [
    a.format === 'front-matter' ? `**${zh ? '电头' : 'Dateline'}**` : `**${zh ? '电头' : 'Dateline'}** ${code(spanText(model.text, d.span))}`,
    '',
    `- ${zh ? '地点' : 'Place'}: ${part(d.place)}`,
    `- ${zh ? '日期' : 'Date'}: ${part(d.date)}`,
    `- ${zh ? '来源' : 'Agency'}: ${part(d.agency)}`,
    `- ${zh ? '格式' : 'Format'}: ${zh ? format[1] : format[0]}`,
  ].join('\n');
}

/**
 * A byline with its role word when the page prints it right before the name (`本报记者郭文生`): the model's
 * byline span is the name alone, but an editor reads, hovers and colours the two as one.
 */
export function getBylineExtent(model: DocumentModel, b: Byline): Span {
  if (b.role && b.span.start >= b.role.length && model.text.slice(b.span.start - b.role.length, b.span.start) === b.role) {
    return { start: b.span.start - b.role.length, end: b.span.end };
  }
  return b.span;
}

/** The hover for the byline or dateline under `offset`, or null. A byline wins where the two overlap. */
export function getOpenerHover(model: DocumentModel, offset: number, locale: Locale): OpenerHover | null {
  for (const a of model.articles) {
    if (offset < a.span.start || offset > a.span.end) continue;
    const byline = a.bylines.find((b) => within(getBylineExtent(model, b), offset));
    if (byline) return { markdown: bylineHover(model, a, byline, locale), span: getBylineExtent(model, byline) };
    if (a.dateline && within(a.dateline.span, offset)) return { markdown: datelineHover(model, a, a.dateline, locale), span: a.dateline.span };
  }
  return null;
}
