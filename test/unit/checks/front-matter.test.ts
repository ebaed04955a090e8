import { describe, expect, it } from "vitest";
import { checkFrontMatter } from "../../../src/checks/front-matter/check-front-matter.ts";
import { pageKeysRead } from "../../../src/content/page-keys-read.ts";
import { readFrontMatter } from "../../../src/content/load-pages.ts";
import type { SourcePage } from "../../../src/content/source-page.ts";
import type { ListedHub } from "../../../src/elements/hubs.ts";

/** A page as loadPages would make it, from its file text. */
function sourcePage(file: string, text: string): SourcePage {
  const parsed = readFrontMatter(text, file)!;
  return {
    file,
    absPath: `/site/${file}`,
    ...parsed,
    url: `/${file.replace(/\.md$/, ".html")}`,
    outputPath: file.replace(/\.md$/, ".html"),
    elementFolder: /^docs\/elements\/([^/]+)\//.exec(file)?.[1],
  };
}

const GOOD = `heading: Acme CRM
seo: Events | Acme CRM
title: Events
description: Receive events.
layout: sidebarelementdoc
breadcrumbs: /docs/elements.html
parent: Back to Element Guides
elementId: 50
elementKey: acmecrm
hdOrcrm: crm
order: 30
sitemap: true
redirect_from:
  - /docs/old-events.html`;

function check(front: string, options: { file?: string; body?: string; hubs?: ListedHub[]; templateKeys?: string[] } = {}) {
  const page = sourcePage(options.file ?? "docs/elements/acme-crm/events.md", `---\n${front}\n---\n${options.body ?? ""}`);
  return checkFrontMatter({
    pages: [page],
    context: { hubs: "hubs" in options ? options.hubs : [{ key: "crm", name: "CRM" }, { key: "helpdesk", name: "Help Desk" }], sitePathExists: (p) => p === "/docs/elements.html" },
    templateKeys: new Set(options.templateKeys ?? []),
  }).map((d) => ({ line: d.line, severity: d.severity, code: d.code, message: d.message, hint: d.hint }));
}

describe("front matter of element guide pages", () => {
  it("accepts a complete page", () => {
    expect(check(GOOD)).toEqual([]);
  });

  it("requires heading, title and layout, pointing at the front matter's first line", () => {
    expect(check("seo: x\norder: 3").map((d) => [d.line, d.code, d.message]).sort()).toEqual([
      [1, "front-matter-required", expect.stringMatching(/^heading is required/)],
      [1, "front-matter-required", expect.stringMatching(/^layout is required/)],
      [1, "front-matter-required", expect.stringMatching(/^title is required/)],
    ]);
  });

  it("reports a wrong value at its key's line, saying what the field must be", () => {
    const at = (front: string) => check(GOOD.replace(/^elementId: 50$/m, front));
    expect(at('elementId: "fifty"')).toEqual([
      { line: 9, severity: "error", code: "front-matter-type", message: 'elementId must be a positive whole number, such as 50, not "fifty"', hint: undefined },
    ]);
    expect(at("elementId: -4")[0].message).toBe("elementId must be a positive whole number, such as 50, not -4");
    expect(at('elementId: "50"')[0].message).toContain('not the text "50" (remove the quotes)');
    expect(check(GOOD.replace("elementKey: acmecrm", "elementKey: Acme-CRM"))[0]).toMatchObject({ line: 10, message: expect.stringContaining("lowercase letters and digits") });
    expect(check(GOOD.replace("order: 30", "order: 2.5"))[0]).toMatchObject({ line: 12, message: "order must be a whole number, such as 30, not 2.5" });
    expect(check(GOOD.replace("sitemap: true", "sitemap: no way"))[0]).toMatchObject({ line: 13, message: 'sitemap must be true or false, not "no way"' });
    expect(check(GOOD.replace("  - /docs/old-events.html", "  - https://example.test/x"))[0]).toMatchObject({ line: 14, code: "front-matter-type" });
  });

  it("accepts redirect_from as one path or a list, with or without leading slash", () => {
    expect(check(GOOD.replace("redirect_from:\n  - /docs/old-events.html", "redirect_from: docs/old.html"))).toEqual([]);
  });

  it("checks hub and hdOrcrm against the keys and names of _data/hubs.yml, with a did-you-mean", () => {
    expect(check(GOOD.replace("hdOrcrm: crm", "hdOrcrm: Hepldesk"))).toEqual([
      {
        line: 11,
        severity: "error",
        code: "front-matter-hub",
        message: 'hdOrcrm "Hepldesk" is not a hub of _data/hubs.yml: did you mean "helpdesk" (Help Desk)?',
        hint: "Write a hub's key or name; case, spaces and punctuation do not matter. Hubs: crm (CRM), helpdesk (Help Desk).",
      },
    ]);
    expect(check(GOOD.replace("hdOrcrm: crm", "hub: Marketing"))[0].message).toBe('hub "Marketing" is not a hub of _data/hubs.yml');
    for (const spelling of ["CRM", "crm", "Help Desk", "helpdesk", "help-desk", "HELP_DESK"]) {
      expect(check(GOOD.replace("hdOrcrm: crm", `hub: ${spelling}`)), spelling).toEqual([]);
    }
  });

  it("accepts any hub name when the site has no _data/hubs.yml, but not one without a letter or digit", () => {
    expect(check(GOOD.replace("hdOrcrm: crm", "hub: Scheduling & Bookings"), { hubs: undefined })).toEqual([]);
    expect(check(GOOD.replace("hdOrcrm: crm", 'hub: "--"'), { hubs: undefined })).toEqual([
      expect.objectContaining({ line: 11, code: "front-matter-hub", message: 'hub must name a hub, such as CRM or Help Desk, not "--"' }),
    ]);
  });

  it("requires breadcrumbs to be a path of the built site", () => {
    expect(check(GOOD.replace("/docs/elements.html", "/docs/element.html"))).toEqual([
      expect.objectContaining({ line: 7, code: "front-matter-breadcrumbs", message: "breadcrumbs points to /docs/element.html, which is not a page or file of this site" }),
    ]);
    expect(check(GOOD.replace("/docs/elements.html", "docs/elements.html"))[0]).toMatchObject({ line: 7, code: "front-matter-breadcrumbs" });
  });
});

