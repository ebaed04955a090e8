import type { SiteRenderer } from "./site-renderer.ts";

/** An entry of `site.pages` or `site.posts`: where it comes from and where it goes. */
interface Listed {
  path?: unknown;
  url?: unknown;
}

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
      const site = r.site as { pages?: Listed[]; posts?: Listed[] };
      urls = new Map();
      for (const entry of [...(site.pages ?? []), ...(site.posts ?? [])]) {
        if (typeof entry.path === "string" && typeof entry.url === "string") urls.set(entry.path, entry.url);
      }
      urlsByRenderer.set(r, urls);
    }
    return urls.get(file);
  };
}
