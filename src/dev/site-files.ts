import { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { addSiteFiles, type SiteBuild } from "../build/build-site.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteFiles } from "./preview-checks.ts";
import type { PreviewSite } from "./preview-site.ts";

/**
 * The site's files besides its pages (404, robots.txt, sitemap, redirects, elements.json) and the files copied as
 * they are, made by the build's own step (src/build/build-site.ts), which also reports files that two sources
 * would write. The preview renders pages itself: pages 2 and on of a pagination take part as their addresses only.
 */
export async function makeSiteFiles(site: PreviewSite): Promise<SiteFiles> {
  const diagnostics = new DiagnosticList();
  diagnostics.useLevels(site.levels);
  const scratch: SiteBuild = { ...site.build, outputs: [], staticFiles: [], diagnostics };
  const addresses: RenderedPage[] = site.paginated.map(({ file, url, outputPath }) => ({ file, url, outputPath, html: "", dependencies: [] }));
  await addSiteFiles(scratch, site.loaded, { paginated: addresses, paginatedSources: site.paginated });
  const paginated = new Set(addresses.map((page) => page.outputPath));
  return {
    outputs: scratch.outputs.filter((output) => !paginated.has(output.outputPath)),
    staticFiles: scratch.staticFiles,
    problems: diagnostics.items,
  };
}
