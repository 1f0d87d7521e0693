/**
 * Loaded before every mocha run (.mocharc.js). With NEWSMARK_PROPERTY_SEED set, every fast-check property runs
 * from that seed, so a run can be repeated exactly; `.ci/run` sets one so that a landing is reproducible. Without
 * it each run draws a fresh seed, and a failure prints the seed to repeat it with.
 */
import * as fc from 'fast-check';

const seed = Number(process.env.NEWSMARK_PROPERTY_SEED);
if (process.env.NEWSMARK_PROPERTY_SEED !== undefined && Number.isInteger(seed)) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
