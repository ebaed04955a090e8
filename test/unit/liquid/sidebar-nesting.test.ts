// An element's sidebar puts nested entries (an API reference's tag pages) in a list inside the entry before them.
import { parseDocument, DomUtils } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { ElementGuide } from "../../../src/elements/element-model.ts";
import { navigationFilters } from "../../../src/liquid/filters/navigation-filters.ts";

const element = (pages: Array<[string, boolean]>) =>
  ({ pages: pages.map(([title, nested], order) => ({ title, url: `/${title}.html`, order, ...(nested ? { nested } : {}) })) }) as unknown as ElementGuide;

function outline(html: string): string[] {
  const document = parseDocument(`<ol>${html}</ol>`);
  const depth = (node: { parent: unknown }): number => {
    let count = 0;
    for (let at = node.parent as { name?: string; parent: unknown } | null; at; at = at.parent as never) if (at.name === "ol") count++;
    return count;
  };
  return DomUtils.findAll((el) => el.name === "a", document.children).map((a) => `${"  ".repeat(depth(a) - 1)}${DomUtils.textContent(a)}${a.attribs["aria-current"] ? " (current)" : ""}`);
}

describe("sidebar_links", () => {
  const { sidebar_links } = navigationFilters({ baseurl: "" });

  it("nests entries under the one before them, and closes the list before the next top-level entry", () => {
    const html = sidebar_links(element([["Overview", false], ["API reference", false], ["Orders", true], ["Shipping", true], ["Later", false]]), "/Orders.html");
    expect(outline(html)).toEqual(["Overview", "API reference", "  Orders (current)", "  Shipping", "Later"]);
    expect(html.match(/<li>/g)?.length).toBe(html.match(/<\/li>/g)?.length);
  });

  it("closes a nested list that ends the sidebar", () => {
    const html = sidebar_links(element([["Overview", false], ["API reference", false], ["Orders", true]]), "/Overview.html");
    expect(outline(html)).toEqual(["Overview (current)", "API reference", "  Orders"]);
    expect(html.endsWith("</li></ol></li>")).toBe(true);
  });

  it("keeps a first entry marked nested at the top: it has nothing to sit under", () => {
    expect(outline(sidebar_links(element([["Orders", true], ["Next", false]]), "/x.html"))).toEqual(["Orders", "Next"]);
  });
});
