/** Types of `generate.mjs`, for the tests that type into a generated page. */
export const SAMPLE: string;
export function generatePage(bytes: number): string;
