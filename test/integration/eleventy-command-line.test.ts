// Eleventy's own command line builds a tree with our pipeline (.eleventy.ts): the tree is Eleventy's --input, with
// nothing passed through the environment, and the pages are the ones `npm run build` writes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";

const tree = jekyllCompatTree();
const outputs = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-eleventy-cli-"));

afterAll(() => {
  for (const dir of [tree, outputs]) fs.rmSync(dir, { recursive: true, force: true });
});

function eleventy(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const cli = path.join(REPO_ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
  const tsx = pathToFileURL(path.join(REPO_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
  return new Promise((resolve, reject) => {
    // From another folder than the repository's, to show that only --input says where the tree is.
    const child = spawn(process.execPath, ["--import", tsx, cli, `--config=${path.join(REPO_ROOT, ".eleventy.ts")}`, ...args], { cwd: outputs });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

it("writes the pages npm run build writes", async () => {
  const byEleventy = path.join(outputs, "eleventy");
  const byBuild = path.join(outputs, "build");
  const [ran, built] = await Promise.all([
    eleventy([`--input=${tree}`, `--output=${byEleventy}`, "--quiet"]),
    runCli("build.ts", ["--source", tree, "--out", byBuild]),
  ]);
  expect(ran.stderr).toBe("");
  expect(ran.code).toBe(0);
  expect(built.code).toBe(0);
  for (const page of ["index.html", "docs/elements.html", "docs/elements/tidewater-crm/events.html", "404.html"]) {
    expect(fs.readFileSync(path.join(byEleventy, page), "utf8")).toBe(fs.readFileSync(path.join(byBuild, page), "utf8"));
  }
  expect(fs.existsSync(path.join(byEleventy, "assets"))).toBe(true);
});
