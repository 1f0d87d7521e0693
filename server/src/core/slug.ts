/**
 * File names for split articles: the order on the page and a slug a person can read. Latin headlines become
 * lowercase ASCII words joined by hyphens (accents dropped); Han characters are kept as they are, because a
 * romanisation needs a dictionary and guesses tones, while every file system and git store Han names as UTF-8.
 * Everything else (punctuation, spaces, characters Windows reserves) becomes a hyphen, so a slug is safe
 * anywhere; a headline with nothing left gives `article`.
 */

const MAX_SLUG = 40;

export function getSlug(headline: string | null): string {
  const text = (headline ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let slug = '';
  for (const ch of text) slug += /[\p{L}\p{N}]/u.test(ch) ? ch : '-';
  slug = slug.replace(/-+/g, '-').replace(/^-|-$/g, '');
  const chars = [...slug];
  if (chars.length > MAX_SLUG) {
    let cut = chars.slice(0, MAX_SLUG).join('');
    const hyphen = cut.lastIndexOf('-');
    if (hyphen > MAX_SLUG / 2) cut = cut.slice(0, hyphen);
    slug = cut.replace(/-$/, '');
  }
  return slug.length > 0 ? slug : 'article';
}

/** `01-tianjin-…` style names, numbered by order with as many digits as the count needs (at least two). */
export function getSplitFileNames(headlines: (string | null)[]): string[] {
  const width = Math.max(2, String(headlines.length).length);
  return headlines.map((h, i) => `${String(i + 1).padStart(width, '0')}-${getSlug(h)}.md`);
}
