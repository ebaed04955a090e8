// `npm start` stops whole: after SIGTERM or Ctrl-C no process of the preview is left and its port is free.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { descendantsOf, isListening, isRunning, PreviewProcess, waitFor, type PreviewOptions } from "./preview-process.ts";

let tree: string;

beforeAll(() => {
  tree = jekyllCompatTree();
});

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

const cases: Array<{ name: string; command: PreviewOptions["command"]; signal: NodeJS.Signals; group?: boolean; says?: RegExp }> = [
  { name: "SIGTERM to serve.ts (the process `npm start` runs)", command: "serve", signal: "SIGTERM" },
  // npm passes the signal to the shell it runs the script in, which ends without passing it on: the preview sees
  // its parent gone, and says why it stops.
  { name: "SIGTERM to npm start", command: "npm start", signal: "SIGTERM", says: /Preview stopped: the process that started it has exited/ },
  { name: "Ctrl-C (SIGINT to every process of npm start)", command: "npm start", signal: "SIGINT", group: true },
];

describe("stopping the preview", () => {
  for (const c of cases) {
    it(`${c.name} ends the preview process and frees its port`, async () => {
      const preview = await PreviewProcess.start(tree, { command: c.command });
      // serve.ts runs the first preview in its own process: the process itself counts, besides any below it.
      const processes = [preview.pid, ...descendantsOf(preview.pid)];
      expect(await isListening(preview.port)).toBe(true);

      await preview.signal(c.signal, { group: c.group });
      await waitFor(
        "every process of the preview to exit and its port to close",
        async () => (!processes.some(isRunning) && !(await isListening(preview.port)) ? true : undefined),
        5_000,
      );
      expect(preview.stderr).not.toContain("The preview stopped");
      if (c.says) expect(preview.stderr).toMatch(c.says);
    });
  }
});
