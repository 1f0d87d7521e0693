// Runs test/nvim/check.lua in headless neovim (0.7 from Debian) against the bundled server, with scratch XDG
// folders so no user configuration is read or written, and a scratch copy of the sample page so a fix applied
// to the buffer can never reach the fixture. Exit code 0 when every check passed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TIMEOUT_MS = 120_000;
const server = path.join(ROOT, 'dist/server.js');

if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('nvim not found: apt-get install -y neovim');
  process.exit(2);
}
if (!fs.existsSync(server)) {
  console.error('dist/server.js is missing: run npm run build first (npm run test:nvim does)');
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-nvim-'));
const sample = path.join(scratch, 'tianjin-environment-page.news');
fs.copyFileSync(path.join(ROOT, 'test/fixtures/tianjin-environment-page.news'), sample);
const env = { ...process.env, NEWSMARK_ROOT: ROOT, NEWSMARK_SAMPLE: sample };
for (const name of ['CONFIG', 'DATA', 'CACHE', 'STATE']) {
  env[`XDG_${name}_HOME`] = path.join(scratch, `xdg-${name.toLowerCase()}`);
  fs.mkdirSync(env[`XDG_${name}_HOME`]);
}
// Once the bundle carries the broken-wrap rule, its Join fix must be there too.
if (fs.readFileSync(server, 'utf8').includes("'broken-wrap'") || fs.readFileSync(server, 'utf8').includes('"broken-wrap"')) env.NEWSMARK_EXPECT_BROKEN_WRAP = '1';

const started = Date.now();
const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(ROOT, 'test/nvim/check.lua')}`], { cwd: scratch, env, stdio: ['ignore', 'inherit', 'inherit'] });
const timer = setTimeout(() => {
  console.error(`nvim did not finish within ${TIMEOUT_MS / 1000} s`);
  child.kill('SIGKILL');
}, TIMEOUT_MS);
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  fs.rmSync(scratch, { recursive: true, force: true });
  const ok = code === 0;
  console.error(`[nvim] ${ok ? 'passed' : `FAILED (${signal ?? `exit code ${code}`})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(ok ? 0 : 1);
});
