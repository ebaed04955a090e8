// A written page's source lets go of its body, so that memory does not grow with the site; the front matter check
// reads what was noted of it as it went.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { checkSite } from "../../src/checks/check-site.ts";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";

const FRONT_MATTER = [
  "heading: Tidewater CRM",
  "seo: Events | Tidewater CRM",
  "title: Events",
  "description: Events of Tidewater CRM.",
  "layout: sidebarelementdoc",
  "breadcrumbs: /docs/elements.html",
  "elementId: 7301",
  "elementKey: tidewatercrm",
  "hub: crm",
  "parent: Back to Element Guides",
  "order: 7",
].join("\n");

describe("the bodies of written pages", () => {
  it("are let go once the page is written, and the front matter check still reads each page's own keys", async () => {
    const tree = jekyllCompatTree();
    writeFiles(tree, {
      // A key no schema knows, read by the page itself: deliberate, no warning.
      "docs/elements/tidewater-crm/events.md": `---\n${FRONT_MATTER}\nwebhook_limit: 50\n---\n\nUp to {{ page.webhook_limit }} webhooks.\n`,
      // One nothing reads: a warning at its line.
      "docs/elements/tidewater-crm/bulk.md": `---\n${FRONT_MATTER.replace("order: 7", "order: 8")}\nbatch_limit: 50\n---\n\nBulk jobs.\n`,
      // A post renders from a copy of its page, with what Jekyll derives (its date): both let go.
      "_posts/2024-01-02-launch.md": "---\ntitle: Launch\nlayout: none\n---\n\nWe launched.\n",
    });
    const out = path.join(tree, "_site");
    const build = await buildSite({ sourceDir: tree, cacheDir: false, writeTo: out });
    expect(fs.readFileSync(path.join(out, "docs/elements/tidewater-crm/events.html"), "utf8")).toContain("Up to 50 webhooks.");

    const events = build.sourcePages.get("docs/elements/tidewater-crm/events.md")!;
    // No string is held any more: what the check needs of it was noted.
    expect(Object.getOwnPropertyDescriptor(events, "body")).not.toHaveProperty("value");
    expect(events.keysReadByBody).toEqual(["webhook_limit"]);
    expect(() => events.body).toThrow(/events\.md was let go/);
    // The check reads the pages as they were rendered, whatever happens to their files meanwhile.
    fs.writeFileSync(path.join(tree, "docs/elements/tidewater-crm/events.md"), `---\n${FRONT_MATTER}\nwebhook_limit: 50\n---\n\nNo limit read.\n`);
    fs.rmSync(path.join(tree, "docs/elements/tidewater-crm/bulk.md"));

    const post = build.sourcePages.get("_posts/2024-01-02-launch.md")!;
    expect(fs.readFileSync(path.join(out, "2024/01/02/launch.html"), "utf8")).toContain("We launched.");
    expect(Object.getOwnPropertyDescriptor(post, "body")).not.toHaveProperty("value");

    checkSite(build);
    const unknownKeys = build.diagnostics.items.filter((d) => d.code === "front-matter-unknown-key");
    expect(unknownKeys.map((d) => `${d.file}:${d.line}`)).toEqual(["docs/elements/tidewater-crm/bulk.md:13"]);
  });

  it("stay with the pages when nothing is written as it renders", async () => {
    const tree = jekyllCompatTree();
    const build = await buildSite({ sourceDir: tree, cacheDir: false });
    const page = [...build.sourcePages.values()].find((p) => p.bodyFromFile)!;
    expect(Object.getOwnPropertyDescriptor(page, "body")).toHaveProperty("value");
  });
});
