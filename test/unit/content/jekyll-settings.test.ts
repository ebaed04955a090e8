import { describe, expect, it } from "vitest";
import { contentSettings } from "../../../src/content/jekyll-settings.ts";

/** The warnings `_config.yml` values give, as code and message. */
const warnings = (config: Record<string, unknown>) =>
  contentSettings(config, (key, child) => (key === "collections" ? 7 : key === "kramdown" ? (child ? 4 : 3) : undefined))
    .problems.filter((problem) => problem.severity === "warning")
    .map(({ code, line, message }) => ({ code, line, message }));

describe("settings of _config.yml that are not applied", () => {
  it("read collections besides posts, and name collections_dir:, which is not applied", () => {
    const settings = contentSettings({ collections: { tutorials: { output: true, permalink: "/learn/:path/" }, posts: { output: true }, authors: null } }).settings;
    expect(settings.collections).toEqual([
      { label: "tutorials", output: true, permalink: "/learn/:path/", asSiteKey: true },
      { label: "authors", output: false, asSiteKey: true },
    ]);
    expect(contentSettings({ collections: ["recipes"] }).settings.collections).toEqual([{ label: "recipes", output: false, asSiteKey: true }]);
    expect(warnings({ collections: ["recipes"] })).toEqual([]);
    expect(warnings({ collections_dir: "my_collections" })).toEqual([expect.objectContaining({ code: "config-ignored", message: expect.stringMatching(/^collections_dir: "my_collections" is not applied/) })]);
  });

  it("name each kramdown option that changes its output and is not applied, at its line, only with kramdown", () => {
    expect(warnings({ kramdown: { input: "GFM", hard_wrap: true, header_offset: 1, footnote_nr: 1 } })).toEqual([
      { code: "config-ignored", line: 4, message: "kramdown: header_offset is not applied here: pages render without it" },
    ]);
    expect(warnings({ markdown: "CommonMark", kramdown: { header_offset: 1 } })).toEqual([]);
  });
});
