// The bundles' source in ASCII only, for `esbuild.mjs`.
//
// esbuild writes ASCII-only output except inside regular expression literals, which it leaves as written. One
// Chinese character there makes Node hold the whole bundle's source as a two-byte string: 2.0 MB for the server's
// 1.0 MB, for as long as the process runs (and V8 sizes the old generation's next limit from what is live, so the
// peak grows by more than that). Each character past ASCII that is left becomes a `\u` escape of its UTF-16 unit,
// which a regular expression reads as the same character (a surrogate pair as the same character with the `u` flag,
// as the same two units without it); in a comment it changes nothing. The source maps' columns after such a
// character on its line move by five per character.
import { readFile, writeFile } from 'node:fs/promises';

/**
 * `text` with every UTF-16 unit past ASCII written as `\uXXXX`. Throws where such a character follows a backslash
 * (`\省` in a regular expression): its escape would read as a backslash then "u".
 */
export function asciiSource(text, file = 'the bundle') {
  return text.replace(/[^\x00-\x7f]/g, (c, at) => {
    let run = 0;
    while (text[at - 1 - run] === '\\') run++;
    const escape = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    if (run % 2 === 1) throw new Error(`${file}: an escaped ${JSON.stringify(c)} at offset ${at}; write it as ${escape} in the source`);
    return escape;
  });
}

/** An esbuild plugin that rewrites each finished bundle (`outfile`) with `asciiSource`. */
export const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const file = build.initialOptions.outfile;
      const text = await readFile(file, 'utf8');
      const ascii = asciiSource(text, file);
      if (ascii !== text) await writeFile(file, ascii);
    });
  },
};
