import { describe, expect, it } from "vitest";
import { renderAs } from "../helpers.ts";

const BRIEF = "Example: /contacts**?where=x**&page=1\n";

describe("kramdown-emphasis", () => {
  it("reads ** inside a word as strong", () => {
    expect(renderAs("kramdown", BRIEF)).toBe("<p>Example: /contacts<strong>?where=x</strong>&amp;page=1</p>\n");
  });

  it("with kramdown off, leaves the stars as text", () => {
    expect(renderAs("commonmark", BRIEF)).toBe("<p>Example: /contacts**?where=x**&amp;page=1</p>\n");
  });

  it("does not open before whitespace or close after it", () => {
    expect(renderAs("kramdown", "a ** b** and 2 * 3 * 4\n")).toBe("<p>a ** b** and 2 * 3 * 4</p>\n");
  });

  it("keeps underscores inside words as text", () => {
    expect(renderAs("kramdown", "snake_case_name and **bold**\n")).toBe("<p>snake_case_name and <strong>bold</strong></p>\n");
  });
});
