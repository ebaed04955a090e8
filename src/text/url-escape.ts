/** Jekyll's URL.escape_path: everything but unreserved and sub-delimiter characters is %-escaped. */
export function escapePath(value: string): string {
  return percentEscaped(encodeURI(value), /[?#[\]]/g);
}

/** `value` with each character `pattern` matches %-escaped (`#` as `%23`). */
export function percentEscaped(value: string, pattern: RegExp): string {
  return value.replace(pattern, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** A URL with its %-escapes decoded; as it is when one is broken. */
export function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * A page's URL as written in an href: %-escaped as Jekyll escapes a URL (`/docs/ok page.html` ->
 * `/docs/ok%20page.html`), escaped once whether the URL came escaped (a post's permalink) or not (a page's path).
 */
export function linkAddress(url: string): string {
  return escapePath(safeDecode(url));
}

/**
 * A URL as Addressable's `normalize` writes it, which Jekyll's `absolute_url` and `relative_url` (and so its
 * sitemap and canonical links) apply: a character no URL may hold as it is (a space, `ü`, `"`) is %-escaped, in
 * UTF-8; what a URL may hold, `?`, `#` and existing %-escapes included, stays. `/docs/über uns/` ->
 * `/docs/%C3%BCber%20uns/`.
 */
export function normalizedUrl(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]%]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      // A lone surrogate, which no UTF-8 holds: the replacement character, as a decoder would give it.
      return "%EF%BF%BD";
    }
  });
}
