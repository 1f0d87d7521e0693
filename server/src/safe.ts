/**
 * Handler wrapping: a thrown error or a cancelled request never takes the server down. Errors are logged once
 * with the request's name, and the client gets an empty answer instead of a crash.
 */
import { CancellationToken, Connection, ResponseError, LSPErrorCodes } from 'vscode-languageserver/node';

export type Logger = Pick<Connection['console'], 'error' | 'warn' | 'info' | 'log'>;

export function guard<P, R>(logger: Logger, name: string, fallback: R, handler: (params: P, token: CancellationToken) => R): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (params, token) => {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      return handler(params, token);
    } catch (e) {
      logger.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}
