// Runs the end-to-end suite (out/e2e/suite) in code-server, driven by headless Chromium: the workbench opens a
// scratch workspace holding the sample page, with this folder as the extension under development and the suite
// as its tests. The suite's mocha output is appended to a log file by the extension host (its standard output
// reaches no terminal here) and printed as it comes; the exit code arrives through `codeAutomationExit`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchChromium, ROOT, startCodeServer, workbenchUrl } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.NEWSMARK_E2E_TIMEOUT_MS ?? 10 * 60_000);
const SAMPLE = 'tianjin-environment-page.news';
const TESTS = path.join(ROOT, 'out/e2e/suite/index.js');

if (!fs.existsSync(TESTS)) {
  console.error(`${path.relative(ROOT, TESTS)} is missing: run node test/e2e/build.mjs first (npm run test:e2e does)`);
  process.exit(2);
}
if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) {
  console.error('dist/extension.js is missing: run npm run build first (npm run test:e2e does)');
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-e2e-'));
const workspace = path.join(scratch, 'workspace');
fs.mkdirSync(workspace);
fs.copyFileSync(path.join(ROOT, 'test/fixtures', SAMPLE), path.join(workspace, SAMPLE));
const mochaLog = path.join(scratch, 'mocha.log');
fs.writeFileSync(mochaLog, '');
const serverLog = path.join(scratch, 'code-server.log');

const started = Date.now();
let server;
let browser;
let tail;
const browserMessages = [];

async function main() {
  server = await startCodeServer({
    home: path.join(scratch, 'home'),
    logFile: serverLog,
    env: { NEWSMARK_E2E_LOG: mochaLog },
    settings: {
      'workbench.startupEditor': 'none',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
    },
  });

  browser = await launchChromium();
  const { page } = browser;
  page.on('console', (m) => browserMessages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => browserMessages.push(`pageerror: ${e.message}`));

  let printed = 0;
  const flush = () => {
    const text = fs.readFileSync(mochaLog, 'utf8');
    if (text.length > printed) {
      process.stdout.write(text.slice(printed));
      printed = text.length;
    }
  };
  tail = setInterval(flush, 200);

  const exitCode = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  const payload = [
    ['extensionDevelopmentPath', server.remote(ROOT)],
    ['extensionTestsPath', server.remote(TESTS)],
  ];
  await page.goto(workbenchUrl(server, workspace, payload));
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      console.error(`[e2e] no result within ${TIMEOUT_MS / 1000} s`);
      resolve(124);
    }, TIMEOUT_MS);
  });
  const code = await Promise.race([exitCode, timeout]);
  clearTimeout(timer);
  flush();
  if (printed === 0) console.error('[e2e] the suite printed nothing: it did not start in the extension host');
  return code;
}

async function cleanup() {
  if (tail) clearInterval(tail);
  await browser?.close();
  await server?.stop();
}

let code;
try {
  code = await main();
} catch (e) {
  console.error(`[e2e] ${e instanceof Error ? e.message : e}`);
  code = 1;
}
await cleanup();
if (code !== 0) {
  const serverTail = fs.existsSync(serverLog) ? fs.readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n') : '';
  console.error(`[e2e] failed (exit code ${code}). Last browser messages:\n${browserMessages.slice(-30).join('\n')}\n[e2e] code-server log tail:\n${serverTail}`);
  console.error(`[e2e] logs kept in ${scratch}`);
} else {
  fs.rmSync(scratch, { recursive: true, force: true });
}
console.error(`[e2e] code-server suite ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
