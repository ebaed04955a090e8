import fs from "node:fs";
import path from "node:path";
import { onTestFinished } from "vitest";
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
