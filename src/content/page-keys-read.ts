const PAGE_KEY = /\bpage\.([A-Za-z_][A-Za-z0-9_-]*)|\bpage\[\s*["']([^"']+)["']\s*\]/g;

/** `{% seo %}` (jekyll-seo-tag), which reads page keys in code rather than as `page.<key>`. */
const SEO_TAG = /\{%-?\s*seo\b/;
/** The page keys `{% seo %}` reads (src/liquid/tags/seo.ts), and those jekyll-seo-tag reads besides (image, author). */
const SEO_PAGE_KEYS = ["seo", "title", "description", "excerpt", "canonical_url", "lang", "date", "image", "author"];

/** The `page.<key>` names a Liquid text reads, and those its `{% seo %}` reads. */
export function pageKeysRead(text: string, into: Set<string> = new Set()): Set<string> {
  for (const match of text.matchAll(PAGE_KEY)) into.add(match[1] ?? match[2]);
  if (SEO_TAG.test(text)) for (const key of SEO_PAGE_KEYS) into.add(key);
  return into;
}
