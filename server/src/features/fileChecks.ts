/**
 * Newsmark's own requests (see `protocol.ts`): the active file's status for the status bar, and checking one
 * file for the workspace-wide check, which the client drives file by file so that it can show progress and
 * stop when cancelled. A file that cannot be read is answered with a reason, never an error.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Diagnostic } from 'vscode-languageserver/node';
import { NewsmarkConfig } from '../core/config';
import { computeDocumentModel } from '../core/documentModel';
import { computeFindings, FindingsResult } from '../core/findings';
import { DocumentModel } from '../core/model';
import { Finding, Severity } from '../core/rules/types';
import { decodeText, InputError } from '../node/readText';
import { CheckFileRequest, CheckFileResult, DocumentStatus, DocumentStatusRequest } from '../protocol';
import { Feature } from '../serverContext';
import { toDiagnostic } from './diagnostics';
import { documentOutline } from './documentSymbols';
import { maxItemsComputed } from '../settings';
import { afterQueuedRequests } from '../turns';

function statusOf(model: DocumentModel, findings: readonly Finding[], omitted: number, outlineLeftOut: number): DocumentStatus {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    articles: model.articles.length,
    photos: model.items.length - model.articles.length,
    findings: {
      total: findings.length,
      errors: count('error'),
      warnings: count('warning'),
      information: count('information'),
      hints: count('hint'),
    },
    omitted,
    outlineLeftOut,
  };
}

function logFailures(result: FindingsResult, uri: string, log: (message: string) => void): void {
  for (const failure of result.failures) log(`rule ${failure.code} failed on ${uri}: ${failure.message}`);
}

/** The status bar's counts, from the findings themselves: the diagnostics they would make are not needed. */
export function documentStatus(model: DocumentModel, uri: string, log: (message: string) => void, result: FindingsResult, outlineLeftOut: number): DocumentStatus {
  logFailures(result, uri, log);
  return statusOf(model, result.findings, result.omitted, outlineLeftOut);
}

export function checkModel(
  model: DocumentModel,
  uri: string,
  config: NewsmarkConfig,
  log: (message: string) => void,
  result: FindingsResult = computeFindings(model, config),
  outlineLeftOut = 0,
): { status: DocumentStatus; diagnostics: Diagnostic[] } {
  logFailures(result, uri, log);
  const diagnostics = result.findings.map((f) => toDiagnostic(model, uri, f));
  return { status: statusOf(model, result.findings, result.omitted, outlineLeftOut), diagnostics };
}

function readFailure(uri: string, e: unknown, zh: boolean): string {
  if (e instanceof InputError) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return zh ? `${uri}：文件不存在` : `${uri}: no such file`;
  return zh ? `${uri}：无法读取（${code ?? String(e)}）` : `${uri}: cannot read (${code ?? String(e)})`;
}

export const fileChecksFeature: Feature = {
  name: 'fileChecks',
  capabilities: () => ({}),
  register(context) {
    const { connection, documents, models, log } = context;

    connection.onRequest(DocumentStatusRequest.type, async (params) => {
      const document = documents.get(params.uri);
      if (!document) return null;
      try {
        const config = await context.configFor(document.uri);
        const max = maxItemsComputed(await context.editorSettingsFor(document.uri));
        // The status needs the page's findings: the outline and other requests sent with this one go first.
        await afterQueuedRequests();
        const current = documents.get(params.uri);
        if (!current) return null;
        const model = models.get(current);
        const outlineLeftOut = documentOutline(models, current, max).leftOut;
        return documentStatus(model, current.uri, log, models.findings(current, config), outlineLeftOut);
      } catch (e) {
        log(`documentStatus failed for ${params.uri}: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      }
    });

    connection.onRequest(CheckFileRequest.type, async (params, token): Promise<CheckFileResult> => {
      const uri = params.uri;
      let config: NewsmarkConfig;
      try {
        config = await context.configFor(uri);
      } catch (e) {
        return { uri, status: null, diagnostics: [], error: `${uri}: ${e instanceof Error ? e.message : String(e)}` };
      }
      const zh = config.locale === 'zh-cn';
      const document = documents.get(uri);
      let model: DocumentModel;
      try {
        if (document) {
          model = models.get(document);
        } else {
          if (!uri.startsWith('file:')) return { uri, status: null, diagnostics: [], error: zh ? `${uri}：只能检查磁盘上的文件` : `${uri}: only files on disk can be checked` };
          const file = fileURLToPath(uri);
          model = computeDocumentModel(decodeText(file, fs.readFileSync(file)).text);
        }
      } catch (e) {
        return { uri, status: null, diagnostics: [], error: readFailure(uri, e, zh) };
      }
      if (token.isCancellationRequested) return { uri, status: null, diagnostics: [], error: null };
      try {
        return { uri, ...checkModel(model, uri, config, log), error: null };
      } catch (e) {
        log(`checkFile failed for ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return { uri, status: null, diagnostics: [], error: zh ? `${uri}：检查失败` : `${uri}: the check failed` };
      }
    });
  },
};
