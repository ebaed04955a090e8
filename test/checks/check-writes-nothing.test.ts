// `npm run check` writes nothing: not even the highlight cache that `npm run build` keeps between builds.
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";

it("leaves the highlight cache without the code of the pages it checked", async () => {
  const tree = jekyllCompatTree();
  const marker = `check-${process.pid}-${Date.now()}`;
  fs.appendFileSync(path.join(tree, "docs/elements.md"), `\n\`\`\`bash\necho ${marker}\n\`\`\`\n`);
  const result = await runCli("check.ts", ["--source", tree]);
  expect(result.code).toBe(0);
  const cacheDir = path.join(REPO_ROOT, ".cache/highlight");
  const cached = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).map((f) => fs.readFileSync(path.join(cacheDir, f), "utf8")).join("") : "";
  expect(cached).not.toContain(marker);
});
