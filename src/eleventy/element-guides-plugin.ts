import type { SiteBuild } from "../render/build-site.ts";
import { buildSite } from "../render/build-site.ts";
import { printDiagnostics } from "../diagnostics/print-diagnostics.ts";
import { copyStaticFiles } from "./copy-static-files.ts";
import type { PluginOptions } from "./plugin-options.ts";
import { previewBuild, type PreviewBuild } from "./preview-build.ts";

interface EleventyConfig {
  on(event: "eleventy.beforeWatch", callback: (changedFiles: string[]) => unknown): void;
  on(event: string, callback: (arg: { directories: { output: string }; runMode?: string }) => unknown): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  setDataDirectory(dir: string): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addWatchTarget(target: string): void;
  setTemplateFormats(formats: string[]): void;
  ignores: { add(pattern: string): void };
  setServerOptions(options: Record<string, unknown>): void;
}

/**
 * The live preview's (and Eleventy's own command line's) bridge: our pipeline renders, Eleventy serves,
 * watches and writes. One paginated virtual template writes every output of the in-memory build: measured here, that writes 1,500 pages four times faster than 1,500 Markdown templates,
 * because Eleventy's per-template data cascade and file reading are skipped.
 */
export function elementGuidesPlugin(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  let build: SiteBuild | undefined;

  // Eleventy must not pick up the tree's Markdown itself; only our virtual template is a template.
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  // `_data/` is ours (src/config/data-files.ts). Eleventy would also parse its JSON as global data: a file saved
  // with a syntax error would crash its build in the preview, and every page would carry a copy.
  eleventyConfig.setDataDirectory("_eleventy-data-unused");
  eleventyConfig.ignores.add("**/*.11ty.js");
  for (const target of ["docs/**", "_includes/**", "_layouts/**", "_data/**", "_plugins/**", "_config.yml", "assets/**", "index.md"]) {
    eleventyConfig.addWatchTarget(`${options.sourceDir}/${target}`);
  }

  // The live preview (`runMode` serve or watch) keeps the last build and writes only the outputs a save changed.
  let preview: PreviewBuild | undefined;
  let changedFiles: string[] | undefined;
  // Eleventy waits for a saved file to stay unchanged this long before building; its default (150 ms) is half
  // of our budget from save to written page.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
  eleventyConfig.on("eleventy.beforeWatch", (queue) => {
    changedFiles = [...(changedFiles ?? []), ...queue];
  });

  eleventyConfig.on("eleventy.before", async ({ directories, runMode }) => {
    if (runMode === "serve" || runMode === "watch") {
      const changed = changedFiles;
      changedFiles = undefined;
      build = undefined;
      preview = await previewBuild(options, changed, directories.output);
      return;
    }
    // Eleventy's own command line (`npx @11ty/eleventy`); `npm run build` writes without Eleventy (src/build/write-site.ts).
    build = await buildSite(options);
    if (build.diagnostics.items.length) printDiagnostics(build.diagnostics);
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const files = build?.staticFiles ?? preview?.staticFiles;
    if (files) await copyStaticFiles(files, directories.output);
  });

  eleventyConfig.addGlobalData("elementGuidesOutputs", () => build?.outputs ?? preview?.changed ?? []);
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
