import { describe, expect, it } from "vitest";
import { KRAMDOWN_TYPOGRAPHY, markdownSettings, markdownSettingsProblem } from "../../../src/markdown/kramdown-settings.ts";

describe("markdownSettings", () => {
  it.each([
    [undefined, "kramdown"],
    ["kramdown", "kramdown"],
    ["Kramdown", "kramdown"],
    ["CommonMark", "commonmark"],
    ["CommonMarkGhPages", "commonmark"],
    ["GFM", "commonmark"],
  ])("markdown: %s reads as %s (Jekyll's default is kramdown)", (markdown, flavor) => {
    expect(markdownSettings({ markdown }).flavor).toBe(flavor);
  });

  it("reads smart_quotes as entity names or code points", () => {
    expect(markdownSettings({ kramdown: { smart_quotes: "sbquo, lsquo, 8222, ldquo" } }).typography.quotes).toEqual(["‚", "‘", "„", "“"]);
  });

  it("uses kramdown's typography when kramdown: says nothing about it", () => {
    expect(markdownSettings({ kramdown: { input: "GFM" } }).typography).toEqual(KRAMDOWN_TYPOGRAPHY);
  });

  it("takes the typographic_symbols it names and kramdown's for the rest", () => {
    const { symbols } = markdownSettings({ kramdown: { typographic_symbols: { mdash: "--" } } }).typography;
    expect(symbols).toEqual({ ...KRAMDOWN_TYPOGRAPHY.symbols, mdash: "--" });
  });
});

describe("markdownSettingsProblem", () => {
  it("accepts a portal's settings", () => {
    expect(markdownSettingsProblem({ kramdown: { input: "GFM", smart_quotes: "lsquo,rsquo,ldquo,rdquo", auto_ids: true } })).toBeUndefined();
  });

  it.each([
    [{ smart_quotes: "lsquo,rsquo" }, 'kramdown: smart_quotes: must be four entity names or code points, not "lsquo,rsquo".'],
    [{ smart_quotes: "lsquo,rsquo,ldquo,curly" }, 'kramdown: smart_quotes: must be four entity names or code points, not "lsquo,rsquo,ldquo,curly".'],
    [{ typographic_symbols: { elipsis: "..." } }, 'kramdown: typographic_symbols: has no symbol named "elipsis".'],
    [{ typographic_symbols: "..." }, "kramdown: typographic_symbols: must map symbol names to the text written for them."],
  ])("reports %j", (kramdown, message) => {
    expect(markdownSettingsProblem({ kramdown })?.message).toBe(message);
  });

  it("reports a kramdown: that is not a mapping", () => {
    expect(markdownSettingsProblem({ kramdown: "GFM" })?.message).toBe("kramdown: must be a mapping of kramdown options.");
  });
});
