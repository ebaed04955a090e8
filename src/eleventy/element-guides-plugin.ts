import type { SiteBuild } from "../build/build-site.ts";
import { buildSite } from "../build/build-site.ts";
import { printDiagnostics } from "../diagnostics/print-diagnostics.ts";
import { copyStaticFiles } from "../build/copy-static-files.ts";

/** What the plugin needs: where the tree is. Eleventy's own `--input` gives it (see .eleventy.ts). */
export interface PluginOptions {
  /** The source tree: docs/, _includes/, _data/, _config.yml, assets/. */
  sourceDir: string;
  /** Overrides `baseurl` of `_config.yml`. */
  baseurl?: string;
}

interface EleventyConfig {
  on(event: "eleventy.before" | "eleventy.after", callback: (arg: { directories: { output: string } }) => unknown): void;
  setDataDirectory(dir: string): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addWatchTarget(target: string): void;
  setTemplateFormats(formats: string[]): void;
  ignores: { add(pattern: string): void };
}

/**
 * Builds a tree with our pipeline under Eleventy's own command line (`npx @11ty/eleventy`), which then writes
 * and serves it. `npm run build` writes without Eleventy (src/build/write-site.ts) and `npm start` serves with
 * Eleventy's dev server alone (src/dev/preview-server.ts): both measured faster (see their files). One paginated
 * virtual template writes every output of the build, which skips Eleventy's per-template data cascade.
 */
export function elementGuidesPlugin(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  let build: SiteBuild | undefined;

  // Eleventy must not pick up the tree's Markdown itself; only our virtual template is a template.
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  // `_data/` is ours (src/config/data-files.ts): Eleventy would parse its JSON as global data of every page.
  eleventyConfig.setDataDirectory("_eleventy-data-unused");
  eleventyConfig.ignores.add("**/*.11ty.js");
  // Under `--serve`, any file of the tree rebuilds it.
  eleventyConfig.addWatchTarget(`${options.sourceDir}/**`);

  eleventyConfig.on("eleventy.before", async () => {
    build = await buildSite(options);
    if (build.diagnostics.items.length) printDiagnostics(build.diagnostics);
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (build) await copyStaticFiles(build.staticFiles, directories.output);
  });

  eleventyConfig.addGlobalData("elementGuidesOutputs", () => build?.outputs ?? []);
  eleventyConfig.addTemplate(
    "element-guides-pages.11ty.js",
    {
      data: () => ({
        pagination: { data: "elementGuidesOutputs", size: 1, alias: "output" },
        permalink: (data: { output: { outputPath: string } }) => data.output.outputPath,
        eleventyExcludeFromCollections: true,
        layout: false,
      }),
      render: (data: { output: { html: string } }) => data.output.html,
    },
    {},
  );
}
