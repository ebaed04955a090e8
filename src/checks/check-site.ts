import { outputPathFor } from "../content/urls.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { readHubList } from "../elements/hubs.ts";
import { lookupDirs } from "../paths.ts";
import type { SiteBuild } from "../render/site-build.ts";
import type { SchemaContext } from "../schema/schema-context.ts";
import { CATALOG_OUTPUT, checkCatalog } from "./elements/check-catalog.ts";
import { checkElementFolders } from "./elements/check-element-folders.ts";
import { checkElementIdentity } from "./elements/check-element-identity.ts";
import { frontMatterFindings, knownKeys, withTemplateKeys, type FrontMatterFinding } from "./front-matter/check-front-matter.ts";
import { checkLabelFiles } from "./i18n/check-label-files.ts";
import { templatePageKeys } from "./front-matter/template-keys.ts";
import { checkLinks, type CheckedPage } from "./links/check-links.ts";
import type { SiteAddress } from "./links/resolve-link.ts";
import { SiteFiles } from "./links/site-files.ts";
import { safeDecode } from "../text/url-escape.ts";
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
  const unloaded = unloadedPages(build);
  const paths = [
    ...build.outputs.map((o) => o.outputPath),
    ...build.staticFiles.map((f) => f.to),
    ...[...build.sourcePages.values()].map((page) => page.outputPath),
    ...unloaded.map((d) => outputPathFor(d.file)),
  ];
  // Permalinks and redirect_from URLs that are not their file's path (`/docs/noext` for docs/noext.html).
  const files = new SiteFiles(paths, [...build.outputs, ...build.sourcePages.values()]);
  const tree = checkTree(build, files);
  const found = checkRenderedSite(
    {
      sourceDir: build.sourceDir,
      files,
      address: { baseurl: site.baseurl, url: site.url },
      context: schemaContext(build, files),
      pages: build.rendered.map((page) => {
        const breadcrumbs = build.sourcePages.get(page.file)?.data.breadcrumbs;
        return { ...page, breadcrumbs: typeof breadcrumbs === "string" ? breadcrumbs : undefined };
      }),
      elementFolders: elementFoldersOf(build),
      fragments: build.fragments ?? [],
      // A page rendered with a tag left empty may have lost an include_relative there too.
      somePageFailed:
        unloaded.length > 0 ||
        build.rendered.length < build.sourcePages.size ||
        (build.pages?.shortfalls.some((s) => s.outcome !== "our-layout") ?? false),
    },
    tree,
  );
  for (const diagnostic of found) build.diagnostics.add(diagnostic);
  foldMissingConfig(build.sourceDir, build.diagnostics);
}

/**
 * What the checks find in the tree alone, before knowing every page's render: front matter (its unknown keys
 * left to look up among the keys the rendered pages' templates read), element folders and labels. A split build
 * runs them in its first shard (src/build/site-share.ts), which hands them to the merge.
 */
export interface TreeChecks {
  frontMatter: FrontMatterFinding[];
  elements: Diagnostic[];
  labelFiles: Diagnostic[];
}

/** The checks of the tree alone; `files` answers whether a front matter's `breadcrumbs` names a written file. */
export function checkTree(build: SiteBuild, files: SiteFiles): TreeChecks {
  const pages = [...build.sourcePages.values()];
  const frontMatter = frontMatterFindings(pages, schemaContext(build, files));
  const elements = [...checkElementFolders(pages), ...checkElementIdentity(pages)];
  return {
    frontMatter,
    elements: withoutRepeats(elements, frontMatter),
    labelFiles: checkLabelFiles(build.sourceDir, build.site!.data),
  };
}

/** What the checks read of the rendered site, from one build or from the manifests of a split build's shards. */
export interface RenderedSite {
  sourceDir: string;
  /** Every file of the site, pages that failed included (their own error is reported, links to them are fine). */
  files: SiteFiles;
  address: SiteAddress;
  context: SchemaContext;
  /** The pages that rendered, in render order. */
  pages: ReadonlyArray<CheckedPage & { dependencies: readonly string[] }>;
  elementFolders: ReadonlySet<string>;
  fragments: readonly string[];
  somePageFailed: boolean;
}

/** The tree's findings completed with what the rendered pages tell, and the checks of the rendered site. */
export function checkRenderedSite(site: RenderedSite, tree: TreeChecks): Diagnostic[] {
  const included = site.pages.flatMap((page) => page.dependencies);
  const templateKeys = templatePageKeys([...lookupDirs(site.sourceDir, "_includes"), ...lookupDirs(site.sourceDir, "_layouts")], included);
  return [
    ...withTemplateKeys(tree.frontMatter, knownKeys(site.context, templateKeys)),
    ...tree.elements,
    ...checkLinks({ pages: site.pages, files: site.files, site: site.address }),
    ...checkCatalog(
      site.pages.find((p) => p.outputPath === CATALOG_OUTPUT),
      site.elementFolders,
      site.files,
      site.address,
    ),
    ...tree.labelFiles,
    ...checkUnwrittenPages({ sourceDir: site.sourceDir, fragments: site.fragments, included, somePageFailed: site.somePageFailed }),
  ];
}

/** Problems of page files that could not be read, so that they have no SourcePage. */
export function unloadedPages(build: SiteBuild): Diagnostic[] {
  return build.diagnostics.items.filter((d) => UNLOADED_PAGE.has(d.code) && /^(?:docs\/.*|index)\.md$/.test(d.file));
}

export function schemaContext(build: Pick<SiteBuild, "site">, files: SiteFiles): SchemaContext {
  return {
    hubs: readHubList(build.site!.data),
    // Decoded, as the address is served: `/docs/c%23-sdk.html` is the file `docs/c#-sdk.html`.
    sitePathExists: (sitePath) => files.find(safeDecode(sitePath).replace(/^\//, "")) !== undefined,
  };
}

/** The element folders of the tree's pages. */
export function elementFoldersOf(build: SiteBuild): Set<string> {
  const folders = new Set<string>();
  for (const page of build.sourcePages.values()) if (page.elementFolder) folders.add(page.elementFolder);
  return folders;
}

/** Codes of a page file that could not be read, so that it has no SourcePage. */
const UNLOADED_PAGE: ReadonlySet<string> = new Set(["front-matter-yaml", "text-encoding"]);

/** A value the schema already rejected (elementId: "fifty") needs no second report for disagreeing with its siblings. */
function withoutRepeats(diagnostics: Diagnostic[], frontMatter: FrontMatterFinding[]): Diagnostic[] {
  const rejected = new Set(frontMatter.flatMap((d) => ("severity" in d && d.severity === "error" ? [`${d.file}:${d.line}`] : [])));
  return diagnostics.filter((d) => !rejected.has(`${d.file}:${d.line}`));
}
