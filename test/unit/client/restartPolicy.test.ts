/**
 * The client's answer to a dying server (client/src/restartPolicy.ts, wired into the LanguageClient's
 * errorHandler in extension.ts): restart, tell the user once, give up after four restarts in three minutes.
 */
import * as assert from 'node:assert/strict';
import { RestartPolicy } from '../../../client/src/restartPolicy';

describe('client restart policy', () => {
  it('restarts the server and shows one notification, however often it restarts', () => {
    let clock = 0;
    const policy = new RestartPolicy(4, 180_000, () => clock);
    const decisions = [];
    for (let i = 0; i < 12; i++) {
      decisions.push(policy.closed());
      clock += 60_000;
    }
    assert.ok(decisions.every((d) => d.restart), 'one death a minute never exhausts the window');
    assert.equal(decisions.filter((d) => d.notify !== null).length, 1);
    assert.match(decisions[0].notify!, /stopped unexpectedly and was restarted/);
    assert.ok(decisions.every((d) => d.log.length > 0));
  });

  it('gives up after four restarts within three minutes, and says so', () => {
    let clock = 0;
    const policy = new RestartPolicy(4, 180_000, () => clock);
    const decisions = [];
    for (let i = 0; i < 5; i++) {
      decisions.push(policy.closed());
      clock += 1000;
    }
    assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, true, false]);
    assert.deepEqual(decisions.map((d) => d.notify !== null), [true, false, false, false, true]);
    assert.match(decisions[4].notify!, /stopped 5 times in 3 minutes and will not be restarted/);
  });

  it('continues after the first connection errors and shuts down after more', () => {
    const policy = new RestartPolicy();
    assert.deepEqual([1, 2, 3, 4, undefined].map((n) => policy.errored(n)), ['continue', 'continue', 'continue', 'shutdown', 'shutdown']);
  });
});
