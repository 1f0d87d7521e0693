/**
 * Code lens over each article's headline: the copy's length (characters for Chinese, words for English), its
 * figures (the claims core's numeric claims, `FIGURE_COUNTER`) and its findings. Titles follow the display
 * language.
 */
import { CodeLens, CodeLensRefreshRequest, Range } from 'vscode-languageserver/node';
import { getArticleClaims, getClaims } from '../core/claims';
import { ArticleLength, ArticleLens, FigureCounter, formatLens, getArticleLength, getArticleLenses } from '../core/codeLens';
import { NewsmarkConfig } from '../core/config';
import { Finding } from '../core/rules/types';
import { Memo } from '../core/memo';
import { Article, DocumentModel, Item } from '../core/model';
import { unitView } from '../core/ruleScope';
import { sameRange } from '../convert';
import { Feature } from '../serverContext';
import { afterQueuedRequests } from '../turns';
import { keptElements } from '../keptElements';

/** Counts an article's figures for the lens: the numeric claims the claims core reads in it. */
export const FIGURE_COUNTER: FigureCounter | null = (model, _article, index) => getArticleClaims(model, index).length;

/** VS Code's command that opens the Problems view; other clients ignore a command they do not know. */
const SHOW_PROBLEMS = 'workbench.actions.view.problems';

/** What an article's lens shows that depends on its text alone, kept per item by the server (see `articleFacts`). */
export interface ArticleFacts {
  length: ArticleLength;
  figures: number;
}

/** Length and figures of one item (null for a photo): the figures of the article's own view, not the whole page's. */
export function computeArticleFacts(model: DocumentModel, item: Item): ArticleFacts | null {
  if (item.kind !== 'article') return null;
  return { length: getArticleLength(model, item), figures: getClaims(unitView(model, item.index)).length };
}

/**
 * The lenses last made for an article's facts (which the server keeps per article across keystrokes): while the
 * facts, the findings count, the place and the language are the same, so are the lenses, and the same objects are
 * given again — a keystroke in a year of pages makes one article's lenses, not ten thousand.
 */
interface MadeLenses {
  findings: number;
  locale: string;
  range: Range;
  lenses: CodeLens[];
}

const made = new Memo<ArticleFacts, MadeLenses>('codeLenses');

function makeLenses(lens: ArticleLens, range: Range, locale: NewsmarkConfig['locale']): CodeLens[] {
  const titles = formatLens(lens, locale);
  const out: CodeLens[] = [];
  // An empty command id makes VS Code show the title as plain text.
  out.push({ range, command: { title: titles.length, command: '' } });
  if (titles.figures !== null) out.push({ range, command: { title: titles.figures, command: '' } });
  out.push({ range, command: { title: titles.findings, command: lens.findings > 0 ? SHOW_PROBLEMS : '' } });
  return out;
}

/** The lenses given are shared with later answers when `facts` are given: callers must not change them. */
export function getCodeLenses(model: DocumentModel, config: NewsmarkConfig, findings: readonly Finding[], facts?: readonly (ArticleFacts | null)[]): CodeLens[] {
  const out: CodeLens[] = [];
  const counter: FigureCounter | null = facts ? (_model, article) => facts[article.index]?.figures ?? 0 : FIGURE_COUNTER;
  const lengthOf = facts ? (article: Article) => facts[article.index]?.length ?? getArticleLength(model, article) : undefined;
  for (const lens of getArticleLenses(model, findings, counter, lengthOf)) {
    const range = model.lines.rangeOf(lens.span);
    const fact = facts?.[model.articles[lens.article].index];
    if (!fact) {
      out.push(...makeLenses(lens, range, config.locale));
      continue;
    }
    let kept = made.get(fact);
    if (!kept || kept.findings !== lens.findings || kept.locale !== config.locale || !sameRange(kept.range, range)) {
      kept = { findings: lens.findings, locale: config.locale, range, lenses: makeLenses(lens, range, config.locale) };
      made.set(fact, kept);
    }
    out.push(...kept.lenses);
  }
  return out;
}

export const codeLensFeature: Feature = {
  name: 'codeLens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(context) {
    const { connection, documents, models, log } = context;
    connection.onCodeLens(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      try {
        const config = await context.configFor(document.uri);
        // The counts need the page's findings: the outline and other requests sent with this one go first.
        await afterQueuedRequests();
        if (token.isCancellationRequested) return [];
        const model = models.get(document);
        // Lengths and figure counts are kept per article: after a keystroke only the touched article is counted again.
        const facts = models.perItem(document, 'articleFacts', computeArticleFacts, (value) => value);
        // Lenses of unchanged articles are the same objects as before: over a stream each is encoded once.
        return keptElements(getCodeLenses(model, config, models.findings(document, config).findings, facts));
      } catch (e) {
        log(`codeLens failed for ${document.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return [];
      }
    });
    // Finding counts follow the rule levels: redraw the lenses when settings change.
    context.onConfigurationChanged(() => {
      if (context.capabilities().workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    });
  },
};
