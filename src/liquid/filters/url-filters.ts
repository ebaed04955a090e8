import { normalizedUrl } from "../../text/url-escape.ts";

/**
 * Jekyll's `relative_url` and `absolute_url`, bound to one site's base path and origin: the path is normalized as
 * Addressable normalizes it (`/my page/` -> `/my%20page/`).
 */
export function urlFilters(site: { url: string; baseurl: string }) {
  const relative = (input: unknown): string => {
    const value = input == null ? "" : String(input);
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(value)) return value;
    const withSlash = value.startsWith("/") ? value : `/${value}`;
    return normalizedUrl(site.baseurl + withSlash);
  };
  return {
    relative_url: relative,
    absolute_url: (input: unknown): string => {
      const value = relative(input);
      return /^[a-z][a-z0-9+.-]*:|^\/\//i.test(value) ? value : site.url + value;
    },
  };
}
