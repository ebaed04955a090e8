import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * `{{ "/assets/css/site.css" | asset_url }}`: the asset's URL under the base path with a query string
 * made from its content, so a deploy never serves a stale stylesheet or script from a cache.
 * `assetRoots` are the folders holding `assets/`, in lookup order (the source tree's before ours).
 */
export function assetFilters(site: { baseurl: string }, assetRoots: readonly string[]) {
  const versions = new Map<string, string>();
  const version = (url: string): string => {
    let found = versions.get(url);
    if (found === undefined) {
      const file = assetRoots.map((root) => path.join(root, url)).find((candidate) => fs.existsSync(candidate));
      if (!file) throw new Error(`asset_url: no file for "${url}" in assets/`);
      found = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 10);
      versions.set(url, found);
    }
    return found;
  };
  return {
    asset_url: (input: unknown): string => {
      const url = `/${String(input ?? "").replace(/^\/+/, "")}`;
      return `${site.baseurl}${url}?v=${version(url)}`;
    },
  };
}
