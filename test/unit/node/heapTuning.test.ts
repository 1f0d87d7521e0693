/**
 * The server turns V8's allocation-site pretenuring off (`node/heapTuning.ts`): the sites that made the model kept
 * on opening a page would otherwise send every keystroke's short-lived objects straight to the old generation. Typed
 * in the same way in two processes, the tuned one's old generation must grow far less per keystroke.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function growthPerKeystroke(tuned: boolean): number {
  const script = path.join(ROOT, 'test/support/typingOldGeneration.ts');
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', script, ...(tuned ? ['--tuned'] : [])], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { bytesPerKeystroke: number }).bytesPerKeystroke;
}

describe('heap tuning for typing', () => {
  it('keeps the old generation from filling with the objects each keystroke makes', function () {
    this.timeout(120_000);
    const plain = growthPerKeystroke(false);
    const tuned = growthPerKeystroke(true);
    assert.ok(plain > 0, `the untuned process grows (${plain} bytes a keystroke)`);
    assert.ok(tuned < plain / 2, `tuned ${Math.round(tuned)} bytes a keystroke, untuned ${Math.round(plain)}`);
  });
});
