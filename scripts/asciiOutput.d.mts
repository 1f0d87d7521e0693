/** Types of `asciiOutput.mjs`, for its test. */
export function asciiSource(text: string, file?: string): string;
export const asciiOutput: { name: string; setup(build: unknown): void };
