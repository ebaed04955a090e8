// Eleventy configuration: composes the Element Guides plugin; all logic lives in src/.
import { elementGuidesPlugin } from "./src/eleventy/element-guides-plugin.ts";
import { optionsFromEnvironment } from "./src/eleventy/plugin-options.ts";

export default function (eleventyConfig: Parameters<typeof elementGuidesPlugin>[0]) {
  const options = optionsFromEnvironment();
  elementGuidesPlugin(eleventyConfig, options);
  return {
    dir: { input: options.sourceDir },
  };
}
