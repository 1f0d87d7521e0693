/**
 * The end-to-end suite's entry point, loaded by the extension host as `extensionTestsPath` (from
 * `@vscode/test-electron` or from code-server). It runs every `*.test.js` next to it with mocha's spec reporter.
 * In code-server the extension host's standard output reaches no terminal, so when `NEWSMARK_E2E_LOG` names a
 * file the reporter's lines are also appended there and the launcher prints them as they come.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

function teeReporterOutput(file: string): void {
  const original = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    original(...args);
    fs.appendFileSync(file, format(...args) + '\n');
  };
}

export function run(): Promise<void> {
  const logFile = process.env.NEWSMARK_E2E_LOG;
  if (logFile) teeReporterOutput(logFile);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
