/**
 * Plain-data summaries of the model: the stable JSON the CLI prints (`newsmark outline --json`) and that
 * exports, workspace symbols and tests build on. Ranges are LSP ranges: 0-based lines, UTF-16 columns.
 */
import { articleTitle } from './outline';
import { Article, DocumentModel, Photo } from './model';
import { Range } from './text';

export interface PersonSummary {
  name: string;
  role: string | null;
}

export interface ArticleSummary {
  kind: 'article';
  headline: string | null;
  title: string;
  subheadlines: string[];
  kicker: string | null;
  kickerSubtitle: string | null;
  format: string;
  bylines: PersonSummary[];
  dateline: { place: string | null; date: string | null; agency: string | null } | null;
  credits: PersonSummary[];
  sections: { title: string; line: number }[];
  captions: { text: string; credit: string | null }[];
  endMark: string | null;
  lede: string | null;
  range: Range;
}

export interface PhotoSummary {
  kind: 'photo';
  caption: string;
  credit: string | null;
  range: Range;
}

export interface DocumentSummary {
  articles: ArticleSummary[];
  items: (ArticleSummary | PhotoSummary)[];
}

export function summarizeArticle(model: DocumentModel, a: Article): ArticleSummary {
  return {
    kind: 'article',
    headline: a.headline?.text ?? null,
    title: articleTitle(model, a),
    subheadlines: a.subheadlines.map((s) => s.text),
    kicker: a.kicker?.text ?? null,
    kickerSubtitle: a.kickerSubtitle?.text ?? null,
    format: a.format,
    bylines: a.bylines.map((b) => ({ name: b.name, role: b.role })),
    dateline: a.dateline ? { place: a.dateline.place, date: a.dateline.date, agency: a.dateline.agency } : null,
    credits: a.credits.map((c) => ({ name: c.name, role: c.role })),
    sections: a.sections.map((s) => ({ title: s.title, line: s.line })),
    captions: a.captions.map((c) => ({ text: c.text, credit: c.credit })),
    endMark: a.endMark?.text ?? null,
    lede: a.lede ? model.text.slice(a.lede.content.start, a.lede.content.end) : null,
    range: model.lines.rangeOf(a.span),
  };
}

function summarizePhoto(model: DocumentModel, p: Photo): PhotoSummary {
  return { kind: 'photo', caption: p.caption.text, credit: p.caption.credit, range: model.lines.rangeOf(p.span) };
}

export function summarizeDocument(model: DocumentModel): DocumentSummary {
  const items = model.items.map((item) => (item.kind === 'article' ? summarizeArticle(model, item) : summarizePhoto(model, item)));
  return { articles: items.filter((i): i is ArticleSummary => i.kind === 'article'), items };
}
