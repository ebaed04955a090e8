// The preview's watcher (src/dev/folder-watch.ts), on real folders: what a writer, an editor or a branch switch does
// to a tree must each be reported, as the paths the tree's loader knows the files by.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FolderWatch } from "../../src/dev/folder-watch.ts";

let root: string;
let outside: string;
let watch: FolderWatch;
let reported: Set<string>;

beforeEach(() => {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-folder-watch-")));
  root = path.join(base, "tree");
  outside = path.join(base, "outside");
  write("docs/elements/tidewater/index.md", "Tidewater\n");
  write("docs/elements/tidewater/events.md", "Events\n");
  write("node_modules/some-package/index.js", "module.exports = 1;\n");
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, "secret.md"), "Not part of the tree\n");
  reported = new Set();
  startWatch();
});

afterEach(() => {
  watch.close();
  fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

/** Watches the tree, node_modules left out, noting each file reported by its path in the tree. */
function startWatch(): void {
  watch = new FolderWatch(
    (file) => path.relative(root, file).split(path.sep).includes("node_modules"),
    (file) => reported.add(path.relative(root, file).split(path.sep).join("/")),
  );
  watch.add(root);
}

function write(rel: string, text: string): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Waits until every one of `files` was reported (fails after two seconds). */
async function reportedAll(...files: string[]): Promise<void> {
  for (let waited = 0; !files.every((file) => reported.has(file)); waited += 10) {
    if (waited > 2_000) expect([...reported].sort()).toEqual(expect.arrayContaining(files));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Makes a change that is surely reported, and waits for it: what was not reported by then never will be. */
async function settled(): Promise<void> {
  write("docs/last.md", `${Math.random()}\n`);
  await reportedAll("docs/last.md");
}

/** Once what came before is reported, saves `rel` and waits until each of `files` is reported for that save. */
async function savedAndReported(rel: string, text: string, ...files: string[]): Promise<void> {
  await settled();
  reported.clear();
  write(rel, text);
  await reportedAll(...files);
}

describe("the preview's folder watcher reports", () => {
  it("a saved file, a new one and a deleted one, and nothing else", async () => {
    write("docs/elements/tidewater/events.md", "Events, saved\n");
    write("docs/elements/tidewater/limits.md", "Limits\n");
    fs.rmSync(path.join(root, "docs/elements/tidewater/index.md"));
    await reportedAll("docs/elements/tidewater/events.md", "docs/elements/tidewater/limits.md", "docs/elements/tidewater/index.md");
    await settled();
    expect([...reported].sort()).toEqual(["docs/elements/tidewater/events.md", "docs/elements/tidewater/index.md", "docs/elements/tidewater/limits.md", "docs/last.md"]);
  });

  it("the files of a new folder, however deep, and a save in it later", async () => {
    write("docs/elements/harbor/guides/setup.md", "Setup\n");
    await reportedAll("docs/elements/harbor/guides/setup.md");
    reported.clear();
    write("docs/elements/harbor/guides/setup.md", "Setup, saved\n");
    await reportedAll("docs/elements/harbor/guides/setup.md");
  });

  it("the files a deleted folder had, and those of a folder moved away or moved in", async () => {
    fs.rmSync(path.join(root, "docs/elements/tidewater"), { recursive: true });
    await reportedAll("docs/elements/tidewater/index.md", "docs/elements/tidewater/events.md");

    write("docs/drafts/one.md", "One\n");
    await reportedAll("docs/drafts/one.md");
    reported.clear();
    fs.renameSync(path.join(root, "docs/drafts"), path.join(outside, "drafts"));
    await reportedAll("docs/drafts/one.md");
    reported.clear();
    fs.renameSync(path.join(outside, "drafts"), path.join(root, "docs/published"));
    await reportedAll("docs/published/one.md");
  });

  it("the files of a folder replaced by another in one go (a branch switch), and saves in the new one", async () => {
    write("docs/swap/old.md", "Old\n");
    await reportedAll("docs/swap/old.md");
    fs.mkdirSync(path.join(outside, "new"));
    fs.writeFileSync(path.join(outside, "new/fresh.md"), "Fresh\n");
    reported.clear();
    // Both before the watcher hears of either: it finds a folder where it watched one, but not the same.
    fs.renameSync(path.join(root, "docs/swap"), path.join(outside, "old"));
    fs.renameSync(path.join(outside, "new"), path.join(root, "docs/swap"));
    await reportedAll("docs/swap/old.md", "docs/swap/fresh.md");
    reported.clear();
    write("docs/swap/fresh.md", "Fresh, saved\n");
    await reportedAll("docs/swap/fresh.md");
  });

  it("a save of a file linked inside the tree, under the link's path, also after an editor replaced the file", async () => {
    write("common/api.md", "Shared\n");
    fs.symlinkSync("../../common/api.md", path.join(root, "docs/elements/api.md"));
    await reportedAll("docs/elements/api.md");
    reported.clear();
    write("common/api.md", "Shared, saved\n");
    await reportedAll("common/api.md", "docs/elements/api.md");
    // Saved the way many editors save: a new file renamed over the old one.
    write("common/api.md.tmp", "Shared, saved by an editor\n");
    fs.renameSync(path.join(root, "common/api.md.tmp"), path.join(root, "common/api.md"));
    await savedAndReported("common/api.md", "Shared, saved once more\n", "common/api.md", "docs/elements/api.md");
  });

  it("saves in a folder deleted and made again at once, which may get its old inode back", async () => {
    write("docs/again/page.md", "Before\n");
    await reportedAll("docs/again/page.md");
    fs.rmSync(path.join(root, "docs/again"), { recursive: true });
    write("docs/again/page.md", "Made again\n");
    await savedAndReported("docs/again/page.md", "Saved after\n", "docs/again/page.md");
  });

  it("a save of a file a link leads to that did not exist when the watch began, or was made again since", async () => {
    watch.close();
    fs.symlinkSync("../../common/later.md", path.join(root, "docs/elements/later.md"));
    startWatch();
    write("common/later.md", "Now there\n");
    await reportedAll("common/later.md", "docs/elements/later.md");
    fs.rmSync(path.join(root, "common/later.md"));
    write("common/later.md", "Made again\n");
    await savedAndReported("common/later.md", "Saved after\n", "common/later.md", "docs/elements/later.md");
  });

  it("a save in a linked folder whose folder was deleted and made again", async () => {
    write("common/guides/intro.md", "Intro\n");
    fs.symlinkSync("../common/guides", path.join(root, "docs/guides"));
    await reportedAll("docs/guides/intro.md");
    fs.rmSync(path.join(root, "common/guides"), { recursive: true });
    write("common/guides/intro.md", "Made again\n");
    await savedAndReported("common/guides/intro.md", "Saved after\n", "common/guides/intro.md", "docs/guides/intro.md");
  });

  it("a save in a folder linked inside the tree, under the link's path as well as its own", async () => {
    fs.symlinkSync(path.join(root, "docs/elements/tidewater"), path.join(root, "docs/alias"));
    await savedAndReported("docs/elements/tidewater/events.md", "Events, saved once more\n", "docs/elements/tidewater/events.md", "docs/alias/events.md");
  });

  it("a save in a folder that was linked inside the tree before the watch began", async () => {
    watch.close();
    fs.symlinkSync(path.join(root, "docs/elements/tidewater"), path.join(root, "docs/earlier"));
    startWatch();
    write("docs/elements/tidewater/index.md", "Tidewater, saved\n");
    await reportedAll("docs/elements/tidewater/index.md", "docs/earlier/index.md");
  });
});

describe("the preview's folder watcher leaves alone", () => {
  it("ignored folders, a link that leads out of the tree, and a link back up (it does not loop)", async () => {
    fs.symlinkSync(outside, path.join(root, "docs/out"));
    fs.symlinkSync(path.join(root, "docs"), path.join(root, "docs/elements/up"));
    await settled();
    reported.clear();
    fs.writeFileSync(path.join(outside, "secret.md"), "Changed outside\n");
    write("node_modules/some-package/index.js", "module.exports = 2;\n");
    write("node_modules/other/index.js", "module.exports = 3;\n");
    await settled();
    expect([...reported]).toEqual(["docs/last.md"]);
  });

  it("a link that leads to itself, without stopping", async () => {
    fs.symlinkSync("loop", path.join(root, "docs/loop"));
    fs.symlinkSync("circle-b", path.join(root, "docs/circle-a"));
    fs.symlinkSync("circle-a", path.join(root, "docs/circle-b"));
    await savedAndReported("docs/elements/tidewater/events.md", "Events, after the loops\n", "docs/elements/tidewater/events.md");
  });

  it("everything once it is closed", async () => {
    watch.close();
    write("docs/elements/tidewater/events.md", "Saved after the close\n");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reported.size).toBe(0);
  });
});
