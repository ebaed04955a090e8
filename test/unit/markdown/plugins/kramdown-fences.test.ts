import { describe, expect, it } from "vitest";
import { HtmlPage, textOf } from "../../../support/html-page.ts";
import { renderAs } from "../helpers.ts";

const BRIEF = "* Request:\n\n    ```bash\n    curl x\n```\n\n* Next item\n\n## After\n\nText after.\n";

describe("kramdown-fences", () => {
  it("closes a fence opened in a list item at a fence line at the margin, and the list goes on", () => {
    const page = new HtmlPage(renderAs("kramdown", BRIEF));
    expect(page.all("pre code").map(textOf)).toEqual(["curl x"]);
    expect(page.all("ul > li").map(textOf)).toEqual([expect.stringContaining("Request:"), "Next item"]);
    expect(page.text("h2")).toBe("After");
    expect(page.all("p").map(textOf)).toContain("Text after.");
  });

  it("with kramdown off, the margin fence opens a block that swallows the rest", () => {
    const page = new HtmlPage(renderAs("commonmark", BRIEF));
    expect(page.all("h2")).toEqual([]);
    expect(page.all("pre code").map(textOf)[1]).toBe("* Next item\n\n## After\n\nText after.");
  });

  it("does not close at a margin fence shorter than the opening one", () => {
    const page = new HtmlPage(renderAs("kramdown", "* Request:\n\n    ````\n    curl x\n```\n"));
    expect(page.all("pre code").map(textOf)).toEqual(["curl x", ""]);
  });

  it("leaves a margin fence after a properly closed one alone", () => {
    const page = new HtmlPage(renderAs("kramdown", "* Request:\n\n    ```\n    curl x\n    ```\n```\ny\n```\n"));
    expect(page.all("li pre code").map(textOf)).toEqual(["curl x"]);
    expect(page.all("pre code").map(textOf)).toEqual(["curl x", "y"]);
  });
});
