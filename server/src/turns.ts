/**
 * Requests that read the whole page's findings or figures (diagnostics, code lens, the status bar, semantic
 * tokens) give way to the requests an editor sent with them. On opening a file VS Code asks for all of these at
 * once; the outline needs only the model, and answering it after the findings of a year of pages would keep the
 * Outline and breadcrumbs empty for no reason. vscode-jsonrpc dispatches one queued message per turn of the event
 * loop (`setImmediate`), each run to its first wait, so a request that waits a few turns before its work lets the
 * messages queued behind it be dispatched first: a request that needs only the model is answered in that time,
 * and the others line up behind it in the order they came. An idle turn costs microseconds.
 */

/** More turns than the requests an editor sends together when a file opens or changes. */
export const QUEUED_TURNS = 16;

/**
 * Waits until the messages queued behind the caller have been dispatched (see above). A cancellation that
 * arrived meanwhile is seen by the caller's token afterwards.
 */
export async function afterQueuedRequests(): Promise<void> {
  for (let i = 0; i < QUEUED_TURNS; i++) await new Promise((resolve) => setImmediate(resolve));
}
