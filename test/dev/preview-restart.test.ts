// `npm start` runs the first preview in its own process (no second Node process to start before the first page),
// and the preview again in a child process when the generator's own code changes: the new code runs, on the same
// port, and stopping still ends every process. Runs a copy of the generator, so that no file of this repository
// changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { REPO_ROOT } from "../support/run-cli.ts";
import { descendantsOf, isListening, isRunning, PreviewProcess, waitFor } from "./preview-process.ts";

const GENERATOR_FILES = ["package.json", "tsconfig.json", "src", "_layouts", "_includes", "_data", "assets", "templates"];
const CHANGED = "src/dev/live-preview.ts";
let generator: string;
let tree: string;
let preview: PreviewProcess | undefined;

/** Processes below the preview that run the preview's own entry point (tsx's esbuild service is another). */
const previewChildren = (pid: number) =>
  descendantsOf(pid).filter((child) => {
    try {
      return fs.readFileSync(`/proc/${child}/cmdline`, "utf8").includes("dev-server");
    } catch {
      return false; // gone meanwhile
    }
  });

beforeAll(() => {
  generator = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-generator-"));
  for (const name of GENERATOR_FILES) fs.cpSync(path.join(REPO_ROOT, name), path.join(generator, name), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(generator, "node_modules"));
  tree = jekyllCompatTree();
});

afterAll(async () => {
  await preview?.stop();
  for (const dir of [generator, tree]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it("serves from npm start's own process, then runs changed generator code in a new process on the same port", async () => {
  preview = await PreviewProcess.start(tree, { command: "serve", root: generator });
  expect((await preview.fetch("/")).status).toBe(200);
  expect(previewChildren(preview.pid)).toEqual([]);

  // A change a browser cannot miss: the line the preview prints when it listens. Saved again until the preview
  // restarts, because src/ is watched only once the first page is out.
  const file = path.join(generator, CHANGED);
  const changed = fs.readFileSync(file, "utf8").replace("(edit files under", "(restarted; edit files under");
  expect(changed).toContain("restarted;");
  const running = preview;
  await waitFor(
    "the preview to restart",
    () => {
      if (running.stdout.includes(`${CHANGED} changed: restarting the preview`)) return true;
      fs.writeFileSync(file, changed);
      return undefined;
    },
    30_000,
    500,
  );
  const address = await waitFor("the new code to serve", () => /^Preview at (http:\S+) \(restarted;/m.exec(running.stdout)?.[1], 90_000);
  expect(new URL(address).port).toBe(String(running.port));
  expect((await running.fetch("/")).status).toBe(200);
  const children = previewChildren(running.pid);
  expect(children).toHaveLength(1);

  const processes = descendantsOf(running.pid);
  await running.stop();
  await waitFor(
    "every process of the preview to exit and its port to close",
    async () => (!processes.some(isRunning) && !(await isListening(running.port)) ? true : undefined),
    5_000,
  );
  expect(running.stderr).not.toContain("The preview stopped");
});
