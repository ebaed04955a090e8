import { describe, expect, it } from "vitest";
import { renderAs } from "../helpers.ts";

const altOf = (markdown: string, flavor: "kramdown" | "commonmark" = "commonmark"): string | undefined =>
  /<img [^>]*alt="([^"]*)"/.exec(renderAs(flavor, markdown))?.[1];

describe("image alt text", () => {
  it("keeps the description's escapes, character references and code spans, as CommonMark does", () => {
    expect(altOf("![C\\# example](cs.png)")).toBe("C# example");
    expect(altOf("![Tom&#39;s dashboard](t.png)")).toBe("Tom's dashboard");
    expect(altOf("![Flow: A &rarr; B](d.png)")).toBe("Flow: A → B");
    expect(altOf("![The `config.yml` file](c.png)")).toBe("The config.yml file");
  });

  it("is plain text: emphasis and links inside the description lose their markup, and quotes are escaped", () => {
    expect(altOf('![a *very* [linked](/x) "chart"](c.png)')).toBe("a very linked &quot;chart&quot;");
    expect(altOf("![two\nlines](c.png)")).toBe("two\nlines");
  });

  it("is the same under kramdown's rules", () => {
    expect(altOf("![The `config.yml` file \\*](c.png)", "kramdown")).toBe("The config.yml file *");
  });
});
