import { redirectTarget } from "../content/redirect-target.ts";
import { pagesAndPosts } from "../content/site-collections.ts";
import { sanitizeUrl } from "../content/urls.ts";
import type { SiteRenderer } from "./site-renderer.ts";

type Site = { url: string; baseurl: string };

/** The site's addresses (pathKey), and where those that redirect send the reader. */
interface Redirects {
  addresses: Set<string>;
  next: Map<string, { url: string; to: string }>;
}

const redirectsByRenderer = new WeakMap<SiteRenderer, Redirects>();

/**
 * The addresses a reader goes through from the page at `url` when its redirects come back to it: `redirect_to:`
 * from page to page, and `redirect_from:` addresses to their page (src/render/redirect-pages.ts). `["/a.html"]`
 * when the page sends the reader to itself, `["/a.html", "/b.html"]` when `/b.html` sends the reader back;
 * undefined when the redirects lead elsewhere.
 */
export function redirectLoop(r: SiteRenderer, page: { url: string; data: Record<string, unknown> }): string[] | undefined {
  let redirects = redirectsByRenderer.get(r);
  if (!redirects) redirectsByRenderer.set(r, (redirects = redirectsOf(r.site)));
  const start = pathKey(page.url);
  const passed = [page.url];
  const keys = new Set([start]);
  for (let to = redirectTarget({ data: page.data }); to !== undefined; ) {
    const key = targetKey(to, r.site, redirects.addresses);
    if (key === start) return passed;
    const step = key === undefined ? undefined : redirects.next.get(key);
    if (step === undefined || keys.has(key!)) return undefined;
    keys.add(key!);
    passed.push(step.url);
    to = step.to;
  }
  return undefined;
}

function redirectsOf(site: Site): Redirects {
  const entries = pagesAndPosts(site);
  const addresses = new Set<string>();
  const next = new Map<string, { url: string; to: string }>();
  for (const entry of entries) {
    if (typeof entry.url !== "string") continue;
    addresses.add(pathKey(entry.url));
    const to = redirectTarget({ data: entry });
    if (to !== undefined) next.set(pathKey(entry.url), { url: entry.url, to });
  }
  const pages = new Set(addresses);
  // A redirect_from: address is a path of the site, as a page's URL is; it sends the reader to its page.
  for (const entry of entries) {
    const from = entry.redirect_from;
    if (typeof entry.url !== "string" || from === undefined) continue;
    // Written where jekyll-redirect-from writes it (src/render/redirect-pages.ts): `old.html` is `/old.html`.
    for (const old of (Array.isArray(from) ? from : [from]).map((value) => sanitizeUrl(String(value).trim()))) {
      // One that a page's address takes is not written (src/checks/output-collisions.ts).
      if (!pages.has(pathKey(old))) next.set(pathKey(old), { url: old, to: site.baseurl + entry.url });
      addresses.add(pathKey(old));
    }
  }
  return { addresses, next };
}

/**
 * A target of this site as the key of the address a server gives it (pathKey): without the site's origin and base
 * path, query and fragment; `/a` is the folder `/a/` when the site has no `/a.html`. Undefined for another site's.
 */
function targetKey(target: string, site: Site, addresses: ReadonlySet<string>): string | undefined {
  let path = target.replace(/[?#].*$/, "");
  for (const prefix of [site.url + site.baseurl, site.baseurl]) {
    if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) {
      path = path.slice(prefix.length) || "/";
      break;
    }
  }
  if (!path.startsWith("/") || path.startsWith("//")) return undefined;
  const key = pathKey(path);
  return addresses.has(key) || key.endsWith("/") ? key : `${key}/`;
}

/** A path of the site as one key for the ways of writing it: `/a` for `/a.html`, `/a/` for `/a/index.html`. */
function pathKey(path: string): string {
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path.replace(/\.html$/, "");
}
