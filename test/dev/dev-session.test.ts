// What a save re-renders in the live preview, without a server: DevSession keeps the last build in memory.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevSession } from "../../src/dev/dev-session.ts";
import { jekyllCompatTree } from "../support/fixture-tree.ts";

let tree: string;
let session: DevSession;
const EVENTS = "docs/elements/tidewater-crm/events.md";
const file = (rel: string) => path.join(tree, rel);
const edit = (rel: string, change: (text: string) => string) => fs.writeFileSync(file(rel), change(fs.readFileSync(file(rel), "utf8")));

beforeAll(async () => {
  tree = jekyllCompatTree();
  session = new DevSession({ sourceDir: tree, cacheDir: false });
  const first = await session.rebuild();
  expect(first.kind).toBe("full");
});

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe("DevSession", () => {
  it("re-renders nothing and writes nothing when a save changes nothing", async () => {
    const result = await session.rebuild([file(EVENTS)]);
    expect(result.kind).toBe("incremental");
    expect(result.renderedCount).toBe(1);
    expect(result.changed).toEqual([]);
  });

  it("re-renders only the saved page when its text changes", async () => {
    edit(EVENTS, (t) => t + "\nA new paragraph.\n");
    const result = await session.rebuild([file(EVENTS)]);
    expect(result.kind).toBe("incremental");
    expect(result.changed.map((o) => o.outputPath)).toEqual(["docs/elements/tidewater-crm/events.html"]);
  });

  it("re-renders only the pages that use a saved include", async () => {
    edit("_includes/Elements/tidewater/authenticate.md", (t) => t + "\nOne more sentence.\n");
    const result = await session.rebuild([file("_includes/Elements/tidewater/authenticate.md")]);
    expect(result.kind).toBe("incremental");
    expect(result.renderedCount).toBe(2);
    expect(result.changed.map((o) => o.outputPath).sort()).toEqual([
      "docs/elements/tidewater-crm/authenticate.html",
      "docs/elements/tidewater-support/authenticate.html",
    ]);
  });

  it("rebuilds everything when a page's title (the sidebar) changes", async () => {
    edit(EVENTS, (t) => t.replace("title: Events", "title: Event Hooks"));
    const result = await session.rebuild([file(EVENTS)]);
    expect(result.kind).toBe("full");
    // Every page of the element lists the new title in its sidebar.
    const written = result.changed.map((o) => o.outputPath);
    expect(written).toContain("docs/elements/tidewater-crm/setup.html");
    expect(written).toContain("docs/elements/tidewater-crm/events.html");
  });

  it("rebuilds everything when a data file changes", async () => {
    const result = await session.rebuild([file("_data/glossary.yml")]);
    expect(result.kind).toBe("full");
  });

  it("keeps other pages and shows an error page when front matter breaks", async () => {
    const good = fs.readFileSync(file(EVENTS), "utf8");
    edit(EVENTS, (t) => t.replace("title: Event Hooks", "title: [Event Hooks"));
    const broken = await session.rebuild([file(EVENTS)]);
    expect(broken.kind).toBe("incremental");
    expect(broken.changed.map((o) => o.outputPath)).toEqual(["docs/elements/tidewater-crm/events.html"]);
    expect(broken.changed[0].html).toContain("Front matter is not valid YAML");
    fs.writeFileSync(file(EVENTS), good);
    const fixed = await session.rebuild([file(EVENTS)]);
    expect(fixed.changed.map((o) => o.outputPath)).toEqual(["docs/elements/tidewater-crm/events.html"]);
    expect(fixed.changed[0].html).not.toContain("data-element-guides-error");
  });

  it("names a layout that does not parse on every page, and recovers once it is fixed", async () => {
    fs.mkdirSync(file("_layouts"), { recursive: true });
    try {
      fs.writeFileSync(file("_layouts/base.liquid"), "<html><body>{% if %}{{ content }}</body></html>\n");
      const broken = await session.rebuild([file("_layouts/base.liquid")]);
      // A layout change rebuilds everything; every page using the layout is shown in ours, its banner naming
      // the layout's file and line.
      expect(broken.kind).toBe("full");
      const events = broken.changed.find((o) => o.outputPath === "docs/elements/tidewater-crm/events.html")!;
      expect(events.html).toContain("data-element-guides-problems");
      expect(events.html).toContain("_layouts/base.liquid:1");
      edit(EVENTS, (t) => t + "\nStill writing.\n");
      // Re-rendered after a save, the page still says why it is shown in our layout.
      const stillBroken = await session.rebuild([file(EVENTS)]);
      const rewritten = stillBroken.changed.find((o) => o.outputPath === "docs/elements/tidewater-crm/events.html");
      expect(rewritten?.html).toContain("Still writing.");
      expect(rewritten?.html).toContain("_layouts/base.liquid:1");
    } finally {
      fs.rmSync(file("_layouts"), { recursive: true });
    }
    const fixed = await session.rebuild([file("_layouts/base.liquid")]);
    expect(fixed.kind).toBe("full");
    expect(fixed.changed.find((o) => o.outputPath === "docs/elements/tidewater-crm/events.html")!.html).not.toContain(
      "data-element-guides-error",
    );
  });

  it("writes an error page at every URL when _config.yml breaks, and everything again once fixed", async () => {
    const config = fs.readFileSync(file("_config.yml"), "utf8");
    fs.writeFileSync(file("_config.yml"), config + "\nbroken: [\n");
    const failed = await session.rebuild([file("_config.yml")]);
    expect(failed.kind).toBe("failed");
    const pages = failed.changed.filter((o) => o.outputPath.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(page.html).toContain("_config.yml");
    fs.writeFileSync(file("_config.yml"), config);
    const fixed = await session.rebuild([file("_config.yml")]);
    expect(fixed.kind).toBe("full");
    expect(fixed.changed.length).toBeGreaterThanOrEqual(pages.length);
  });
});
