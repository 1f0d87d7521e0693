// Bundles the end-to-end suite and its launchers into out/e2e/ (kept apart from esbuild.mjs so that the
// editor tests never slow down `npm test`). `vscode` is the editor's own module and mocha is loaded from
// node_modules at run time.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const suite = path.join(here, 'suite');
const entryPoints = fs.readdirSync(suite).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(suite, f));
entryPoints.push(path.join(here, 'runTest.ts'));

fs.rmSync(path.join(here, '../../out/e2e'), { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outbase: here,
  outdir: path.join(here, '../../out/e2e'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'mocha', '@vscode/test-electron'],
  logLevel: 'warning',
});
