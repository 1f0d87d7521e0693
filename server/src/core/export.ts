/**
 * Export of structured articles in the two shapes news systems ingest: IPTC ninjs 2.1 (News in JSON) and
 * schema.org NewsArticle as JSON-LD. Both read the document model, so a raw page and its front-matter
 * conversion export alike. Property names follow the published schemas (ninjs-schema_2.1.json from IPTC,
 * schema.org/NewsArticle with what it inherits from Article, CreativeWork and Thing); see docs/front-matter.md.
 */
import { hasHan } from './chars';
import { getArticleSource } from './convert';
import { Article, DocumentModel } from './model';

export type ExportFormat = 'ninjs' | 'jsonld';

export const NINJS_SCHEMA = 'https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json';

/** The article's prose as plain text: lede (without its opener) and body paragraphs, section heads between. */
export function getArticleBodyText(model: DocumentModel, a: Article): string {
  const paras: string[] = [];
  for (let b = a.firstBlock; b <= a.lastBlock; b++) {
    const block = model.blocks[b];
    if (block.item !== a.index) continue;
    if (block.role === 'lede' || block.role === 'body' || block.role === 'section') {
      paras.push(model.text.slice(block.content.start, block.content.end).replace(/\s*\n\s*/g, ' ').trim());
    }
  }
  return paras.filter((p) => p.length > 0).join('\n\n');
}

/** A stable identifier from what the article says, not where it stands, so raw and converted text agree. */
function articleUri(model: DocumentModel, a: Article): string {
  const key = `${a.headline?.text ?? ''}\u0000${getArticleBodyText(model, a).slice(0, 200)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `urn:newsmark:article:${h.toString(16).padStart(8, '0')}`;
}

function language(model: DocumentModel, a: Article): string {
  return hasHan(a.headline?.text ?? model.text.slice(a.span.start, Math.min(a.span.end, a.span.start + 400))) ? 'zh-CN' : 'en';
}

function personLabel(p: { name: string; role: string | null }): string {
  return p.role && p.role !== 'reporter' ? `${p.role} ${p.name}` : p.name;
}

/** The dateline as a reader sees it: `新华社武汉3月12日电`, `本报天津`, `HOUSTON (AP)`, `LONDON, Nov 28 (Reuters)`. */
export function datelineText(d: { place: string | null; date: string | null; agency: string | null }, chinese: boolean): string {
  // Wire dispatches print 电 after place and date (新华社武汉3月12日电); a paper's own 本报 line does not always.
  if (chinese) return `${d.agency ?? ''}${d.place ?? ''}${d.date ?? ''}${d.agency && d.agency !== '本报' && (d.place || d.date) ? '电' : ''}`;
  const where = [d.place, d.date].filter(Boolean).join(', ');
  return d.agency ? `${where} (${d.agency})`.trim() : where;
}

function isIsoDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) || isIsoDateTime(value);
}

export function computeNinjs(model: DocumentModel, a: Article): Record<string, unknown> {
  const uri = articleUri(model, a);
  const source = getArticleSource(model, a);
  const out: Record<string, unknown> = {
    uri,
    standard: { name: 'ninjs', version: '2.1', schema: NINJS_SCHEMA },
    type: 'text',
    representationtype: 'full',
    language: language(model, a),
  };
  const headlines: { role: string; value: string }[] = [];
  if (a.headline) headlines.push({ role: 'main', value: a.headline.text });
  for (const s of a.subheadlines) headlines.push({ role: 'subheadline', value: s.text });
  if (a.kicker) headlines.push({ role: 'kicker', value: a.kicker.text });
  if (a.kickerSubtitle) headlines.push({ role: 'kicker-subtitle', value: a.kickerSubtitle.text });
  if (headlines.length > 0) out.headlines = headlines;
  if (a.bylines.length > 0) out.by = a.bylines.map(personLabel).join(', ');
  if (a.dateline?.place) out.located = a.dateline.place;
  if (source?.date && isIsoDateTime(source.date)) out.contentcreated = source.date;
  const infosources = [a.dateline?.agency, source?.agency].filter((x): x is string => !!x);
  if (infosources.length > 0) out.infosources = [...new Set(infosources)].map((name) => ({ name }));
  if (source?.publication) out.copyrightholder = source.publication;
  const descriptions: { role: string; value: string }[] = [];
  if (a.dateline) descriptions.push({ role: 'dateline', value: datelineText(a.dateline, hasHan(a.dateline.agency ?? a.dateline.place ?? '')) });
  if (a.credits.length > 0) descriptions.push({ role: 'credits', value: a.credits.map(personLabel).join(', ') });
  if (descriptions.length > 0) out.descriptions = descriptions;
  const body = getArticleBodyText(model, a);
  out.bodies = [{ role: 'main', contenttype: 'text/plain', charcount: [...body.replace(/\s/g, '')].length, value: body }];
  if (a.captions.length > 0) {
    out.associations = a.captions.map((c, n) => {
      const photo: Record<string, unknown> = { name: `photo${n + 1}`, uri: `${uri}:photo:${n + 1}`, type: 'picture', descriptions: [{ role: 'caption', value: c.text }] };
      if (c.credit) photo.by = c.credit;
      return photo;
    });
  }
  return out;
}

export function computeJsonLd(model: DocumentModel, a: Article): Record<string, unknown> {
  const source = getArticleSource(model, a);
  const out: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    identifier: articleUri(model, a),
    inLanguage: language(model, a),
  };
  if (a.headline) out.headline = a.headline.text;
  if (a.subheadlines.length === 1) out.alternativeHeadline = a.subheadlines[0].text;
  else if (a.subheadlines.length > 1) out.alternativeHeadline = a.subheadlines.map((s) => s.text);
  if (a.kicker) out.articleSection = a.kicker.text;
  if (a.bylines.length > 0) out.author = a.bylines.map((b) => person(b));
  if (a.credits.length > 0) out.contributor = a.credits.map((c) => person(c));
  if (a.dateline) {
    out.dateline = datelineText(a.dateline, hasHan(a.dateline.agency ?? a.dateline.place ?? ''));
    if (a.dateline.place) out.locationCreated = { '@type': 'Place', name: a.dateline.place };
  }
  const agency = source?.agency ?? a.dateline?.agency ?? null;
  if (agency) out.sourceOrganization = { '@type': 'Organization', name: agency };
  if (source?.publication) out.publisher = { '@type': 'Organization', name: source.publication };
  if (source?.page) out.printPage = source.page;
  if (source?.date && isIsoDate(source.date)) out.datePublished = source.date;
  out.articleBody = getArticleBodyText(model, a);
  if (a.captions.length > 0) {
    out.image = a.captions.map((c) => {
      const image: Record<string, unknown> = { '@type': 'ImageObject', caption: c.text };
      if (c.credit) image.creditText = c.credit;
      return image;
    });
  }
  return out;
}

function person(p: { name: string; role: string | null }): Record<string, string> {
  const out: Record<string, string> = { '@type': 'Person', name: p.name };
  if (p.role) out.jobTitle = p.role;
  return out;
}

export function computeExport(model: DocumentModel, format: ExportFormat): Record<string, unknown>[] {
  return model.articles.map((a) => (format === 'ninjs' ? computeNinjs(model, a) : computeJsonLd(model, a)));
}
