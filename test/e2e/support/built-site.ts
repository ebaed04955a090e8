import path from "node:path";
import { runCli } from "../../support/run-cli.ts";

/** A test's own source tree, built as `npm run build` builds it, into its `_site/`; throws with the output on failure. */
export async function buildTreeSite(tree: string): Promise<string> {
  const out = path.join(tree, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", out]);
  if (result.code !== 0) throw new Error(`The fixture did not build:\n${result.stdout}\n${result.stderr}`);
  return out;
}
