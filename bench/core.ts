// What the benchmark times in process, bundled by esbuild as the shipped server and CLI are (see run.mjs): under
// tsx each call into another TypeScript module goes through a getter, which costs about a quarter of the time.
export { computeDocumentModel } from '../server/src/core/documentModel';
export { computeFindings } from '../server/src/core/findings';
export { defaultConfig } from '../server/src/core/config';
export { computeModelUpdate } from '../server/src/core/incrementalModel';
export { computeIncrementalFindings } from '../server/src/core/incrementalFindings';
export { RULES } from '../server/src/core/rules';
export { getClaims } from '../server/src/core/claims';
