// A tree's plugin that starts a promise and never awaits it: its failure is a plugin-error at the plugin's line,
// the build fails as for any error (no stack trace, nothing left beside the site), never a crash of Node.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";

describe("a plugin's promise that nothing awaits", () => {
  it("fails the build with a plugin-error at its line, and leaves nothing behind", async () => {
    const { tree, out, result } = await buildWithFiles({
      "_plugins/forgetful.mjs": 'export default (plugin) => {\n  plugin.filter("same", (value) => value);\n  Promise.reject(new Error("lookup failed"));\n};\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^_plugins\/forgetful\.mjs:3:\d+: error plugin-error: The plugin rejected a promise that nothing awaited: lookup failed$/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(tree).filter((name) => name.startsWith("_site"))).toEqual([]);
    expect(fs.existsSync(path.join(tree, "_plugins/forgetful.mjs"))).toBe(true);
  }, 120_000);
});
