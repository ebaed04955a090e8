// Eleventy configuration for Eleventy's own command line:
//   node --import tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts --input=TREE --output=DIR
// builds TREE with our pipeline; Eleventy writes it (and serves it with --serve). The tree is Eleventy's input
// folder: nothing passes through the environment. All logic lives in src/.
import { elementGuidesPlugin } from "./src/eleventy/element-guides-plugin.ts";

export default function (eleventyConfig: Parameters<typeof elementGuidesPlugin>[0] & { directories: { input: string } }) {
  elementGuidesPlugin(eleventyConfig, { sourceDir: eleventyConfig.directories.input });
}
