import type { SiteBuild } from "../render/build-site.ts";
import { buildSite } from "../render/build-site.ts";
import { printDiagnostics } from "../cli/print-diagnostics.ts";
import { takeHandedOffBuild } from "./build-handoff.ts";
import { copyStaticFiles } from "./copy-static-files.ts";
import type { PluginOptions } from "./plugin-options.ts";

interface EleventyConfig {
  on(event: string, callback: (arg: { directories: { output: string } }) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addWatchTarget(target: string): void;
  setTemplateFormats(formats: string[]): void;
  ignores: { add(pattern: string): void };
  setServerOptions(options: Record<string, unknown>): void;
}

/**
 * Eleventy orchestrates; our pipeline renders. One paginated virtual template writes every output of the
 * in-memory build: measured here, that writes 1,500 pages four times faster than 1,500 Markdown templates,
 * because Eleventy's per-template data cascade and file reading are skipped.
 */
export function elementGuidesPlugin(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  let build: SiteBuild | undefined;

  // Eleventy must not pick up the tree's Markdown itself; only our virtual template is a template.
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  eleventyConfig.ignores.add("**/*.11ty.js");
  for (const target of ["docs/**", "_includes/**", "_layouts/**", "_data/**", "_config.yml", "assets/**", "index.md"]) {
    eleventyConfig.addWatchTarget(`${options.sourceDir}/${target}`);
  }

  eleventyConfig.on("eleventy.before", async () => {
    build = takeHandedOffBuild() ?? (await buildSite(options));
    // In the live preview a content error is printed and the build carries on with the pages that rendered.
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
