/**
 * What the client does when the language server process dies: restart it, tell the user once, and give up
 * (saying so) if it keeps dying. Kept free of the `vscode` module so that it is unit-tested in plain Node;
 * `extension.ts` maps its decisions onto vscode-languageclient's ErrorHandler.
 */

export interface CloseDecision {
  restart: boolean;
  /** A notification to show, or null: the first restart and giving up are shown, later restarts only logged. */
  notify: string | null;
  /** The line for the Newsmark output channel. */
  log: string;
}

/** Restarts allowed within the window before giving up; vscode-languageclient's default is also 4 in 3 minutes. */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy {
  private readonly restarts: number[] = [];
  private told = false;

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The server's connection closed without the client asking it to stop. */
  closed(): CloseDecision {
    const t = this.now();
    while (this.restarts.length > 0 && t - this.restarts[0] > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.maxRestarts) {
      return {
        restart: false,
        notify: `Newsmark: the language server stopped ${this.restarts.length + 1} times in ${Math.round(this.windowMs / 60000)} minutes and will not be restarted. Details are in the Newsmark output; run "Developer: Reload Window" to start it again.`,
        log: 'The language server stopped again; not restarting it.',
      };
    }
    this.restarts.push(t);
    const notify = this.told ? null : 'Newsmark: the language server stopped unexpectedly and was restarted. Details are in the Newsmark output.';
    this.told = true;
    return { restart: true, notify, log: `The language server stopped unexpectedly; restarting it (${this.restarts.length} of ${this.maxRestarts}).` };
  }

  /** An error on the connection: keep going for the first few, as vscode-languageclient does, then shut down. */
  errored(count: number | undefined): 'continue' | 'shutdown' {
    return count !== undefined && count <= 3 ? 'continue' : 'shutdown';
  }
}
