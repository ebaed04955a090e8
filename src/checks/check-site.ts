import { outputPathFor } from "../content/urls.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { readHubList } from "../elements/hubs.ts";
import { lookupDirs } from "../paths.ts";
import type { SiteBuild } from "../render/site-build.ts";
import type { SchemaContext } from "../schema/schema-context.ts";
import { CATALOG_OUTPUT, checkCatalog } from "./elements/check-catalog.ts";
import { checkElementFolders } from "./elements/check-element-folders.ts";
import { checkElementIdentity } from "./elements/check-element-identity.ts";
import { checkFrontMatter } from "./front-matter/check-front-matter.ts";
import { checkLabelFiles } from "./i18n/check-label-files.ts";
import { templatePageKeys } from "./front-matter/template-keys.ts";
import { checkLinks, type CheckedPage } from "./links/check-links.ts";
import { SiteFiles } from "./links/site-files.ts";
import { foldMissingConfig } from "./missing-config.ts";
import { checkUnwrittenPages } from "./unwritten-pages.ts";

/**
 * The checks that need the whole site: front matter, element folders, the catalog, links and anchors. They read
 * the build in memory (pages, their written HTML facts) and write nothing. Checks that need one page's Markdown
 * (JSON examples, swallowed tags) and Liquid's own errors already ran while the page rendered.
 */
export function checkSite(build: SiteBuild): void {
  if (!build.site) return; // _config.yml or _data did not load: that error is already reported
  const site = build.site;
  // Pages that failed to render or to load count as present: their own error is reported, links to them are fine.
  const unloaded = build.diagnostics.items.filter((d) => UNLOADED_PAGE.has(d.code) && /^(?:docs\/.*|index)\.md$/.test(d.file));
  const failedPages = [
    ...[...build.sourcePages.values()].map((page) => page.outputPath),
    ...unloaded.map((d) => outputPathFor(d.file)),
  ];
  const files = new SiteFiles([
    ...build.outputs.map((o) => o.outputPath),
    ...build.staticFiles.map((f) => f.to),
    ...failedPages,
  ]);
  const address = { baseurl: site.baseurl, url: site.url };
  const context: SchemaContext = {
    hubs: readHubList(site.data),
    sitePathExists: (sitePath) => files.find(sitePath.replace(/^\//, "")) !== undefined,
  };
  const templateKeys = templatePageKeys(
    [...lookupDirs(build.sourceDir, "_includes"), ...lookupDirs(build.sourceDir, "_layouts")],
    build.rendered.flatMap((page) => page.dependencies),
  );

  const checked: CheckedPage[] = build.rendered.map((page) => {
    const breadcrumbs = build.sourcePages.get(page.file)?.data.breadcrumbs;
    return { ...page, breadcrumbs: typeof breadcrumbs === "string" ? breadcrumbs : undefined };
  });
  const elementFolders = new Set<string>();
  for (const page of build.sourcePages.values()) if (page.elementFolder) elementFolders.add(page.elementFolder);

  const frontMatter = checkFrontMatter({ pages: build.sourcePages.values(), context, templateKeys });
  const found: Diagnostic[] = [
    ...frontMatter,
    ...withoutRepeats([...checkElementFolders(build.sourcePages.values()), ...checkElementIdentity(build.sourcePages.values())], frontMatter),
    ...checkLinks({ pages: checked, files, site: address }),
    ...checkCatalog(checked.find((p) => p.outputPath === CATALOG_OUTPUT), elementFolders, files, address),
    ...checkLabelFiles(build.sourceDir, site.data),
    ...checkUnwrittenPages({
      sourceDir: build.sourceDir,
      fragments: build.fragments ?? [],
      included: build.rendered.flatMap((page) => page.dependencies),
      // A page rendered with a tag left empty may have lost an include_relative there too.
      somePageFailed:
        unloaded.length > 0 ||
        build.rendered.length < build.sourcePages.size ||
        (build.pages?.shortfalls.some((s) => s.outcome !== "our-layout") ?? false),
    }),
  ];
  for (const diagnostic of found) build.diagnostics.add(diagnostic);
  foldMissingConfig(build.sourceDir, build.diagnostics);
}

/** Codes of a page file that could not be read, so that it has no SourcePage. */
const UNLOADED_PAGE: ReadonlySet<string> = new Set(["front-matter-yaml", "text-encoding"]);

/** A value the schema already rejected (elementId: "fifty") needs no second report for disagreeing with its siblings. */
function withoutRepeats(diagnostics: Diagnostic[], frontMatter: Diagnostic[]): Diagnostic[] {
  const rejected = new Set(frontMatter.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}`));
  return diagnostics.filter((d) => !rejected.has(`${d.file}:${d.line}`));
}
