import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli, type CliResult } from "../../support/run-cli.ts";

/** The repository's own site, built as `npm run build` builds it, into a fresh temporary folder. */
export async function buildRepositorySite(): Promise<{ out: string; result: CliResult }> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-e2e-")), "_site");
  const result = await runCli("build.ts", ["--out", out]);
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.stdout}\n${result.stderr}`);
  return { out, result };
}

/** A test's own source tree, built as `npm run build` builds it, into its `_site/`; throws with the output on failure. */
export async function buildTreeSite(tree: string): Promise<string> {
  const out = path.join(tree, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", out]);
  if (result.code !== 0) throw new Error(`The fixture did not build:\n${result.stdout}\n${result.stderr}`);
  return out;
}
