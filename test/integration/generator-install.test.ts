// A node_modules left half-installed (a grammar of the code highlighter missing): the page that needs it is
// reported with what to do, the rest of the site is made, and nothing fails on the page that could not be.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { INSTALL_HINT } from "../../src/diagnostics/install-problem.ts";
import { writeFiles } from "../support/fixture-tree.ts";

// Python's grammar module cannot be found, as after `rm node_modules/@shikijs/langs/dist/python.mjs`.
vi.mock("../../src/markdown/highlight/grammar-loader.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/markdown/highlight/grammar-loader.ts")>();
  const missing = (module: string) => {
    throw Object.assign(new Error(`Cannot find module '/x/node_modules/@shikijs/langs/dist/${path.basename(module)}'`), { code: "MODULE_NOT_FOUND" });
  };
  return { ...real, loadGrammar: (...[shiki, id, load]: Parameters<typeof real.loadGrammar>) => real.loadGrammar(shiki, id, id === "python" ? missing : load) };
});

const page = (title: string, body: string) => `---\ntitle: ${title}\nlayout: none\n---\n${body}\n`;

describe("a grammar missing from node_modules", () => {
  it("fails the page that needs it with a hint to install again, and the rest of the site is made", async () => {
    const sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-install-"));
    writeFiles(sourceDir, {
      "_config.yml": "title: Tiny\n",
      "docs/python.md": page("Python", "# Python\n\n```python\nprint('hi')\n```"),
      "docs/json.md": page("JSON", '# JSON\n\n```json\n{"a": 1}\n```'),
    });
    const writeTo = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-install-out-"));
    // Pages are written as they render, and llms-full.txt from their twins on disk: the failed page has none.
    const build = await buildSite({ sourceDir, cacheDir: false, writeTo, workers: 0 });
    expect(build.diagnostics.items).toEqual([
      {
        file: "docs/python.md",
        severity: "error",
        code: "generator-install",
        message: expect.stringMatching(/^The code highlighter's grammar shiki\/langs\/python\.mjs could not be loaded: Cannot find module /),
        hint: INSTALL_HINT,
      },
    ]);
    expect(fs.existsSync(path.join(writeTo, "docs/python.html"))).toBe(false);
    expect(fs.readFileSync(path.join(writeTo, "docs/json.html"), "utf8")).toContain('<pre class="shiki');
    const full = fs.readFileSync(path.join(writeTo, "llms-full.txt"), "utf8");
    expect(full).toContain("# JSON");
    expect(full).not.toContain("print('hi')");
  });
});
