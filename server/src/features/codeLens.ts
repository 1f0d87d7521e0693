/**
 * Code lens over each article's headline: the copy's length (characters for Chinese, words for English), its
 * figures (the claims core's numeric claims, `FIGURE_COUNTER`) and its findings. Titles follow the display
 * language.
 */
import { CodeLens, CodeLensRefreshRequest } from 'vscode-languageserver/node';
import { getArticleClaims } from '../core/claims';
import { FigureCounter, formatLens, getArticleLenses } from '../core/codeLens';
import { NewsmarkConfig } from '../core/config';
import { Finding } from '../core/rules/types';
import { DocumentModel } from '../core/model';
import { Feature } from '../serverContext';

/** Counts an article's figures for the lens: the numeric claims the claims core reads in it. */
export const FIGURE_COUNTER: FigureCounter | null = (model, _article, index) => getArticleClaims(model, index).length;

/** VS Code's command that opens the Problems view; other clients ignore a command they do not know. */
const SHOW_PROBLEMS = 'workbench.actions.view.problems';

export function getCodeLenses(model: DocumentModel, config: NewsmarkConfig, findings: readonly Finding[]): CodeLens[] {
  const out: CodeLens[] = [];
  for (const lens of getArticleLenses(model, findings, FIGURE_COUNTER)) {
    const range = model.lines.rangeOf(lens.span);
    const titles = formatLens(lens, config.locale);
    // An empty command id makes VS Code show the title as plain text.
    out.push({ range, command: { title: titles.length, command: '' } });
    if (titles.figures !== null) out.push({ range, command: { title: titles.figures, command: '' } });
    out.push({ range, command: { title: titles.findings, command: lens.findings > 0 ? SHOW_PROBLEMS : '' } });
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
        if (token.isCancellationRequested) return [];
        const model = models.get(document);
        return getCodeLenses(model, config, models.findings(document, config).findings);
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
