/** Helpers for inline test documents. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** Paragraphs separated by blank lines, as print extractions lay them out. */
export function paragraphs(...paras: string[]): string {
  return paras.join('\n\n');
}

export const SAMPLE_PATH = path.resolve(__dirname, '../fixtures/tianjin-environment-page.news');

export function readSample(): string {
  return fs.readFileSync(SAMPLE_PATH, 'utf8');
}

/** 1-based line of an offset, as the issues count lines. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
