import type { SiteConfig } from "../config/site-config.ts";
import { layoutChoice } from "../layouts/layout-choice.ts";
import { LayoutSet } from "../layouts/layout-set.ts";
import { createLiquid } from "../liquid/create-liquid.ts";
import { PartialCache } from "../liquid/partial-files.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { createCodeHighlighter, type CodeHighlighter } from "../markdown/highlight/code-highlighter.ts";
import { markdownSettings } from "../markdown/kramdown-settings.ts";
import { smartifier } from "../markdown/smartify.ts";
import { GENERATOR_ROOT, lookupDirs } from "../paths.ts";
import { loadPlugins } from "../plugins/load-plugins.ts";
import { rubyDefinitions } from "../plugins/ruby-plugins.ts";
import { headingAnchors } from "../markdown/plugins/heading-anchors.ts";
import type { SiteModel } from "./site-model.ts";
import type { SiteRenderer } from "./site-renderer.ts";

/**
 * Liquid, Markdown, Shiki and layouts for one thread; each render thread makes its own. The thread's shared
 * highlighter unless given one (the live preview's loads Shiki only after its first page).
 */
export async function createRenderer(
  sourceDir: string,
  site: SiteConfig,
  model: SiteModel,
  highlightSeed: ReadonlyArray<readonly [string, string]> = [],
  highlighter?: CodeHighlighter,
): Promise<SiteRenderer> {
  highlighter ??= await createCodeHighlighter();
  highlighter.seed(highlightSeed);
  // `markdown:` and `kramdown:` of _config.yml: kramdown's rules unless the tree names another converter.
  const markdown = createMarkdown({ highlighter, baseurl: site.baseurl, ...markdownSettings(site) });
  // Pages get "#" links beside their headings; the Markdown unit tests keep the bare renderer.
  markdown.use(headingAnchors);
  const liquid = createLiquid({
    site,
    assetRoots: [sourceDir, GENERATOR_ROOT],
    markdownify: (text) => markdown.render(text, { file: "", report: () => {} }),
    smartify: smartifier(markdownSettings(site).typography),
    sourceDir,
    knownPageKeys: model.knownPageKeys,
    // Each thread imports the tree's plugins itself (a thread cannot be handed functions); the build reported
    // any that failed.
    plugins: (await loadPlugins(sourceDir)).registry,
    ruby: rubyDefinitions(sourceDir),
    references: model.references,
  });
  return {
    sourceDir,
    site,
    liquid,
    partials: new PartialCache(liquid),
    roots: { sourceDir, includeDirs: lookupDirs(sourceDir, "_includes") },
    markdown,
    highlighter,
    layouts: new LayoutSet(liquid, sourceDir, layoutChoice(site)),
    elements: model.elements,
    catalog: model.catalog,
    knownPageKeys: model.knownPageKeys,
    gitDates: model.gitDates,
    references: model.references,
  };
}
