// What the live preview renders, when, and what a save changes: its session on the jekyll-compat tree, without a
// server (test/dev/live-preview.test.ts drives the whole preview over HTTP).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { PreviewHarness } from "../support/preview-session.ts";
import { escapeRegExp } from "../../src/text/escape-reg-exp.ts";

let tree: string;
let preview: PreviewHarness;
const EVENTS = "docs/elements/tidewater-crm/events.md";
const EVENTS_HTML = "docs/elements/tidewater-crm/events.html";
const SETUP_HTML = "docs/elements/tidewater-crm/setup.html";
const isError = (html: string) => html.includes("data-element-guides-error");
const hasBanner = (html: string) => html.includes("data-element-guides-problems");
const source = (rel: string) => fs.readFileSync(path.join(tree, rel), "utf8");

/** Runs `test` on a session of its own, on a fresh copy of the tree; both are gone after. */
async function withOwnSession(test: (own: PreviewHarness, ownTree: string) => Promise<void>): Promise<void> {
  const ownTree = jekyllCompatTree();
  const own = await PreviewHarness.open(ownTree);
  try {
    await test(own, ownTree);
  } finally {
    own.close();
    fs.rmSync(ownTree, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  tree = jekyllCompatTree();
  preview = await PreviewHarness.open(tree);
});

afterAll(() => {
  preview?.close();
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe("the live preview renders a page when it is asked for", () => {
  it("renders the page a browser asks for, and nothing else yet", async () => {
    const html = await preview.page(EVENTS_HTML);
    expect(html).toContain("<h1");
    expect(preview.writes).toContain(EVENTS_HTML);
    expect(preview.writes).not.toContain(SETUP_HTML);
    expect(preview.summaries).toEqual([]);
  });

  it("renders and checks the rest in the background, then says so", async () => {
    await preview.settle();
    expect(preview.exists(SETUP_HTML)).toBe(true);
    expect(preview.exists("404.html")).toBe(true);
    expect(preview.exists("sitemap.xml")).toBe(true);
    expect(preview.summaries.at(-1)).toMatch(/^Preview: \d+ pages up to date/);
  });
});

describe("a save re-renders what it affects", () => {
  it("writes nothing when a save changes nothing", async () => {
    expect(await preview.save(EVENTS, source(EVENTS))).toEqual([]);
  });

  it("writes only the saved page (and its Markdown twin) when its text changes", async () => {
    const written = await preview.edit(EVENTS, (text) => `${text}\nA new paragraph.\n`);
    expect(written.sort()).toEqual([EVENTS_HTML, EVENTS]);
    expect(preview.read(EVENTS_HTML)).toContain("A new paragraph.");
  });

  it("writes only the pages that use a saved include", async () => {
    const written = await preview.edit("_includes/Elements/tidewater/authenticate.md", (text) => `${text}\nOne more sentence.\n`);
    expect(written.filter((file) => file.endsWith(".html")).sort()).toEqual([
      "docs/elements/tidewater-crm/authenticate.html",
      "docs/elements/tidewater-support/authenticate.html",
    ]);
  });

  it("shows a page's new title in the sidebar of every page of its element", async () => {
    const written = await preview.edit(EVENTS, (text) => text.replace("title: Events", "title: Event Hooks"));
    expect(written).toContain(SETUP_HTML);
    expect(preview.read(SETUP_HTML)).toContain("Event Hooks");
  });

  it("starts no new round and reloads no browser for a file the site does not use (an editor's swap file)", async () => {
    const summaries = preview.summaries.length;
    const reloads = preview.reloads.length;
    const written = await preview.save("docs/elements/tidewater-crm/.events.md.swp", "vim's swap file\n");
    expect(written).toEqual([]);
    expect(preview.summaries.length).toBe(summaries);
    expect(preview.reloads.length).toBe(reloads);
    await preview.save("docs/elements/tidewater-crm/.events.md.swp", undefined);
  });

  it("reads a saved data file again", async () => {
    await preview.edit("_data/glossary.yml", (text) => text.replace("the Tidewater Admin Portal", "the Tidewater Console"));
    expect(preview.read("docs/elements/tidewater-crm/authenticate.html")).toContain("the Tidewater Console");
  });

  it("serves a page added while it runs, and removes one deleted", async () => {
    await preview.save("docs/elements/tidewater-crm/limits.md", "---\ntitle: Limits\norder: 9\n---\n\n# Limits\n\nTen requests a second.\n");
    expect(await preview.page("docs/elements/tidewater-crm/limits.html")).toContain("Ten requests a second.");
    await preview.save("docs/elements/tidewater-crm/limits.md", undefined);
    expect(preview.exists("docs/elements/tidewater-crm/limits.html")).toBe(false);
  });

  it("serves a page again once its file, saved empty a moment (an editor's truncate-then-write), has its text back", async () => {
    const good = source(EVENTS);
    await preview.save(EVENTS, "");
    await preview.save(EVENTS, `${good}\nBack again.\n`);
    expect(await preview.page(EVENTS_HTML)).toContain("Back again.");
    await preview.save(EVENTS, good);
    // And a page made as an empty file first, as an editor's "New File" does.
    const added = "docs/elements/tidewater-crm/quotas.md";
    await preview.save(added, "");
    await preview.save(added, "---\ntitle: Quotas\norder: 9\n---\n\n# Quotas\n\nFive a day.\n");
    expect(await preview.page("docs/elements/tidewater-crm/quotas.html")).toContain("Five a day.");
    await preview.save(added, undefined);
  });

  it("re-renders the page a browser shows at once, and tells the browser", async () => {
    await preview.page(EVENTS_HTML);
    const reloads = preview.reloads.length;
    await preview.edit(EVENTS, (text) => `${text}\nShown at once.\n`);
    expect(preview.reloads.slice(reloads)[0]).toEqual([EVENTS_HTML]);
  });
});

describe("a save while Shiki loads, the background waiting for it too", () => {
  it("tells the browser showing the saved page, whichever renders it first", async () => {
    await withOwnSession(async (own, ownTree) => {
      await own.page(EVENTS_HTML);
      // The background waits for Shiki first, then renders the pages browsers show first: it gets to the saved page
      // before the save's own refresh does.
      const background = own.session.startBackground();
      fs.appendFileSync(path.join(ownTree, EVENTS), "\nSaved while Shiki loads.\n");
      const reloads = own.reloads.length;
      await own.session.saved([path.join(ownTree, EVENTS)]);
      await background;
      await own.session.idle();
      expect(own.read(EVENTS_HTML)).toContain("Saved while Shiki loads.");
      expect(own.reloads.slice(reloads)).toContainEqual([EVENTS_HTML]);
    });
  });
});

describe("a mistake shows where it is, and goes once fixed", () => {
  it("shows an error page for a page whose front matter breaks, and keeps the others", async () => {
    const good = source(EVENTS);
    const written = await preview.edit(EVENTS, (text) => text.replace("title: Event Hooks", "title: [Event Hooks"));
    expect(written).toContain(EVENTS_HTML);
    expect(preview.read(EVENTS_HTML)).toContain("Front matter is not valid YAML");
    expect(isError(preview.read(SETUP_HTML))).toBe(false);
    await preview.save(EVENTS, good);
    expect(isError(preview.read(EVENTS_HTML))).toBe(false);
  });

  it("names a layout that does not parse on its pages, after a save too, and recovers once it is fixed", async () => {
    fs.mkdirSync(path.join(tree, "_layouts"), { recursive: true });
    try {
      await preview.save("_layouts/base.liquid", "<html><body>{% if %}{{ content }}</body></html>\n");
      // Every page using the layout is shown in ours, its banner naming the layout's file and line.
      expect(hasBanner(preview.read(EVENTS_HTML))).toBe(true);
      expect(preview.read(EVENTS_HTML)).toContain("_layouts/base.liquid:1");
      await preview.edit(EVENTS, (text) => `${text}\nStill writing.\n`);
      expect(preview.read(EVENTS_HTML)).toContain("Still writing.");
      expect(preview.read(EVENTS_HTML)).toContain("_layouts/base.liquid:1");
    } finally {
      fs.rmSync(path.join(tree, "_layouts"), { recursive: true });
    }
    await preview.session.saved([path.join(tree, "_layouts/base.liquid")]);
    await preview.session.idle();
    expect(preview.read(EVENTS_HTML)).not.toContain("_layouts/base.liquid");
  });

  it("answers every page with the error when _config.yml breaks, and serves the pages again once fixed", async () => {
    const config = source("_config.yml");
    await preview.save("_config.yml", `${config}\nbroken: [\n`);
    for (const page of [EVENTS_HTML, SETUP_HTML, "index.html"]) {
      const html = await preview.page(page);
      expect(isError(html)).toBe(true);
      expect(html).toContain("_config.yml");
    }
    await preview.save("_config.yml", config);
    for (const page of [EVENTS_HTML, SETUP_HTML, "index.html"]) expect(isError(await preview.page(page))).toBe(false);
  });

  it("stops answering with a broken page's error page as soon as the page is deleted", async () => {
    await withOwnSession(async (own) => {
      await own.save("docs/broken.md", "---\ntitle: [Broken\n---\n\nText.\n");
      expect(isError(await own.page("docs/broken.html"))).toBe(true);
      // Asked for as soon as the save is applied, before the background round (which cleans up after saves pause).
      fs.rmSync(path.join(own.sourceDir, "docs/broken.md"));
      await own.session.saved([path.join(own.sourceDir, "docs/broken.md")]);
      expect(await own.session.request(["docs/broken.html"], true)).toBeUndefined();
      expect(fs.existsSync(path.join(own.outputDir, "docs/broken.html"))).toBe(false);
    });
  });

  it("names the page's address under the base path _config.yml had, which the server still serves under", async () => {
    const ownTree = jekyllCompatTree();
    fs.appendFileSync(path.join(ownTree, "_config.yml"), "\nbaseurl: /guides\n");
    const own = await PreviewHarness.open(ownTree);
    try {
      const config = fs.readFileSync(path.join(ownTree, "_config.yml"), "utf8");
      await own.save("_config.yml", `${config}\nbroken: [\n`);
      const html = await own.page(EVENTS_HTML);
      expect(html).toContain("The site did not build");
      expect(html).toContain(`<code>/guides/${EVENTS_HTML}</code>`);
    } finally {
      own.close();
      fs.rmSync(ownTree, { recursive: true, force: true });
    }
  });
});

describe("highlighting, which loads once the first page is out", () => {
  it("serves a page asked for before then with its code highlighted, never plain", async () => {
    await withOwnSession(async (first) => {
      const html = await first.page("docs/elements/tidewater-crm/authenticate.html");
      expect(html).toContain('<pre class="shiki shiki-themes github-light github-dark"');
      expect(html).not.toContain('<pre class="shiki"><code>');
      expect(first.writes.filter((file) => file.endsWith("authenticate.html"))).toHaveLength(1);
    });
  });
});

describe("a save that changes a page's front matter (its title, its order)", () => {
  let ownTree: string;
  let reloading: PreviewHarness;
  beforeAll(async () => {
    ownTree = jekyllCompatTree();
    reloading = await PreviewHarness.open(ownTree);
    await reloading.settle();
  });
  afterAll(() => {
    reloading?.close();
    if (ownTree) fs.rmSync(ownTree, { recursive: true, force: true });
  });
  const source = (rel: string) => fs.readFileSync(path.join(ownTree, rel), "utf8");
  // Pages, not the includes the fresh renderer reads: files under docs/ that start with front matter.
  const pagesRead = (reads: unknown[][]) =>
    [...new Set(reads.map(([file]) => String(file)))].filter((file) => file.startsWith(path.join(ownTree, "docs")) && fs.readFileSync(file, "utf8").startsWith("---"));

  it("makes the site again from the tree as read: no folder of the tree listed, no other page read", async () => {
    const events = path.join(ownTree, EVENTS);
    fs.writeFileSync(events, source(EVENTS).replace("title: Events", "title: Notifications"));
    const readFile = vi.spyOn(fs, "readFileSync");
    const readFolder = vi.spyOn(fs, "readdirSync");
    try {
      await reloading.session.saved([events]);
      // The tree's folders of pages; the fresh renderer still lists _layouts (a few files), and each element's folder
      // is looked at once for its API description (src/openapi/locate-spec.ts), as the earlier load did.
      const elementFolder = new RegExp(`^${escapeRegExp(path.join(ownTree, "docs/elements"))}/[^/]+$`);
      const pageFolders = readFolder.mock.calls
        .map(([folder]) => String(folder))
        .filter((folder) => (folder === ownTree || folder.startsWith(path.join(ownTree, "docs"))) && !elementFolder.test(folder));
      expect(pageFolders).toEqual([]);
      await reloading.session.idle();
      expect(pagesRead(readFile.mock.calls)).toEqual([events]);
    } finally {
      readFile.mockRestore();
      readFolder.mockRestore();
    }
    expect(reloading.read(SETUP_HTML)).toContain("Notifications");
  });

  it("moves a page in the sidebar of the others when its order changes", async () => {
    const authenticate = "docs/elements/tidewater-crm/authenticate.html";
    const order = () => ["API Provider Setup", "Notifications"].map((title) => reloading.read(authenticate).indexOf(`>${title}</a>`));
    const [setupBefore, eventsBefore] = order();
    expect(setupBefore).toBeGreaterThan(-1);
    expect(setupBefore).toBeLessThan(eventsBefore);
    await reloading.edit(EVENTS, (text) => text.replace(/^order: .*$/m, "order: 3"));
    const [setupAfter, eventsAfter] = order();
    expect(eventsAfter).toBeGreaterThan(-1);
    expect(eventsAfter).toBeLessThan(setupAfter);
  });

  it("loads the tree again for a page that moves: served at its new address, gone from its old one", async () => {
    await reloading.edit(EVENTS, (text) => text.replace(/^order: .*$/m, "order: 30\npermalink: /docs/elements/tidewater-crm/notifications.html"));
    expect(reloading.exists(EVENTS_HTML)).toBe(false);
    expect(await reloading.page("docs/elements/tidewater-crm/notifications.html")).toContain("Notifications");
    expect(reloading.read(SETUP_HTML)).toContain("notifications.html");
    await reloading.edit(EVENTS, (text) => text.replace("\npermalink: /docs/elements/tidewater-crm/notifications.html", ""));
    expect(reloading.exists(EVENTS_HTML)).toBe(true);
  });

  it("keeps the error page of a page whose front matter broke, and drops it from the sidebars, as a fresh start does", async () => {
    const setup = "docs/elements/tidewater-crm/setup.md";
    const authenticate = "docs/elements/tidewater-crm/authenticate.html";
    const good = source(setup);
    await reloading.edit(setup, (text) => text.replace(/^title: (.*)$/m, "title: [$1"));
    expect(reloading.read(SETUP_HTML)).toContain("Front matter is not valid YAML");
    await reloading.edit(EVENTS, (text) => text.replace(/^title: .*$/m, "title: Change Feed"));
    expect(reloading.read(SETUP_HTML)).toContain("Front matter is not valid YAML");
    expect(reloading.read(EVENTS_HTML)).toContain("Change Feed");
    expect(reloading.read(authenticate)).not.toContain(">API Provider Setup</a>");
    await reloading.save(setup, good);
    expect(isError(reloading.read(SETUP_HTML))).toBe(false);
    expect(reloading.read(SETUP_HTML)).toContain("Change Feed");
    expect(reloading.read(authenticate)).toContain(">API Provider Setup</a>");
  });

  it("tells the browsers when a new front matter adds an address, though no page they show changed", async () => {
    const reloads = reloading.reloads.length;
    await reloading.edit(EVENTS, (text) => text.replace("  - docs/elements/tidewater-crm/change-feed.html", "  - docs/elements/tidewater-crm/change-feed.html\n  - old-events.html"));
    expect(reloading.exists("old-events.html")).toBe(true);
    expect(reloading.reloads.length).toBeGreaterThan(reloads);
  });

  it("applies a layout and a page's new title saved in one batch (a checkout), both", async () => {
    // A tree's .liquid layout takes the place of ours of its name.
    const layout = path.join(ownTree, "_layouts/element.liquid");
    fs.mkdirSync(path.dirname(layout), { recursive: true });
    fs.writeFileSync(layout, '---\nlayout: base\n---\n<div class="checked-out">{{ page.title }}</div>\n{{ content }}\n');
    const events = path.join(ownTree, EVENTS);
    fs.writeFileSync(events, source(EVENTS).replace(/^title: .*$/m, "title: Checked Out"));
    try {
      await reloading.session.saved([layout, events]);
      await reloading.session.idle();
      expect(reloading.read(EVENTS_HTML)).toContain('<div class="checked-out">Checked Out</div>');
    } finally {
      fs.rmSync(path.dirname(layout), { recursive: true });
      await reloading.session.saved([layout]);
      await reloading.session.idle();
    }
    expect(reloading.read(EVENTS_HTML)).not.toContain("checked-out");
  });

  it("reads a page changed without a word from the watcher, as a load of the tree would have", async () => {
    const setup = path.join(ownTree, "docs/elements/tidewater-crm/setup.md");
    fs.writeFileSync(setup, `${fs.readFileSync(setup, "utf8")}\nWritten behind the back of the watcher.\n`);
    await reloading.edit(EVENTS, (text) => text.replace(/^title: .*$/m, "title: Callbacks"));
    await reloading.settle();
    expect(reloading.read(SETUP_HTML)).toContain("Callbacks");
    expect(reloading.read(SETUP_HTML)).toContain("Written behind the back of the watcher.");
  });

  it("serves a page added without a word from the watcher once another page's title changes, as a load would", async () => {
    const limits = "docs/elements/tidewater-crm/limits.md";
    fs.writeFileSync(path.join(ownTree, limits), "---\ntitle: Limits\norder: 90\n---\n\n# Limits\n\nAdded behind the back of the watcher.\n");
    await reloading.edit(EVENTS, (text) => text.replace(/^title: .*$/m, "title: Hooks"));
    await reloading.settle();
    expect(reloading.read("docs/elements/tidewater-crm/limits.html")).toContain("Added behind the back of the watcher.");
    expect(reloading.read(SETUP_HTML)).toContain(">Limits</a>");
  });
});

describe("two pages that claim one address (a collision, reported)", () => {
  it("keeps serving the page written there when the other one's text is saved", async () => {
    await withOwnSession(async (own, ownTree) => {
      const loser = "docs/zz-events-too.md";
      fs.writeFileSync(path.join(ownTree, loser), "---\ntitle: Also Events\npermalink: /docs/elements/tidewater-crm/events.html\n---\n\nThe other page.\n");
      await own.session.saved([path.join(ownTree, loser)]);
      await own.settle();
      const winner = own.read(EVENTS_HTML);
      expect(winner).not.toContain("The other page.");
      await own.edit(loser, (text) => `${text}\nEdited.\n`);
      expect(own.read(EVENTS_HTML)).not.toContain("The other page.");
      expect(own.read(EVENTS_HTML)).toContain("Tidewater CRM can be polled for changes.");
    });
  });
});

describe("a folder of pages and a file that take each other's place", () => {
  it("serves the file where the folder's pages were, then the pages again where the file was", async () => {
    await withOwnSession(async (swapping, ownTree) => {
      const at = (rel: string) => path.join(ownTree, rel);
      const saved = async (...rels: string[]) => {
        await swapping.session.saved(rels.map(at));
        await swapping.session.idle();
      };
      fs.mkdirSync(at("docs/k"));
      fs.writeFileSync(at("docs/k/p.md"), "---\ntitle: K\n---\n\nA page in a folder.\n");
      await saved("docs/k/p.md");
      expect(await swapping.page("docs/k/p.html")).toContain("A page in a folder.");

      fs.rmSync(at("docs/k"), { recursive: true });
      fs.writeFileSync(at("docs/k"), "A file now.\n");
      await saved("docs/k/p.md", "docs/k");
      await swapping.settle();
      expect(fs.statSync(path.join(swapping.outputDir, "docs/k")).isFile()).toBe(true);
      expect(swapping.read("docs/k")).toBe("A file now.\n");

      fs.rmSync(at("docs/k"));
      fs.mkdirSync(at("docs/k"));
      fs.writeFileSync(at("docs/k/q.md"), "---\ntitle: Q\n---\n\nA folder again.\n");
      await saved("docs/k", "docs/k/q.md");
      expect(await swapping.page("docs/k/q.html")).toContain("A folder again.");
      await swapping.settle();
      expect(swapping.summaries.at(-1)).toMatch(/up to date/);
    });
  });
});

describe("the whole-site checks", () => {
  it("run once for a save the background rendered before it checked, not again after", async () => {
    await withOwnSession(async (busy) => {
      await busy.page(EVENTS_HTML);
      const background = busy.session.startBackground();
      // Saved while the background renders: it waits for saves to pause, then checks the tree with this one in it.
      await busy.edit(EVENTS, (text) => `${text}\nSaved while the background renders.\n`);
      await background;
      await busy.session.idle();
      expect(busy.summaries).toHaveLength(1);
      expect(busy.read(EVENTS_HTML)).toContain("Saved while the background renders.");
      // A save after the checks is checked again.
      await busy.edit(EVENTS, (text) => `${text}\nSaved once the checks were done.\n`);
      expect(busy.summaries).toHaveLength(2);
      // The page the browser shows, rendered again at once on the save, counts as rendered for it.
      expect(busy.summaries[1]).toMatch(/\(1 rendered on request, 0 in the background\)/);
    });
  });
});

describe("a stopped session", () => {
  it("renders no more pages, writes nothing after it stopped, and ignores saves (another preview may use its folder)", async () => {
    await withOwnSession(async (stopped, ownTree) => {
      await stopped.page(EVENTS_HTML);
      void stopped.session.startBackground();
      await stopped.session.stop();
      const written = stopped.writes.length;
      fs.writeFileSync(path.join(ownTree, EVENTS), `${fs.readFileSync(path.join(ownTree, EVENTS), "utf8")}\nSaved after the stop.\n`);
      await stopped.session.saved([path.join(ownTree, EVENTS)]);
      await stopped.session.startBackground();
      await stopped.session.idle();
      expect(stopped.writes.length).toBe(written);
      expect(stopped.read(EVENTS_HTML)).not.toContain("Saved after the stop.");
      expect(stopped.exists(SETUP_HTML)).toBe(false);
      expect(stopped.exists("404.html")).toBe(false);
      expect(stopped.summaries).toEqual([]);
    });
  });
});
