// A highlight cache that cannot be saved (a read-only install, a full disk) costs the next build time, never this
// build its site: the build finishes and says why the cache was not kept.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { jekyllCompatTree } from "../support/fixture-tree.ts";

describe("a highlight cache folder that cannot be written", () => {
  it("leaves the build whole, with one note naming the folder and the reason", async () => {
    const blocked = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-cache-")), "not-a-folder");
    fs.writeFileSync(blocked, "");
    const build = await buildSite({ sourceDir: jekyllCompatTree(), workers: 0, cacheDir: path.join(blocked, "cache") });
    expect(build.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    expect(build.outputs.some((o) => o.html.includes("<pre"))).toBe(true);
    expect(build.notes?.filter((note) => note.startsWith("The highlight cache could not be saved"))).toEqual([
      `The highlight cache could not be saved in ${path.join(blocked, "cache")} (ENOTDIR): the next build highlights its code again.`,
    ]);
  });
});
