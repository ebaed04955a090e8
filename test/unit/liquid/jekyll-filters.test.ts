// Filters whose results Jekyll themes print: they must come out as Ruby's Liquid and Jekyll make them.
import { describe, expect, it } from "vitest";
import { createLiquid } from "../../../src/liquid/create-liquid.ts";
import { JekyllContext } from "../../../src/liquid/jekyll-context.ts";

const liquid = createLiquid({ site: { url: "https://docs.example.test", baseurl: "" }, markdownify: (text) => text, sourceDir: "/nowhere" });
const render = (source: string, scope: Record<string, unknown> = {}) =>
  liquid.renderSync(liquid.parse(source), new JekyllContext(scope, liquid.options, { sync: true }, { liquid }));

describe("slugify", () => {
  it("makes Jekyll's slugs: one hyphen per run, none at the ends, lowercase", () => {
    expect(render("{{ 'C++ / C# -- Guide' | slugify }}")).toBe("c-c-guide");
    expect(render("{{ '  Trim me  ' | slugify }}")).toBe("trim-me");
    expect(render("{{ 'Hello World & Friends!' | slugify }}")).toBe("hello-world-friends");
    expect(render("{{ 'Ünïcode Ça' | slugify }}")).toBe("ünïcode-ça");
  });

  it("takes Jekyll's modes", () => {
    expect(render("{{ 'Ünïcode Ça' | slugify: 'ascii' }}")).toBe("n-code-a");
    expect(render("{{ 'Ünïcode Ça' | slugify: 'latin' }}")).toBe("unicode-ca");
    expect(render("{{ 'Straße ǅ ŒŁ Æsir Ørsted' | slugify: 'latin' }}")).toBe("strasse-oel-aesir-orsted");
    expect(render("{{ 'The _config.yml file?' | slugify: 'pretty' }}")).toBe("the-_config.yml-file");
    expect(render("{{ 'A  b_c' | slugify: 'raw' }}")).toBe("a-b_c");
    expect(render("{{ 'As Is!' | slugify: 'none' }}")).toBe("as is!");
  });
});

describe("divided_by", () => {
  it("divides whole numbers as Ruby's Liquid does, rounding down, and decimals exactly", () => {
    expect(render("{{ 1234 | divided_by: 200 }}")).toBe("6");
    expect(render("{{ words | divided_by: 200 }}", { words: "1234" })).toBe("6");
    expect(render("{{ -7 | divided_by: 2 }}")).toBe("-4");
    expect(render("{{ 7 | divided_by: 2.0 }}")).toBe("3.5");
    expect(render("{{ '7.5' | divided_by: 3 }}")).toBe("2.5");
    expect(render("{{ 10.0 | divided_by: 4 }}")).toBe("2.5");
    expect(render("{{ 'abc' | divided_by: 2 }}")).toBe("0");
    expect(render("{{ '12px' | divided_by: 5 }}")).toBe("2");
    expect(render("{{ n | times: 1.0 | divided_by: total | times: 100 }}", { n: 1, total: 8 })).toBe("12.5");
    expect(render("{% assign minutes = words | divided_by: 180 %}{{ minutes }}", { words: 400 })).toBe("2");
    // A decimal inside quoted text is no decimal written.
    expect(render('{{ "Version 2.5" | size | divided_by: 2 }}')).toBe("5");
    expect(render("{{ 'a{b 1.5' | size | divided_by: 2 }} {{ 9 | divided_by: 2 }}")).toBe("3 4");
  });

  it("refuses to divide a whole number by 0, as Ruby does", () => {
    expect(() => render("{{ 5 | divided_by: 0 }}")).toThrow(/divided by 0/);
  });
});

describe("sort", () => {
  const pages = [{ title: "B", order: 2 }, { title: "None" }, { title: "A", order: "10" }, { title: "C", order: 1 }];

  it("puts items without the property first, as Jekyll does, or last when asked, the others by it (numbers as numbers)", () => {
    expect(render("{% assign s = pages | sort: 'order' %}{{ s | map: 'title' | join: ',' }}", { pages })).toBe("None,C,B,A");
    expect(render("{% assign s = pages | sort: 'order', 'last' %}{{ s | map: 'title' | join: ',' }}", { pages })).toBe("C,B,A,None");
    expect(render("{{ list | sort | join: ',' }}", { list: [3, 1, 2] })).toBe("1,2,3");
    const posts = ["2024-03-05", "2024-01-10", "2023-12-25"].map((day) => ({ title: day, date: new Date(day) }));
    expect(render("{{ posts | sort: 'date' | map: 'title' | join: ',' }}", { posts })).toBe("2023-12-25,2024-01-10,2024-03-05");
  });

  it("refuses a nils order other than first or last, as Jekyll does", () => {
    expect(() => render("{{ pages | sort: 'order', 'middle' }}", { pages })).toThrow(/Invalid nils order/);
  });
});
