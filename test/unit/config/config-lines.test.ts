import { describe, expect, it } from "vitest";
import { childKeyLine, keyLine, listItemLine, valueLine } from "../../../src/config/config-lines.ts";

const CONFIG = [
  "title: Guides", // 1
  "kramdown:", // 2
  "  input: GFM", // 3
  "  header_offset: 1", // 4
  "defaults:", // 5
  "  - scope:", // 6
  "      path: docs", // 7
  "    values:", // 8
  '      layout: "guide"', // 9
  "  # the second entry", // 10
  "  - scope: {}", // 11
  "timezone : Europe/Berlin", // 12
];

describe("lines of _config.yml values", () => {
  it("find a top-level key, a key under it, an entry of its list, and a key with its value in its block", () => {
    expect(keyLine(CONFIG, "timezone")).toBe(12);
    expect(keyLine(CONFIG, "url")).toBeUndefined();
    expect(childKeyLine(CONFIG, "kramdown", "header_offset")).toBe(4);
    expect(childKeyLine(CONFIG, "kramdown", "toc_levels")).toBe(2);
    expect([0, 1, 2].map((item) => listItemLine(CONFIG, "defaults", item))).toEqual([6, 11, undefined]);
    expect(valueLine(CONFIG, "defaults", "layout", "guide")).toBe(9);
    expect(valueLine(CONFIG, "defaults", "layout", "other")).toBe(5);
  });
});
