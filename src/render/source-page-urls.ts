import { pagesAndPosts } from "../content/site-collections.ts";
import type { SiteRenderer } from "./site-renderer.ts";

const urlsByRenderer = new WeakMap<SiteRenderer, Map<string, string>>();

/**
 * The URL of the page or post made from a source file (`docs/guides/setup.md`, relative to the tree), for links
 * written to the file rather than to its page (src/markdown/plugins/link-policy.ts). Made once for a renderer,
 * from `site.pages` and `site.posts` as templates see them.
 */
export function sourcePageUrls(r: SiteRenderer): (file: string) => string | undefined {
  return (file) => {
    let urls = urlsByRenderer.get(r);
    if (!urls) {
      urls = new Map();
      for (const entry of pagesAndPosts(r.site)) {
        if (typeof entry.path === "string" && typeof entry.url === "string") urls.set(entry.path, entry.url);
      }
      urlsByRenderer.set(r, urls);
    }
    return urls.get(file);
  };
}
