// `npx element-guides check --format json` prints the report and nothing else, so tools can pipe it to a JSON
// parser (`npm run check -- --format json` cannot: npm prints its own banner first).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { REPO_ROOT } from "../support/run-cli.ts";

it("prints pure JSON through the package's bin entry", () => {
  const tree = jekyllCompatTree();
  fs.appendFileSync(path.join(tree, "docs/elements.md"), "\nSee [a missing page](/docs/nowhere.html).\n");
  const result = spawnSync("npx", ["--offline", "element-guides", "check", "--source", tree, "--format", "json"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  expect(result.status).toBe(1);
  const report = JSON.parse(result.stdout);
  expect(report.errorCount).toBe(1);
  expect(report.diagnostics[0]).toMatchObject({ file: "docs/elements.md", code: "link-broken" });
});
