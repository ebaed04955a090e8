// A tree that changes while the preview reads it (an editor's save to a temporary file and rename, a checkout)
// costs a moment of error pages, never the preview: it reads the tree again, and later saves apply.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { PreviewHarness } from "../support/preview-session.ts";

/** The next loads of the tree that fail as a file gone between its listing and its reading would. */
const failing = vi.hoisted(() => ({ loads: 0 }));

vi.mock("../../src/dev/preview-site.ts", async (importActual) => {
  const actual = await importActual<typeof import("../../src/dev/preview-site.ts")>();
  return {
    ...actual,
    loadPreviewSite: (...args: Parameters<typeof actual.loadPreviewSite>) => {
      if (failing.loads === 0) return actual.loadPreviewSite(...args);
      failing.loads--;
      const gone = Object.assign(new Error("ENOENT: no such file or directory"), { code: "ENOENT", path: path.join(args[0].sourceDir, "docs/index.md.tmp") });
      return Promise.reject(gone);
    },
  };
});

const tree = jekyllCompatTree();
const preview = await PreviewHarness.open(tree);
const EVENTS_HTML = "docs/elements/tidewater-crm/events.html";

afterAll(() => {
  preview.close();
  fs.rmSync(tree, { recursive: true, force: true });
});

describe("a tree that changes while the preview reads it", () => {
  it("shows every page the problem, reads the tree again by itself, and applies the saves after it", async () => {
    failing.loads = 1;
    await preview.save("_config.yml", `${fs.readFileSync(path.join(tree, "_config.yml"), "utf8")}\n`);
    const shown = await preview.page(EVENTS_HTML);
    expect(shown).toContain("preview-read-failed");
    expect(shown).toContain("docs/index.md.tmp");
    // Read again a moment later, without a save.
    await vi.waitFor(async () => expect(await preview.page(EVENTS_HTML)).not.toContain("preview-read-failed"), { timeout: 5_000, interval: 100 });
    await preview.edit("docs/elements/tidewater-crm/events.md", (text) => `${text}\nSaved after.\n`);
    expect(await preview.page(EVENTS_HTML)).toContain("Saved after.");
  });
});
