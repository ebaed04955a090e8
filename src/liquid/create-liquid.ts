import { Liquid } from "liquidjs";
import type { ApiReference } from "../openapi/model.ts";
import { emptyRegistry, type PluginRegistry } from "../plugins/plugin-api.ts";
import { registerPlugins } from "../plugins/register-plugins.ts";
import { registerRubyOnlyTags } from "./tags/ruby-only.ts";
import { SeoTag } from "./tags/seo.ts";
import { FeedMetaTag } from "./tags/feed-meta.ts";
import type { RubyDefinitions } from "../plugins/ruby-plugins.ts";
import { assetFilters } from "./filters/asset-filters.ts";
import { jekyllArrayFilters } from "./filters/jekyll-array-filters.ts";
import { jekyllFilters } from "./filters/jekyll-filters.ts";
import { navigationFilters } from "./filters/navigation-filters.ts";
import { pageListFilters } from "./filters/page-list-filters.ts";
import { urlFilters } from "./filters/url-filters.ts";
import { installHtmlTokenScan } from "./html-token-scan.ts";
import { LiquidProblems } from "./liquid-problems.ts";
import { installRenderLoop } from "./render-loop.ts";
import { liquidStrictness } from "./strictness.ts";
import { installSyncEvaluation } from "./sync-evaluation.ts";
import { highlightTag } from "./tags/highlight.ts";
import { IconTag } from "./tags/icon.ts";
import { linkTags } from "./tags/jekyll-links.ts";
import { IncludeRelativeTag } from "./tags/include-relative.ts";
import { IncludeTag } from "./tags/include.ts";
import { operationTag } from "./tags/operation.ts";
import { filterNames, reportUnknownFilters } from "./unknown-filters.ts";
import { readDatesAsJekyll } from "./filters/calendar-dates.ts";

export interface LiquidSetup {
  /** `_config.yml`: URLs for the URL filters, `liquid:` for how strict to be. */
  site: { url: string; baseurl: string; liquid?: unknown };
  /** Folders whose `assets/` the `asset_url` filter versions, in lookup order. */
  assetRoots?: readonly string[];
  /** Renders Markdown for the `markdownify` filter (and a `{% highlight %}` block outside Markdown pages). */
  markdownify: (text: string) => string;
  /** Jekyll's `smartify` filter (src/markdown/smartify.ts); text as it is when not given. */
  smartify?: (text: string) => string;
  /** The source root: reported files are relative to it. */
  sourceDir: string;
  /** Every front matter key of the site, for did-you-mean on an undefined `page.*`. */
  knownPageKeys?: readonly string[];
  /** Filters and tags of the tree's `_plugins/*.mjs`. */
  plugins?: PluginRegistry;
  /** Filters and tags the tree's `_plugins/*.rb` defined in Jekyll, to say how to port them when used. */
  ruby?: RubyDefinitions;
  /** Each element's API reference by folder, for `{% operation %}`. */
  references?: ReadonlyMap<string, ApiReference>;
}

/**
 * A Liquid engine with Jekyll's semantics: an undefined variable renders as "" and an unknown filter passes its
 * value through, each reported at its line (src/liquid/liquid-problems.ts) as a warning, or as an error when
 * `_config.yml` sets `liquid: { strict_variables / strict_filters: true }`. liquidjs itself runs strict, so that
 * every undefined lookup surfaces with its position; pages render through src/liquid/jekyll-context.ts.
 */
export function createLiquid(setup: LiquidSetup): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    // Unknown filters are answered by src/liquid/unknown-filters.ts, not refused at parse time.
    strictFilters: false,
    // `{% if page.pollObject %}` on a page without it is how Jekyll content tests for optional values.
    lenientIf: true,
    jekyllInclude: true,
    dynamicPartials: false,
    ownPropertyOnly: true,
    // Jekyll keeps whitespace as written; Markdown after Liquid depends on it.
    greedy: false,
    // `"2024-03-01 10:00 -0800" | date: "%H:%M"` is 10:00, in the offset written, as Ruby's Time.parse reads it.
    preserveTimezones: true,
  });
  liquid.registerTag("include", IncludeTag);
  // jekyll-include-cache's tag, in many themes: the same include, whose output it only kept between pages.
  liquid.registerTag("include_cached", IncludeTag);
  liquid.registerTag("include_relative", IncludeRelativeTag);
  liquid.registerTag("icon", IconTag);
  liquid.registerTag("seo", SeoTag);
  liquid.registerTag("feed_meta", FeedMetaTag);
  liquid.registerTag("highlight", highlightTag(setup.markdownify));
  for (const [name, tag] of Object.entries(linkTags(setup.site.baseurl))) liquid.registerTag(name, tag);
  liquid.registerTag("operation", operationTag({ references: setup.references ?? new Map(), baseurl: setup.site.baseurl }));
  const filters = {
    ...urlFilters(setup.site),
    ...assetFilters(setup.site, setup.assetRoots ?? []),
    ...navigationFilters(setup.site),
    ...pageListFilters(setup.site),
    ...jekyllFilters(setup.markdownify, setup.smartify),
    ...jekyllArrayFilters(),
  };
  for (const [name, filter] of Object.entries(filters)) liquid.registerFilter(name, filter);
  readDatesAsJekyll(liquid);
  const ruby = setup.ruby ?? new Map();
  registerPlugins(liquid, setup.plugins ?? emptyRegistry());

  const problems = new LiquidProblems({
    sourceDir: setup.sourceDir,
    strictness: liquidStrictness(setup.site),
    knownPageKeys: setup.knownPageKeys ?? [],
    ruby,
    knownFilters: () => filterNames(liquid),
  });
  registerRubyOnlyTags(liquid, ruby, problems);
  reportUnknownFilters(liquid, problems);
  installRenderLoop(liquid, problems);
  installSyncEvaluation();
  installHtmlTokenScan();
  return liquid;
}
