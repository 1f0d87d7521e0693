/**
 * Runs the end-to-end suite in desktop VS Code through `@vscode/test-electron`, on machines that can download
 * VS Code (a contributor's laptop, public CI) or that name a local build in `VSCODE_EXECUTABLE`. The same
 * suite runs in code-server with `test/e2e/runCodeServer.mjs`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-e2e-'));
  fs.copyFileSync(path.join(root, 'test/fixtures/tianjin-environment-page.news'), path.join(workspace, 'tianjin-environment-page.news'));
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/e2e/suite/index.js'),
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
