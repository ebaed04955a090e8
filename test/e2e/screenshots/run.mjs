// `npm run screenshots` compares the pages with their baselines; `npm run screenshots -- --update` accepts what
// the pages look like now as the new baselines (look at them, then commit them). Other arguments go to Vitest.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
const update = process.argv.includes("--update");
const rest = process.argv.slice(2).filter((arg) => arg !== "--update");
const vitest = path.join(root, "node_modules/vitest/vitest.mjs");
const run = spawnSync(process.execPath, [vitest, "run", "test/e2e/screenshots.test.ts", ...rest], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ...(update ? { UPDATE_SCREENSHOTS: "1" } : {}) },
});
process.exit(run.status ?? 1);
