import path from "node:path";
import { sitePathOf } from "../../content/urls.ts";

/** A file of the site and the URL it was given: a page's permalink, a redirect's `redirect_from`. */
export interface FileAddress {
  url: string;
  outputPath: string;
}

/** Every file a build writes (pages, redirects, sitemap, copied assets), for answering "does this URL exist?". */
export class SiteFiles {
  private readonly files: Set<string>;
  /** Site paths given by a URL that is the file's path without `.html`: `docs/noext` for `docs/noext.html`. */
  private readonly declared: Map<string, string>;
  private byFolder: Map<string, string[]> | undefined;

  constructor(paths: Iterable<string>, addresses: Iterable<FileAddress> = []) {
    this.files = new Set(paths);
    this.declared = new Map(declaredAddresses(addresses).map(({ url, outputPath }) => [sitePathOf(url)!, outputPath]));
  }

  /**
   * The written file a site path is served from, or undefined. A folder URL serves its `index.html`, with or
   * without the trailing slash (servers redirect `/x` to `/x/` when `x/index.html` exists). A URL the site gave a
   * file (`permalink: /docs/noext`, written as Jekyll writes it to `docs/noext.html`) reaches that file.
   */
  find(sitePath: string): string | undefined {
    if (sitePath === "" || sitePath.endsWith("/")) {
      const index = `${sitePath}index.html`;
      return this.files.has(index) ? index : undefined;
    }
    if (this.files.has(sitePath)) return sitePath;
    const declared = this.declared.get(sitePath);
    if (declared !== undefined && this.files.has(declared)) return declared;
    const index = `${sitePath}/index.html`;
    return path.posix.extname(sitePath) === "" && this.files.has(index) ? index : undefined;
  }

  /** Names of the files in a folder (`docs/elements/acme-crm`), for did-you-mean hints. */
  siblings(folder: string): string[] {
    if (!this.byFolder) {
      this.byFolder = new Map();
      for (const file of this.files) {
        const dir = path.posix.dirname(file);
        const list = this.byFolder.get(dir) ?? [];
        list.push(path.posix.basename(file));
        this.byFolder.set(dir, list);
      }
    }
    return this.byFolder.get(folder === "" ? "." : folder) ?? [];
  }
}

/**
 * The addresses whose URL is their file's path without `.html`, the only ones `SiteFiles` needs (a split build hands
 * them from its first shard to the merge). Folder URLs are left out: `find` already reaches their index.html.
 */
export function declaredAddresses(addresses: Iterable<FileAddress>): FileAddress[] {
  const declared: FileAddress[] = [];
  for (const { url, outputPath } of addresses) {
    const sitePath = sitePathOf(url);
    // Only `/x` for x.html, which hosts serve (GitHub Pages, Netlify, Cloudflare Pages): none serves feed.xml at /feed.
    if (sitePath === undefined || outputPath !== `${sitePath}.html`) continue;
    declared.push({ url, outputPath }); // the two fields alone: a shard's manifest holds them
  }
  return declared;
}
