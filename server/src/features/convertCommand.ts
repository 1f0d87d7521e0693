/**
 * The server side of the palette command "Newsmark: Convert All Articles to Front-Matter": the client sends
 * `workspace/executeCommand` `newsmark.server.convertDocument` with the document's URI; the server converts every
 * raw article and applies the edit with `workspace/applyEdit` (versioned, so a stale document is refused).
 */
import { computeDocumentConversion } from '../core/convert';
import { Feature } from '../serverContext';
import { toWorkspaceEdit } from './convertActions';

export const CONVERT_DOCUMENT_COMMAND = 'newsmark.server.convertDocument';

export interface ConvertDocumentResult {
  /** Articles converted; 0 when every article already was front-matter or had no header. */
  converted: number;
  applied: boolean;
  message?: string;
}

export const convertCommandFeature: Feature = {
  name: 'convertCommand',
  capabilities: () => ({ executeCommandProvider: { commands: [CONVERT_DOCUMENT_COMMAND] } }),
  register(context) {
    const { connection, documents, models } = context;
    context.onCommand(CONVERT_DOCUMENT_COMMAND, async (args): Promise<ConvertDocumentResult> => {
      const uri = args[0];
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      if (!document) return { converted: 0, applied: false, message: 'The document is not open as news text.' };
      try {
        const model = models.get(document);
        const conversions = computeDocumentConversion(model);
        if (conversions.length === 0) return { converted: 0, applied: false, message: 'No article to convert.' };
        const edit = toWorkspaceEdit(model, document.uri, document.version, conversions.flatMap((c) => c.edits));
        if (!context.capabilities().workspace?.applyEdit) return { converted: conversions.length, applied: false, message: 'The client cannot apply edits.' };
        const result = await connection.workspace.applyEdit({ label: 'Convert to front-matter', edit });
        return { converted: conversions.length, applied: result.applied, message: result.failureReason };
      } catch (e) {
        context.log(`convertDocument failed for ${document.uri}: ${e instanceof Error ? e.message : String(e)}`);
        return { converted: 0, applied: false, message: 'Conversion failed; see the Newsmark output.' };
      }
    });
  },
};
