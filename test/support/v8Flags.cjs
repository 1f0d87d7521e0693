/**
 * Preloaded into a server (`node --require`) by `test/protocol/largeTextMemory.test.ts`: writes each flag the
 * process gives V8 at run time (`v8.setFlagsFromString`) to stderr as it is given, one a line (`v8-flag: --x`).
 */
'use strict';

// A preload given by --require is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const v8 = require('node:v8');
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  process.stderr.write(`v8-flag: ${flags}\n`);
  set(flags);
};
