import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli, REPO_ROOT, type CliResult } from "../../support/run-cli.ts";

/** What of the repository is the site's content (the generator's layouts and assets come with the build). */
const CONTENT = ["_config.yml", "_data", "_includes", "_layouts", "docs", "index.md"];

/** The one date every page of the copy was last changed on, so that "Recently updated" and "Last updated" never move. */
export const FIXED_DATE = "2025-06-02T12:00:00Z";

/**
 * The repository's site built from a copy of its content committed once, on FIXED_DATE, in a repository of its own:
 * the pages are the repository's, their git dates are not, so screenshots do not change with every commit, and
 * "Recently updated" has pages to show in any checkout (a tarball of the repository has no history).
 */
export async function buildDatedSite(): Promise<{ out: string; result: CliResult }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-screens-"));
  const tree = path.join(dir, "tree");
  for (const entry of CONTENT) fs.cpSync(path.join(REPO_ROOT, entry), path.join(tree, entry), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Screens", "-c", "user.email=screens@example.test", "-c", "commit.gpgsign=false", ...args], {
      cwd: tree,
      env: { ...process.env, GIT_AUTHOR_DATE: FIXED_DATE, GIT_COMMITTER_DATE: FIXED_DATE },
      stdio: "ignore",
    });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "Content");
  const out = path.join(dir, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", out]);
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.stdout}\n${result.stderr}`);
  return { out, result };
}
