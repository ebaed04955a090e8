import { checkSite } from "../checks/check-site.ts";
import { DiagnosticList, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SiteBuild } from "../build/build-site.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteOutput } from "../render/site-output.ts";
import type { StaticFile } from "../render/static-files.ts";
import type { PageRender } from "./page-render.ts";
import type { PreviewSite } from "./preview-site.ts";

/** The files made from the whole site (404, sitemap, redirects, elements.json) and the files copied as they are. */
export interface SiteFiles {
  outputs: SiteOutput[];
  staticFiles: StaticFile[];
  problems: Diagnostic[];
}

/**
 * Runs `npm run check`'s whole-site checks (src/checks/check-site.ts) over the pages as last rendered, and returns
 * the problems they found. The pages' own render problems are not among them: the preview keeps those by page.
 */
export function checkPreviewSite(
  site: PreviewSite,
  renders: ReadonlyMap<string, PageRender>,
  siteFiles: SiteFiles,
  /** Pages whose front matter no longer loads since the tree was loaded. */
  unreadable: ReadonlySet<string>,
): Diagnostic[] {
  const diagnostics = new DiagnosticList();
  diagnostics.useLevels(site.levels);
  const known = [...site.build.diagnostics.items, ...siteFiles.problems];
  for (const render of renders.values()) known.push(...render.problems);
  for (const d of known) diagnostics.add(d);
  const before = new Set(diagnostics.items);

  // Pages in the order of the tree, as the build lists them; pages 2 and on of a pagination are outputs only.
  const rendered: RenderedPage[] = [];
  const outputs: SiteOutput[] = [];
  const paginated = new Set(site.paginated);
  for (const page of site.pages) {
    const render = renders.get(page.outputPath)?.rendered;
    if (!render) continue;
    outputs.push({ outputPath: render.outputPath, url: render.url, html: "" });
    const twin = renders.get(page.outputPath)?.twin;
    if (twin) outputs.push({ ...twin, html: "" });
    if (!paginated.has(page)) rendered.push(render);
  }
  const build: SiteBuild = {
    ...site.build,
    sourcePages: new Map([...site.build.sourcePages].filter(([file]) => !unreadable.has(file))),
    outputs: [...outputs, ...siteFiles.outputs],
    staticFiles: siteFiles.staticFiles,
    diagnostics,
    rendered,
    pageCount: rendered.length,
    pages: {
      total: site.pages.length - site.paginated.length + site.unloaded.length,
      rendered: rendered.length,
      shortfalls: [...renders.values()].flatMap((render) => (render.shortfall ? [render.shortfall] : [])),
    },
  };
  checkSite(build);
  return diagnostics.items.filter((d) => !before.has(d));
}
