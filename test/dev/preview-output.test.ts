// Where `npm start` writes: a folder of its own outside the source tree, never the build's `_site/`; and an `--out`
// only where a build could write too.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";
import { PreviewProcess } from "./preview-process.ts";

let tree: string;
let elsewhere: string;
const EVENTS = "docs/elements/tidewater-crm/events.md";
const EVENTS_URL = "/docs/elements/tidewater-crm/events.html";
const isError = (html: string) => html.includes("data-element-guides-error");

/** Every file under `dir` with its bytes, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(dir, rel);
    files[rel] = fs.statSync(full).isDirectory() ? "<dir>" : fs.readFileSync(full, "base64");
  }
  return files;
}

beforeAll(() => {
  tree = jekyllCompatTree();
  elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-preview-test-"));
  fs.mkdirSync(path.join(elsewhere, "notes"));
  fs.writeFileSync(path.join(elsewhere, "notes/todo.txt"), "mine\n");
});

afterAll(() => {
  for (const dir of [tree, elsewhere]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Concurrent: each case is a process that starts and stops at once, and none of them writes anything.
describe.concurrent("npm start refuses an --out it must not write into", () => {
  // The wording of the build's guard (src/cli/output-guard.ts) is its own; here: one line naming the folder.
  const cases: Array<[string, () => string]> = [
    ["the source folder", () => tree],
    ["a folder holding the source folder", () => path.dirname(tree)],
    ["a folder inside the source tree", () => path.join(tree, "docs")],
    ["the build's _site/", () => path.join(tree, "_site")],
    ["a folder inside the build's _site/", () => path.join(tree, "_site/preview")],
    ["the filesystem root", () => path.parse(tree).root],
    ["the home folder", () => os.homedir()],
    ["a folder of someone else's files", () => path.join(elsewhere, "notes")],
  ];
  for (const [what, out] of cases) {
    it(`refuses ${what}, touching nothing`, async ({ expect }) => {
      const before = snapshot(tree);
      const result = await runCli("dev-server.ts", ["--source", tree, "--out", out()]);
      expect(result.code).toBe(2);
      expect(result.stderr.startsWith(`Preview not started: --out ${JSON.stringify(out())} `)).toBe(true);
      expect(result.stderr.split("\n")).toHaveLength(2); // one line
      expect(result.stdout).toBe("");
      expect(snapshot(tree)).toEqual(before);
      expect(fs.readdirSync(path.join(elsewhere, "notes"))).toEqual(["todo.txt"]);
    });
  }

  it("says why the build's _site/ is not the preview's", async ({ expect }) => {
    const result = await runCli("dev-server.ts", ["--source", tree, "--out", path.join(tree, "_site")]);
    expect(result.stderr).toContain("is the build's _site/ folder, which only a successful `npm run build` changes.");
  });

  it("refuses the build's default _site/ of the current folder, and any other _site/, as the tree's own", async ({ expect }) => {
    // "_site" is the repository's own, where `npm run build` run here would write.
    for (const out of ["_site", path.join(elsewhere, "built", "_site")]) {
      const result = await runCli("dev-server.ts", ["--source", tree, "--out", out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("is the build's _site/ folder");
    }
  });

  it("refuses a --source that does not exist, or is a file, as the build does", async ({ expect }) => {
    const missing = await runCli("dev-server.ts", ["--source", path.join(tree, "no-such-folder")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Preview not started: the source folder ".*no-such-folder" does not exist\.\n$/);
    const file = await runCli("dev-server.ts", ["--source", path.join(tree, "_config.yml")]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/is a file, not a folder/);
  });

  it("refuses a --port that is not a port", async ({ expect }) => {
    const result = await runCli("dev-server.ts", ["--source", tree, "--port", "80a"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Preview not started: --port "80a" is not a port number (0 to 65535).\n');
  });

  it("refuses a --base that is no path, as the build does, rather than blame _config.yml on every page", async ({ expect }) => {
    for (const base of ["//", "https://example.com/guides/"]) {
      const result = await runCli("dev-server.ts", ["--source", tree, "--base", base]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`Preview not started: --base takes the path the site is served under, such as /guides/, not ${JSON.stringify(base)}.\n`);
    }
  });
});

describe("npm start without --out", () => {
  it("writes into a folder of its own outside the tree, leaves _site/ byte for byte, and deletes its folder", async () => {
    // A site built earlier, which only the next successful build may replace.
    fs.mkdirSync(path.join(tree, "_site"));
    fs.writeFileSync(path.join(tree, "_site/index.html"), "<p>the last good build</p>\n");
    fs.writeFileSync(path.join(tree, "_site/.element-guides-output"), "marker\n");
    const before = snapshot(path.join(tree, "_site"));
    // Its temporary folder goes where the OS says: here, a folder this test can watch (tsx keeps a cache there too).
    const tmp = path.join(elsewhere, "tmp");
    fs.mkdirSync(tmp);
    const previewFolders = () => fs.readdirSync(tmp).filter((name) => name.startsWith("element-guides-preview-"));
    const preview = await PreviewProcess.start(tree, { env: { TMPDIR: tmp } });
    try {
      const [own, ...more] = previewFolders();
      expect(more).toEqual([]);
      // A page is written when it is first asked for.
      expect((await preview.fetch(EVENTS_URL)).status).toBe(200);
      expect(fs.existsSync(path.join(tmp, own, "docs/elements/tidewater-crm/events.html"))).toBe(true);

      const good = fs.readFileSync(path.join(tree, EVENTS), "utf8");
      fs.writeFileSync(path.join(tree, EVENTS), good.replace("title: Events", "title: [Events"));
      await preview.waitForPage(EVENTS_URL, "the error", isError);
      expect(fs.readFileSync(path.join(tmp, own, "docs/elements/tidewater-crm/events.html"), "utf8")).toContain(
        "data-element-guides-error",
      );
      fs.writeFileSync(path.join(tree, EVENTS), good);
      await preview.waitForPage(EVENTS_URL, "the page again", (html) => !isError(html));
    } finally {
      await preview.stop();
    }
    expect(snapshot(path.join(tree, "_site"))).toEqual(before);
    expect(previewFolders()).toEqual([]);
  });

  it("removes the folders of previews killed before they could, and no running one's", async () => {
    const tmp = path.join(elsewhere, "tmp-left");
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    const left = path.join(tmp, `element-guides-preview-${gone}-aB3xYz`);
    const running = path.join(tmp, `element-guides-preview-${process.pid}-Qw7eRt`);
    for (const dir of [left, running]) fs.mkdirSync(path.join(dir, "docs"), { recursive: true });
    const preview = await PreviewProcess.start(tree, { env: { TMPDIR: tmp } });
    await preview.stop();
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
  });
});

describe("npm start with --out", () => {
  it("writes into a new folder outside the tree, marked as ours, and keeps it", async () => {
    const out = path.join(elsewhere, "preview-out");
    const preview = await PreviewProcess.start(tree, { out });
    expect((await preview.fetch(EVENTS_URL)).status).toBe(200);
    await preview.stop();
    expect(fs.readFileSync(path.join(out, "docs/elements/tidewater-crm/events.html"), "utf8")).toContain("<h1");
    // Marked, so that the next preview (or build) may write there again.
    expect(fs.existsSync(path.join(out, ".element-guides-output"))).toBe(true);
  });

  it("starts again in it empty: a page broken since the last run is not served as it was then", async () => {
    const out = path.join(elsewhere, "preview-again");
    const guide = path.join(tree, "docs/guide.md");
    const good = "---\ntitle: Guide\nseo: Guide\npermalink: /guide/\n---\n\nRead the guide.\n";
    fs.writeFileSync(guide, good);
    try {
      const first = await PreviewProcess.start(tree, { out });
      expect((await first.fetch("/guide/")).status).toBe(200);
      await first.stop();
      fs.writeFileSync(guide, good.replace("title: Guide", "title: [Guide"));
      const again = await PreviewProcess.start(tree, { out });
      try {
        const { status, html } = await again.fetch("/guide/");
        expect(status).toBe(500);
        expect(html).not.toContain("Read the guide.");
      } finally {
        await again.stop();
      }
    } finally {
      fs.rmSync(guide);
    }
  });
});
