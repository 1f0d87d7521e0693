/**
 * Preloaded into a server (`node --require`) by `test/protocol/builtins.test.ts`: as the process exits, writes the
 * names of Node's built-in modules it loaded to stderr, on one line (`builtin-modules: a,b,...`).
 */
'use strict';

process.on('exit', () => {
  const names = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  process.stderr.write(`builtin-modules: ${names.join(',')}\n`);
});