describe("unknown front matter keys", () => {
  it("warn with a did-you-mean for near misses", () => {
    expect(check(`${GOOD}\nelementkey: acme\noder: 3`)).toEqual([
      { line: 16, severity: "warning", code: "front-matter-unknown-key", message: 'Unknown front matter key "elementkey": did you mean "elementKey"?', hint: "Rename it to elementKey." },
      expect.objectContaining({ line: 17, message: 'Unknown front matter key "oder": did you mean "order"?' }),
    ]);
  });

  it("warn without a suggestion when nothing is close", () => {
    expect(check(`${GOOD}\nfavouriteColour: blue`)).toEqual([
      expect.objectContaining({ line: 16, severity: "warning", message: 'Unknown front matter key "favouriteColour"', hint: expect.stringContaining("page.favouriteColour") }),
    ]);
  });

  it("are allowed when an include or layout reads them, or the page itself does", () => {
    expect(check(`${GOOD}\nusername: Login Name\npollObject: accounts`, { templateKeys: ["username", "pollObject"] })).toEqual([]);
    expect(check(`${GOOD}\napiKey: Token`, { body: "Use your {{ page.apiKey }}." })).toEqual([]);
  });

  it("are allowed on plain pages too, which need no element fields", () => {
    expect(check("title: About\nlayout: page", { file: "docs/about.md" })).toEqual([]);
  });

  it("take words YAML reads as a number or true, as Jekyll prints them, and an empty one as nil, fine where optional", () => {
    expect(check("title: 2.4\nseo: 2024\ndescription: yes", { file: "docs/release.md" })).toEqual([]);
    expect(check("title: About\ndescription:\nparent:", { file: "docs/about.md" })).toEqual([]);
    expect(readFrontMatter("---\ntitle: 2.4\nseo: yes\nparent:\n---\n", "docs/release.md")!.data).toEqual({ title: "2.4", seo: "true", parent: null });
    // As Ruby prints what Psych reads: a whole Float keeps its .0, and 1e3 is no number to Psych.
    expect(readFrontMatter("---\ntitle: 2.0\nseo: 1e3\ndescription: 2.50 # the patch\nheading: 0x10\n---\n", "docs/release.md")!.data).toEqual({
      title: "2.0",
      seo: "1e3",
      description: "2.5",
      heading: "16",
    });
  });

  it("report a required word left empty at its own line, once", () => {
    expect(check(GOOD.replace("heading: Acme CRM", "heading:"))).toEqual([
      {
        line: 2,
        severity: "error",
        code: "front-matter-required",
        message: expect.stringMatching(/^heading is empty, but is required: /),
        hint: 'Give "heading:" a value, like the element\'s other pages.',
      },
    ]);
  });

  it("take layout: null on a plain page, Jekyll's way of saying no layout (a feed), and nothing else but a name", () => {
    expect(check("title: Feed\nlayout: null", { file: "feed.xml" })).toEqual([]);
    expect(check("title: Feed\nlayout: 3", { file: "feed.xml" })).toEqual([expect.objectContaining({ line: 3, code: "front-matter-type" })]);
  });
});

describe("pageKeysRead", () => {
  it("finds page.<key> and page['key'] reads in Liquid text", () => {
    expect([...pageKeysRead("{{ page.username }} {% if page.poll_object %}{{page[\"api-key\"]}}{{ include.x }}")]).toEqual([
      "username",
      "poll_object",
      "api-key",
    ]);
  });
});

describe("pages with empty front matter", () => {
  it("are checked like any other: an element page still needs its fields", () => {
    expect(check("").map((d) => d.code)).toEqual(["front-matter-required", "front-matter-required", "front-matter-required"]);
  });
});

describe("front matter that is not key: value lines", () => {
  it("is an error on its first line", () => {
    expect(check("just some text")).toEqual([expect.objectContaining({ line: 2, code: "front-matter-type", message: expect.stringContaining("key: value") })]);
  });
});
