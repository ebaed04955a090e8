// `npm run build` runs the same checks as `npm run check`: errors stop it, warnings only with --strict.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";

function build(fixture: string, ...args: string[]) {
  const tree = jekyllCompatTree();
  fs.cpSync(path.join(REPO_ROOT, "test/fixtures/checks", fixture), tree, { recursive: true });
  const out = path.join(tree, "_site");
  return { out, result: runCli("build.ts", ["--source", tree, "--out", out, ...args]) };
}

describe.concurrent("checks in npm run build", () => {
  it("a broken link fails the build, which writes nothing", async () => {
    const { out, result } = build("broken-link");
    const { code, stderr } = await result;
    expect(stderr).toContain("docs/elements/tidewater-crm/setup.md:21:41: error link-broken");
    expect(stderr).toContain("Build failed: nothing was written");
    expect(code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a warning is printed and the site is built", async () => {
    const { out, result } = build("swallowed-pseudo-tag");
    const { code, stderr } = await result;
    expect(stderr).toContain("docs/elements/tidewater-crm/events.md:22:48: warning html-swallowed-tag");
    expect(stderr).toContain("0 errors, 2 warnings");
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(out, "docs/elements/tidewater-crm/events.html"))).toBe(true);
  });

  it("--strict fails the build on a warning", async () => {
    const { out, result } = build("unknown-key-near-miss", "--strict");
    const { code, stderr } = await result;
    expect(stderr).toContain("docs/elements/tidewater-crm/setup.md:9: warning front-matter-unknown-key");
    expect(code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });
});
