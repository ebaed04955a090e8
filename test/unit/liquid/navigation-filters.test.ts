import { describe, expect, it } from "vitest";
import type { ElementGuide } from "../../../src/elements/element-model.ts";
import { navigationFilters } from "../../../src/liquid/filters/navigation-filters.ts";
import { pageNav } from "../../../src/render/layout-variables/page-nav.ts";

const element: ElementGuide = {
  folder: "acme",
  name: "Acme",
  key: "acme",
  id: 1,
  hub: "crm",
  hubName: "CRM",
  hubLink: { name: "CRM", url: "/docs/elements.html#hub-crm" },
  authType: null,
  url: "/docs/elements/acme/index.html",
  pages: [
    { title: "Overview", url: "/docs/elements/acme/index.html", order: 1 },
    { title: "Auth <& \"Keys\">", url: "/docs/elements/acme/auth.html", order: 20 },
    { title: "Events", url: "/docs/elements/acme/events.html", order: 30 },
  ],
};

describe("sidebar_links", () => {
  it("lists the element's pages in order, marks only the current one, escapes titles and adds the base path", () => {
    const { sidebar_links } = navigationFilters({ baseurl: "/guides" });
    const html = sidebar_links(element, "/docs/elements/acme/auth.html");
    expect(html.split("\n")).toEqual([
      '<li><a href="/guides/docs/elements/acme/index.html">Overview</a></li>',
      '<li><a href="/guides/docs/elements/acme/auth.html" aria-current="page">Auth &lt;&amp; &quot;Keys&quot;&gt;</a></li>',
      '<li><a href="/guides/docs/elements/acme/events.html">Events</a></li>',
    ]);
    expect(sidebar_links(element, "/elsewhere.html")).not.toContain("aria-current");
    expect(sidebar_links(null, "/x")).toBe("");
  });
});

describe("pageNav", () => {
  it("gives the neighbours by order, and none at the ends or outside the element", () => {
    expect(pageNav(element, "/docs/elements/acme/auth.html")).toEqual({ previous: element.pages[0], next: element.pages[2] });
    expect(pageNav(element, "/docs/elements/acme/index.html").previous).toBeNull();
    expect(pageNav(element, "/docs/elements/acme/events.html").next).toBeNull();
    expect(pageNav(null, "/x")).toEqual({ previous: null, next: null });
  });
});
