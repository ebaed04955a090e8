import { describe, expect, it } from "vitest";
import type { SourcePage } from "../../../src/content/source-page.ts";
import { buildElements } from "../../../src/elements/element-model.ts";
import { readHubList } from "../../../src/elements/hubs.ts";
import { siteCatalog } from "../../../src/elements/site-catalog.ts";

/** A page as loadPages makes it: inside an element folder when its file is. */
function page(file: string, data: Record<string, unknown>, body = ""): SourcePage {
  const folder = /^docs\/elements\/([^/]+)\//.exec(file)?.[1];
  return {
    file,
    absPath: `/site/${file}`,
    data,
    body,
    url: `/${file.replace(/\.md$/, ".html")}`,
    outputPath: file.replace(/\.md$/, ".html"),
    keyLines: {},
    ...(folder ? { elementFolder: folder } : {}),
  };
}

/** An element guide: its Overview with `overview` front matter, and pages with these titles (events.md for "Events"). */
function guide(folder: string, heading: string, overview: Record<string, unknown>, titles: string[] = []): SourcePage[] {
  return [
    page(`docs/elements/${folder}/index.md`, { heading, title: "Overview", order: 1, ...overview }),
    ...titles.map((title, i) => page(`docs/elements/${folder}/${title.toLowerCase().replace(/ /g, "-")}.md`, { heading, title, order: 10 + i })),
  ];
}

const HUBS = { hubs: [{ key: "crm", name: "CRM", description: "Accounts and deals.", icon: "M3 5h18v14H3z" }, { key: "helpdesk", name: "Help Desk" }] };

function catalogOf(pages: SourcePage[], gitDates: Map<string, string> = new Map()) {
  return siteCatalog(pages, buildElements(pages, readHubList(HUBS)), HUBS, gitDates);
}

describe("the catalog's cards", () => {
  const pages = [
    ...guide("acme-crm", "Acme CRM", { hub: "crm", authType: "oauth2", elementKey: "acmecrm", description: "Contacts and deals in Acme." }, ["Authenticate", "Events", "Bulk", "Querying"]),
    ...guide("box", "Box", { hub: "crm", authType: "API_Key", logo: "box-logo.svg" }, ["Authenticate"]),
    ...guide("quill", "Quill Help Desk", { hub: "helpdesk", authType: "Basic" }, ["Event Hooks", "Query Language"]),
  ];
  const catalog = catalogOf(pages);
  const card = (name: string) => catalog.sections.flatMap((s) => s.elements).find((e) => e.name === name)!;

  it("say how the element authenticates, as readers name it", () => {
    expect([card("Acme CRM"), card("Box"), card("Quill Help Desk")].map((e) => [e.authType, e.authName])).toEqual([
      ["oauth2", "OAuth 2.0"],
      ["apikey", "API key"],
      ["basic", "Basic"],
    ]);
    expect(catalog.authTypes).toEqual([
      { key: "apikey", name: "API key", count: 1 },
      { key: "basic", name: "Basic", count: 1 },
      { key: "oauth2", name: "OAuth 2.0", count: 1 },
    ]);
  });

  it("say what the guide covers, from its pages' titles", () => {
    expect(card("Acme CRM").supports).toEqual(["Events", "Bulk", "Query"]);
    expect(card("Box").supports).toEqual([]);
    expect(card("Quill Help Desk").supports).toEqual(["Events", "Query"]);
  });

  it("carry the Overview's description, and a logo (read from the page that gives it) or initials", () => {
    expect(card("Acme CRM")).toMatchObject({ description: "Contacts and deals in Acme.", logo: null, initials: "AC", pageCount: 5 });
    expect(card("Box")).toMatchObject({ description: null, logo: "/docs/elements/box/box-logo.svg", initials: "B" });
  });

  it("take a logo from the old tile list of the catalog page, front matter winning", () => {
    const tiles = page(
      "docs/elements.md",
      { title: "Element Guides", layout: "sidebarelementtile" },
      [
        `[![Acme](/assets/img/acme.png)](elements/acme-crm/)`,
        `<a class="tile" href="{{ site.baseurl }}/docs/elements/quill/index.html"><img src="../img/quill.svg" alt="Quill"></a>`,
        `<a href="elements/box/"><img src="/img/old-box.png"></a>`,
        `[![Remote](https://cdn.example.test/x.png)](elements/gone/)`,
      ].join("\n"),
    );
    const withTiles = catalogOf([tiles, ...pages]);
    const logos = Object.fromEntries(withTiles.sections.flatMap((s) => s.elements).map((e) => [e.name, e.logo]));
    expect(logos).toEqual({ "Acme CRM": "/assets/img/acme.png", Box: "/docs/elements/box/box-logo.svg", "Quill Help Desk": "/img/quill.svg" });
  });

  it("give each hub its line and icon from _data/hubs.yml, null where the file has none", () => {
    expect(catalog.hubs.map((h) => [h.key, h.description, h.icon, h.elements.length])).toEqual([
      ["crm", "Accounts and deals.", "M3 5h18v14H3z", 2],
      ["helpdesk", null, null, 1],
    ]);
    expect(catalog.sections[0].icon).toBe("M3 5h18v14H3z");
  });
});

describe("the home page's lists", () => {
  const pages = [
    ...guide("acme-crm", "Acme CRM", { hub: "crm" }, ["Authenticate", "Events"]),
    ...guide("box", "Box", { hub: "crm" }, ["Authenticate", "API Reference"]),
    ...guide("quill", "Quill", { hub: "helpdesk" }, ["Events"]),
    // A translation (loadPages marks it with its language) is not one of the element's pages.
    { ...page("docs/elements/quill/ko/index.md", { heading: "Quill", title: "개요" }), lang: "ko" },
  ];

  it("list the pages changed last, newest first, one per element, from git dates", () => {
    const dates = new Map([
      ["docs/elements/acme-crm/index.md", "2024-01-05"],
      ["docs/elements/acme-crm/events.md", "2024-03-07"],
      ["docs/elements/box/authenticate.md", "2024-03-07"],
      ["docs/elements/box/index.md", "2024-02-01"],
      ["docs/elements/quill/ko/index.md", "2025-01-01"],
      ["docs/elements/quill/events.md", "2023-12-31"],
    ]);
    expect(catalogOf(pages, dates).recent).toEqual([
      { title: "Events", url: "/docs/elements/acme-crm/events.html", element: "Acme CRM", date: "2024-03-07", dateText: "March 7, 2024" },
      { title: "Authenticate", url: "/docs/elements/box/authenticate.html", element: "Box", date: "2024-03-07", dateText: "March 7, 2024" },
      { title: "Events", url: "/docs/elements/quill/events.html", element: "Quill", date: "2023-12-31", dateText: "December 31, 2023" },
    ]);
    expect(catalogOf(pages).recent).toEqual([]);
  });

  it("start with what an element is, then the first element's Authenticate page and API reference", () => {
    expect(catalogOf(pages).startHere.map((step) => [step.title, step.url])).toEqual([
      ["What is an element?", "/docs/elements.html"],
      ["Authenticate an instance", "/docs/elements/acme-crm/authenticate.html"],
      ["Find the API reference", "/docs/elements/box/api-reference.html"],
    ]);
    expect(catalogOf(guide("quill", "Quill", {}, ["Events"])).startHere.map((step) => step.title)).toEqual(["What is an element?"]);
  });
});
