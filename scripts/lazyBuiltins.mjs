// Node's built-in modules that the language server's libraries require when the bundle loads but use only in
// paths the server never takes, loaded on first use instead, for `esbuild.mjs`.
//
// vscode-jsonrpc's Node entry requires `crypto` (for the names of the pipes a client may ask for) and
// vscode-languageserver's `files` requires `child_process` (to ask npm or yarn where the global modules are). The
// server talks over stdio and resolves no modules. Loading the two, with `dgram` and the dozen internal modules
// they bring, made an idle server hold 1.1 MB more (Node's own code and its heap, on Node 20). In the bundle each
// `require("crypto")` or `require("child_process")` gives an object that requires the real module at its first
// property read; `require("node:crypto")` and the like are left alone.

/** The modules loaded on first use. */
export const LAZY_BUILTINS = ['crypto', 'child_process'];

const NAMESPACE = 'lazy-builtin';

/** The bundled module that stands for `name`: every property read goes to the real module, required then. */
export function lazyBuiltinSource(name) {
  const real = JSON.stringify(`node:${name}`);
  return [
    `let loaded;`,
    `const load = () => loaded ?? (loaded = require(${real}));`,
    `module.exports = new Proxy({}, {`,
    `  get: (_, key) => load()[key],`,
    `  has: (_, key) => key in load(),`,
    `  ownKeys: () => Reflect.ownKeys(load()),`,
    `  getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; },`,
    `});`,
  ].join('\n');
}

/** An esbuild plugin that bundles `LAZY_BUILTINS` as `lazyBuiltinSource` gives them. */
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: lazyBuiltinSource(args.path), loader: 'js' }));
  },
};
