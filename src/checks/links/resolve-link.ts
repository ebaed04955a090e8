/** What a URL in a page points at, resolved as the browser would from the page's own URL. */
export type ResolvedLink =
  /** Another site, or a scheme we do not follow (mailto:, tel:); never fetched. */
  | { kind: "external" }
  | { kind: "malformed"; reason: string }
  /** A path on this host that is not under the site's base path, e.g. `/docs/x.html` on a site served at /guides. */
  | { kind: "outside-base"; pathname: string }
  | {
      kind: "internal";
      /** Decoded path below the base, without leading slash: `docs/elements/acme-crm/` or `` for the root. */
      path: string;
      /** Decoded fragment without `#`; undefined when there is none. */
      fragment: string | undefined;
      /** True for `#x` and `` (the page itself). */
      samePage: boolean;
    };

export interface SiteAddress {
  /** Path prefix the site is served under: "" or "/guides". */
  baseurl: string;
  /** The site's origin from `_config.yml` (`https://docs.example.test`); links to it are checked like relative ones. */
  url: string;
}

const BASE_HOST = "https://site.invalid";
const FOLLOWED_SCHEMES = new Set(["http", "https"]);

export function resolveLink(value: string, pageUrl: string, site: SiteAddress): ResolvedLink {
  // Browsers strip surrounding whitespace and drop tabs and line breaks inside URLs.
  const href = value.trim().replace(/[\t\n\r]/g, "");
  if (href === "") return { kind: "internal", path: "", fragment: undefined, samePage: true };
  if (href.startsWith("#")) {
    const fragment = decode(href.slice(1));
    if (fragment === undefined) return { kind: "malformed", reason: "the fragment has a broken %-escape" };
    return { kind: "internal", path: "", fragment, samePage: true };
  }
  if (href.includes("\\")) return { kind: "malformed", reason: "URLs use forward slashes, not backslashes" };

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1].toLowerCase();
  let url: URL;
  if (scheme !== undefined || href.startsWith("//")) {
    if (scheme !== undefined && !FOLLOWED_SCHEMES.has(scheme)) return { kind: "external" };
    try {
      url = new URL(scheme === undefined ? `https:${href}` : href);
    } catch {
      return { kind: "malformed", reason: "it is not a valid absolute URL" };
    }
    if (!url.hostname) return { kind: "malformed", reason: "it has no host name" };
    if (!site.url || url.origin !== safeOrigin(site.url)) return { kind: "external" };
  } else {
    try {
      url = new URL(href, `${BASE_HOST}${site.baseurl}${pageUrl}`);
    } catch {
      return { kind: "malformed", reason: "it cannot be resolved against the page URL" };
    }
  }

  const { pathname } = url;
  if (site.baseurl && pathname !== site.baseurl && !pathname.startsWith(`${site.baseurl}/`)) {
    return { kind: "outside-base", pathname };
  }
  const path = decode(pathname.slice(site.baseurl.length).replace(/^\//, ""));
  if (path === undefined) return { kind: "malformed", reason: "the path has a broken %-escape" };
  const fragment = url.hash ? decode(url.hash.slice(1)) : undefined;
  if (url.hash && fragment === undefined) return { kind: "malformed", reason: "the fragment has a broken %-escape" };
  return { kind: "internal", path, fragment, samePage: false };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
