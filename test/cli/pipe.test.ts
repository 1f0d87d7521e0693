import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { SAMPLE_PATH } from '../support/text';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

describe('newsmark CLI in a pipeline', () => {
  it('stops quietly when the reader closes the pipe early (| head)', () => {
    // Enough output to overflow the pipe's buffer after head has gone.
    const files = Array(80).fill(JSON.stringify(SAMPLE_PATH)).join(' ');
    const script = `node ${JSON.stringify(CLI)} outline ${files} | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
    assert.match(r.stdout, /status=0/);
  });
});
