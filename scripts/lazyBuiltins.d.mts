/** Types of `lazyBuiltins.mjs`, for its test. */
export const LAZY_BUILTINS: readonly string[];
export function lazyBuiltinSource(name: string): string;
export const lazyBuiltins: { name: string; setup(build: unknown): void };
