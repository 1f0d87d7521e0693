// Builds benchmark pages from the sample page: copies of it, each with its figures and one character of
// every short line changed, so no two copies of an article are identical (duplicate detection stays honest).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLE = fileURLToPath(new URL('../test/fixtures/tianjin-environment-page.news', import.meta.url));

const VARIANTS = '甲乙丙丁戊己庚辛壬癸';

function variant(page, n) {
  let line = 0;
  return page
    .replace(/\d+/g, (d) => String((Number(d) + n) % 10 ** d.length).padStart(d.length, '0'))
    .split('\n')
    .map((l) => {
      line++;
      // Short lines are headlines and section heads: vary their last Han character.
      if (l.length > 0 && l.length < 30 && /[\u4e00-\u9fff]$/.test(l)) return l.slice(0, -1) + VARIANTS[(n + line) % 10] + l.slice(-1);
      return l;
    })
    .join('\n');
}

/** About `bytes` bytes of UTF-8 news text. */
export function generatePage(bytes) {
  const page = readFileSync(SAMPLE, 'utf8');
  const parts = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const copy = variant(page, n) + '\n\n';
    parts.push(copy);
    size += Buffer.byteLength(copy);
  }
  return parts.join('');
}
