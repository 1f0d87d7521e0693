// A soak run (NEWSMARK_PROPERTY_RUNS set, see test/support/arbitraries.ts) runs thousands of cases per property:
// it gets no per-test time limit. Ordinary runs keep 20 s, so a hang still fails.
module.exports = {
  require: ['tsx/cjs', './test/support/propertySeed.ts'],
  extension: ['ts'],
  spec: ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/protocol/**/*.test.ts'],
  timeout: process.env.NEWSMARK_PROPERTY_RUNS ? 0 : 20000,
};
