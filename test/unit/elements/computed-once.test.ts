// Navigation is computed once per build, never once per page (Starlight spent 40 s of a 7,300-page build on that).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as catalogModule from "../../../src/elements/catalog.ts";
import * as modelModule from "../../../src/elements/element-model.ts";
import { buildSite } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

vi.mock("../../../src/elements/element-model.ts", async (importOriginal) => {
  const original = await importOriginal<typeof modelModule>();
  return { ...original, buildElements: vi.fn(original.buildElements) };
});
vi.mock("../../../src/elements/catalog.ts", async (importOriginal) => {
  const original = await importOriginal<typeof catalogModule>();
  return { ...original, buildCatalog: vi.fn(original.buildCatalog) };
});

describe("element model", () => {
  it("builds the sidebars and the catalog once for a 60-page site", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-once-"));
    const files: Record<string, string> = {};
    for (let e = 0; e < 6; e++) {
      for (let p = 0; p < 10; p++) {
        files[`docs/elements/el-${e}/p${p}.md`] =
          `---\nheading: Element ${e}\ntitle: Page ${p}\nlayout: sidebarelementdoc\norder: ${p}\nhub: crm\n---\nText\n`;
      }
    }
    writeFiles(dir, files);
    const build = await buildSite({ sourceDir: dir });
    expect(build.diagnostics.items).toEqual([]);
    expect(build.pageCount).toBe(62); // 60 guide pages, the generated home page and catalog
    expect(vi.mocked(modelModule.buildElements)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(catalogModule.buildCatalog)).toHaveBeenCalledTimes(1);

    // Each page still shows its own element's sidebar, in order.
    const html = build.outputs.find((o) => o.outputPath === "docs/elements/el-3/p4.html")!.html;
    const labels = [...html.matchAll(/<a href="\/docs\/elements\/(el-\d)\/p\d\.html"[^>]*>Page (\d)</g)].map((m) => m[1] + ":" + m[2]);
    expect(labels.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `el-3:${i}`));
  });
});
