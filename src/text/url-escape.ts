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
