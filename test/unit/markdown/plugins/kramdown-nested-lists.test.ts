import { describe, expect, it } from "vitest";
import { renderAs } from "../helpers.ts";

const BRIEF = "1. First\n2. Advanced users can configure:\n  - sub one\n  - sub two\n3. Third\n";

describe("kramdown-nested-lists", () => {
  it("nests a list indented two spaces under a numbered item inside that item; the numbering goes on", () => {
    expect(renderAs("kramdown", BRIEF)).toBe(
      "<ol>\n<li>First</li>\n<li>Advanced users can configure:\n<ul>\n<li>sub one</li>\n<li>sub two</li>\n</ul>\n</li>\n<li>Third</li>\n</ol>\n",
    );
  });

  it("with kramdown off, the - lines are a sibling list and the numbering restarts", () => {
    expect(renderAs("commonmark", BRIEF)).toBe(
      '<ol>\n<li>First</li>\n<li>Advanced users can configure:</li>\n</ol>\n<ul>\n<li>sub one</li>\n<li>sub two</li>\n</ul>\n<ol start="3">\n<li>Third</li>\n</ol>\n',
    );
  });

  it("keeps the nested list's own nesting", () => {
    const html = renderAs("kramdown", "1. Configure:\n  - sandbox\n    - URL\n  - version\n2. Done\n");
    expect(html).toBe(
      "<ol>\n<li>Configure:\n<ul>\n<li>sandbox\n<ul>\n<li>URL</li>\n</ul>\n</li>\n<li>version</li>\n</ul>\n</li>\n<li>Done</li>\n</ol>\n",
    );
  });

  it("nests a numbered list written at the margin under a bullet item, as kramdown does", () => {
    expect(renderAs("kramdown", "- Steps:\n1. one\n2. two\n")).toBe("<ul>\n<li>Steps:\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n</li>\n</ul>\n");
  });

  it("leaves a list after a blank line as a list of its own", () => {
    expect(renderAs("kramdown", "1. Configure:\n\n  - sandbox\n")).toBe("<ol>\n<li>Configure:</li>\n</ol>\n<ul>\n<li>sandbox</li>\n</ul>\n");
  });

  it("leaves an item of the same kind a sibling", () => {
    expect(renderAs("kramdown", "1. one\n  2. two\n")).toBe("<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n");
  });
});
