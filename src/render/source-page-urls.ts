import { pagesAndPosts } from "../content/site-collections.ts";
import type { SiteRenderer } from "./site-renderer.ts";

const urlsByRenderer = new WeakMap<SiteRenderer, Map<string, string>>();

/**
 * The URL of the page or post made from a source file (`docs/guides/setup.md`, relative to the tree), for links
 * written to the file rather than to its page (src/markdown/plugins/link-policy.ts). Made once for a renderer,
 * from `site.pages`, `site.posts` and the written documents of other collections, as templates see them.
 */
export function sourcePageUrls(r: SiteRenderer): (file: string) => string | undefined {
  return (file) => {
    let urls = urlsByRenderer.get(r);
    if (!urls) {
      urls = new Map();
      for (const entry of [...pagesAndPosts(r.site), ...writtenDocuments(r.site)]) {
        if (typeof entry.path === "string" && typeof entry.url === "string") urls.set(entry.path, entry.url);
      }
      urlsByRenderer.set(r, urls);
    }
    return urls.get(file);
  };
}

/** The documents of the collections whose documents are written (`output: true`). */
function writtenDocuments(site: object): Record<string, unknown>[] {
  const collections = (site as { collections?: unknown }).collections;
  if (!Array.isArray(collections)) return [];
  return collections.flatMap((collection: { label?: unknown; output?: unknown; docs?: unknown }) =>
    collection.label !== "posts" && collection.output === true && Array.isArray(collection.docs) ? (collection.docs as Record<string, unknown>[]) : [],
  );
}
