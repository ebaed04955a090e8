import { deepFreeze, type SiteConfig } from "../config/site-config.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadPlugins } from "./load-plugins.ts";
import type { PluginPage, PluginRegistry } from "./plugin-api.ts";
import { pluginFailure } from "./plugin-failure.ts";

/**
 * Once per build: loads the tree's plugins, reports those that failed (once, here, though every render thread
 * loads them too), and returns `site` with their site values.
 */
export async function siteWithPlugins(
  sourceDir: string,
  site: SiteConfig,
  pages: readonly SourcePage[],
  diagnostics: { add(diagnostic: Diagnostic): void },
): Promise<SiteConfig> {
  const loaded = await loadPlugins(sourceDir);
  for (const diagnostic of loaded.diagnostics) diagnostics.add(diagnostic);
  return withPluginSiteValues(site, pages, loaded.registry, (diagnostic) => diagnostics.add(diagnostic));
}

/**
 * `site` with the plugins' site values added, each computed once, in plugin order (a later one sees the earlier
 * ones). The site travels to the render threads, so a value must be plain data; one that throws or is not is
 * reported at its plugin and left out.
 */
export async function withPluginSiteValues(
  site: SiteConfig,
  pages: readonly SourcePage[],
  registry: PluginRegistry,
  report: (diagnostic: Diagnostic) => void,
): Promise<SiteConfig> {
  if (registry.siteValues.length === 0) return site;
  // A copy: a plugin that changes a page's data must not change what the page renders.
  const pluginPages: readonly PluginPage[] = deepFreeze(
    structuredClone(pages.map((page) => ({ url: page.url, path: page.file, data: page.data }))),
  );
  const result: SiteConfig = { ...site };
  for (const { name, file, value: compute } of registry.siteValues) {
    try {
      const value = await compute(result, pluginPages);
      result[name] = structuredClone(value);
    } catch (error) {
      const what = error instanceof DOMException && error.name === "DataCloneError" ? `gave site.${name} a value that is not plain data` : `failed computing site.${name}`;
      report(pluginFailure(file, what, error));
    }
  }
  return deepFreeze(result);
}
