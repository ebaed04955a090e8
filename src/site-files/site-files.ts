import type { SiteConfig } from "../config/site-config.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { createRenderer } from "../render/create-renderer.ts";
import { renderPage } from "../render/render-page.ts";
import type { SiteModel } from "../render/site-model.ts";
import type { SiteOutput } from "../render/site-output.ts";
import { headersFile } from "./headers-file.ts";
import { notFoundPage } from "./not-found-page.ts";
import { robotsTxt } from "./robots-txt.ts";

/**
 * Files every site has besides its pages: 404.html, robots.txt and _headers. The 404 page is rendered on its
 * own, after the content pages, so it is not counted or listed among them (nor in the sitemap).
 */
export async function readerSiteFiles(
  sourceDir: string,
  site: SiteConfig,
  model: SiteModel,
  diagnostics: DiagnosticList,
): Promise<SiteOutput[]> {
  const outputs: SiteOutput[] = [robotsTxt(site), headersFile(site)];
  const renderer = await createRenderer(sourceDir, site, model);
  const notFound = renderPage(renderer, notFoundPage(), diagnostics);
  if (notFound) outputs.push({ outputPath: notFound.outputPath, url: notFound.url, html: notFound.html });
  return outputs;
}
