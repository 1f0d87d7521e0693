/**
 * Preloaded into a server (`node --require`) by `test/protocol/icu.test.ts`: reports on stderr, once each, every call
 * of a JavaScript function that reaches ICU's locale data (collation, number and date formatting, case mapping by
 * locale, the `Intl` constructors). Such a call leaves megabytes of that data resident for the server's lifetime.
 */
'use strict';

const reported = new Set();
function report(name) {
  if (reported.has(name)) return;
  reported.add(name);
  process.stderr.write(`icu-call: ${name}\n`);
}

const methods = [
  [String.prototype, 'String', ['localeCompare', 'toLocaleLowerCase', 'toLocaleUpperCase']],
  [Number.prototype, 'Number', ['toLocaleString']],
  [BigInt.prototype, 'BigInt', ['toLocaleString']],
  [Array.prototype, 'Array', ['toLocaleString']],
  [Date.prototype, 'Date', ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']],
];
for (const [proto, owner, names] of methods) {
  for (const name of names) {
    const original = proto[name];
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (...args) {
        report(`${owner}.prototype.${name}`);
        return original.apply(this, args);
      },
    });
  }
}
for (const name of Object.getOwnPropertyNames(Intl)) {
  const original = Intl[name];
  if (typeof original !== 'function') continue;
  Intl[name] = new Proxy(original, {
    construct(target, args, newTarget) {
      report(`Intl.${name}`);
      return Reflect.construct(target, args, newTarget);
    },
    apply(target, self, args) {
      report(`Intl.${name}`);
      return Reflect.apply(target, self, args);
    },
  });
}
