/** One file the build writes, held in memory until it is written (src/build/write-site.ts, or Eleventy in the preview). */
export interface SiteOutput {
  /** Relative to the output folder, e.g. `docs/elements/acme-crm/index.html`. */
  outputPath: string;
  /** Site-absolute URL without the base path. */
  url: string;
  html: string;
}
