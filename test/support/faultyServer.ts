/**
 * The real language server with one faulty rule added to the registry, for the protocol test that a rule
 * which throws is isolated. Run with `node --require tsx/cjs test/support/faultyServer.ts --stdio`. The fault
 * is injected here, from outside, so production code carries no test-only switch: the server code that runs
 * is exactly `server/src/node/main.ts`.
 */
// Imports run in order: the registry gets its faulty rule before the server starts.
import './faultyRule';
import '../../server/src/node/main';
