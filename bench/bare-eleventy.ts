import fs from "node:fs";
import path from "node:path";

/**
 * The floor: Eleventy 3 with only Markdown and Liquid, every layout a bare `{{ content }}`, Jekyll-style
 * includes on. Returns the config file to pass to Eleventy's own command line; Eleventy reads the
 * layouts folder relative to the input folder.
 */
export function writeBareEleventyConfig(dir: string, inputDir: string, layoutNames: string[]): string {
  fs.mkdirSync(path.join(dir, "layouts"), { recursive: true });
  for (const name of layoutNames) fs.writeFileSync(path.join(dir, "layouts", `${name}.liquid`), "{{ content }}");
  const config = path.join(dir, "eleventy.config.mjs");
  fs.writeFileSync(
    config,
    `export default function (eleventyConfig) {
  eleventyConfig.setLiquidOptions({ jekyllInclude: true, dynamicPartials: false });
  eleventyConfig.setTemplateFormats(["md", "liquid"]);
  return { dir: { includes: "_includes", layouts: ${JSON.stringify(path.relative(inputDir, path.join(dir, "layouts")))} } };
}
`,
  );
  return config;
}
