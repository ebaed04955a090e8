import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";
import { buildSite, type SiteBuild } from "../../src/build/build-site.ts";
import { checkSite } from "../../src/checks/check-site.ts";
import { jekyllCompatTree, writeFiles } from "./fixture-tree.ts";
import { runCli, type CliResult } from "./run-cli.ts";

/**
 * Adds `files` to a copy of test/fixtures/jekyll-compat and builds it into the copy's `_site/`, as `npm run build`
 * does; the copy is deleted when the test ends.
 */
export async function buildWithFiles(
  files: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  args: readonly string[] = [],
): Promise<{ tree: string; out: string; result: CliResult }> {
  const tree = jekyllCompatTree();
  onTestFinished(() => fs.rmSync(tree, { recursive: true, force: true }));
  writeFiles(tree, files);
  const out = path.join(tree, "_site");
  return { tree, out, result: await runCli("build.ts", ["--source", tree, "--out", out, ...args], env) };
}

/**
 * Builds a tree of only `files` in memory, whole-site checks included, as `npm run build` makes it; the tree is
 * deleted once built.
 */
export async function builtInMemory(files: Record<string, string>): Promise<SiteBuild> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-memory-"));
  try {
    writeFiles(dir, files);
    const build = await buildSite({ sourceDir: dir, cacheDir: false });
    checkSite(build);
    return build;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
