import path from "node:path";

/** Every file a build writes (pages, redirects, sitemap, copied assets), for answering "does this URL exist?". */
export class SiteFiles {
  private readonly files: Set<string>;
  private byFolder: Map<string, string[]> | undefined;

  constructor(paths: Iterable<string>) {
    this.files = new Set(paths);
  }

  /**
   * The written file a site path is served from, or undefined. A folder URL serves its `index.html`, with or
   * without the trailing slash (servers redirect `/x` to `/x/` when `x/index.html` exists).
   */
  find(sitePath: string): string | undefined {
    if (sitePath === "" || sitePath.endsWith("/")) {
      const index = `${sitePath}index.html`;
      return this.files.has(index) ? index : undefined;
    }
    if (this.files.has(sitePath)) return sitePath;
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
