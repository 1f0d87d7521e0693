// Bundles the three entry points: the VS Code client, the language server and the CLI.
import * as esbuild from 'esbuild';
import { asciiOutput } from './scripts/asciiOutput.mjs';
import { lazyBuiltins } from './scripts/lazyBuiltins.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Regular expressions written in Chinese are escaped: see scripts/asciiOutput.mjs.
  plugins: [asciiOutput],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server loads what its libraries require for other transports on first use: see scripts/lazyBuiltins.mjs.
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', plugins: [lazyBuiltins, asciiOutput] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/lintWorker.ts'], outfile: 'dist/lintWorker.js' },
];

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
