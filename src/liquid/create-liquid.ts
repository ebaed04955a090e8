import { Liquid } from "liquidjs";
import { assetFilters } from "./filters/asset-filters.ts";
import { jekyllFilters } from "./filters/jekyll-filters.ts";
import { navigationFilters } from "./filters/navigation-filters.ts";
import { urlFilters } from "./filters/url-filters.ts";
import { IconTag } from "./tags/icon.ts";
import { IncludeRelativeTag } from "./tags/include-relative.ts";
import { IncludeTag } from "./tags/include.ts";
import { installRecordingRenderer } from "./recording-renderer.ts";

export interface LiquidSetup {
  site: { url: string; baseurl: string };
  /** Folders whose `assets/` the `asset_url` filter versions, in lookup order. */
  assetRoots?: readonly string[];
  /** Renders Markdown for the `markdownify` filter. */
  markdownify: (text: string) => string;
}

/** A Liquid engine with Jekyll's semantics, strict so that a writer's typo fails the build instead of vanishing. */
export function createLiquid(setup: LiquidSetup): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    // `{% if page.pollObject %}` on a page without it is how Jekyll content tests for optional values.
    lenientIf: true,
    jekyllInclude: true,
    dynamicPartials: false,
    ownPropertyOnly: true,
    // Jekyll keeps whitespace as written; Markdown after Liquid depends on it.
    greedy: false,
  });
  liquid.registerTag("include", IncludeTag);
  liquid.registerTag("include_relative", IncludeRelativeTag);
  liquid.registerTag("icon", IconTag);
  const filters = {
    ...urlFilters(setup.site),
    ...assetFilters(setup.site, setup.assetRoots ?? []),
    ...navigationFilters(setup.site),
    ...jekyllFilters(setup.markdownify),
  };
  for (const [name, filter] of Object.entries(filters)) liquid.registerFilter(name, filter);
  // Page bodies rendered with a source map record where their output comes from (for checks' file:line).
  installRecordingRenderer(liquid);
  return liquid;
}
