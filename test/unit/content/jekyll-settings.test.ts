import { describe, expect, it } from "vitest";
import { contentSettings } from "../../../src/content/jekyll-settings.ts";

/** The warnings `_config.yml` values give, as code and message. */
const warnings = (config: Record<string, unknown>) =>
  contentSettings(config, (key, child) => (key === "collections" ? 7 : key === "kramdown" ? (child ? 4 : 3) : undefined))
    .problems.filter((problem) => problem.severity === "warning")
    .map(({ code, line, message }) => ({ code, line, message }));

describe("settings of _config.yml that are not applied", () => {
  it("name each collection besides posts, whose files are not published, at collections:", () => {
    expect(warnings({ collections: { tutorials: { output: true }, posts: { output: true } } })).toEqual([
      expect.objectContaining({ code: "config-ignored", line: 7, message: expect.stringMatching(/^collections: tutorials is not published/) }),
    ]);
    expect(warnings({ collections: ["recipes"] })).toEqual([expect.objectContaining({ message: expect.stringMatching(/^collections: recipes /) })]);
    expect(warnings({ collections: ["posts"] })).toEqual([]);
  });

  it("name each kramdown option that changes its output and is not applied, at its line, only with kramdown", () => {
    expect(warnings({ kramdown: { input: "GFM", hard_wrap: true, header_offset: 1, footnote_nr: 1 } })).toEqual([
      { code: "config-ignored", line: 4, message: "kramdown: header_offset is not applied here: pages render without it" },
    ]);
    expect(warnings({ markdown: "CommonMark", kramdown: { header_offset: 1 } })).toEqual([]);
  });
});
