// Issue 14: a site built as shards on a CI matrix and merged is the site one machine builds, byte for byte, with the
// same report; the search index alone is laid out per shard (its results are compared in test/e2e).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate-corpus.ts";
import { spawnSync } from "node:child_process";
import { moveShardFiles, readShards } from "../../src/build/merge-shards.ts";
import { markOutputDir } from "../../src/build/output-guard.ts";
import { REPO_ROOT, runCli, type CliResult } from "../support/run-cli.ts";
import { treeDigest } from "../support/tree-digest.ts";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-shards-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Builds `count` shards of `tree` into `<name>-shard-K` folders; returns the folders. */
async function buildShards(tree: string, name: string, count: number, extra: string[] = []): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 1; index <= count; index++) {
    const dir = path.join(work, `${name}-shard-${index}`);
    const result = await runCli("build.ts", ["--source", tree, "--shard", `${index}/${count}`, "--out", dir, ...extra]);
    expect(result.code, result.stderr).toBe(0);
    dirs.push(dir);
  }
  return dirs;
}

function merge(tree: string, dirs: string[], out: string, extra: string[] = []): Promise<CliResult> {
  return runCli("build.ts", ["--source", tree, "--merge", ...dirs, "--out", out, ...extra]);
}

/** Every file but the search index, whose bundles are laid out per shard. */
function siteFiles(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(treeDigest(dir)).filter(([file]) => !file.startsWith("pagefind/")));
}

/** Which shard wrote each page, read from the manifests before the merge consumes them. */
function shardOfOutputs(dirs: string[]): Map<string, number> {
  const shardOf = new Map<string, number>();
  dirs.forEach((dir, i) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "element-guides-shard.json"), "utf8")) as { pages: Array<{ outputPath: string }> };
    for (const page of manifest.pages) shardOf.set(page.outputPath, i + 1);
  });
  return shardOf;
}

describe("a sharded build", () => {
  it.each([
    ["a generated element-guide tree", () => (generateCorpus(path.join(work, "generated"), { pages: 90 }), path.join(work, "generated"))],
    // Posts, pagination, redirects, a Jekyll theme's includes, static files and problems to report.
    ["the legacy portal fixture", () => path.join(REPO_ROOT, "test/fixtures/legacy-portal")],
    ["the languages fixture", () => path.join(REPO_ROOT, "test/fixtures/languages")],
  ])("merges into the site one machine builds, file for file, for %s", async (name, source) => {
    const tree = source();
    const key = name.replace(/\W+/g, "-");
    const one = await runCli("build.ts", ["--source", tree, "--out", path.join(work, `${key}-one`)]);
    expect(one.code, one.stderr).toBe(0);
    const dirs = await buildShards(tree, key, 3);
    const shardOf = shardOfOutputs(dirs);
    // Every shard has work, and no page is rendered twice.
    expect(new Set(shardOf.values()).size).toBe(3);
    const merged = await merge(tree, dirs, path.join(work, `${key}-merged`));
    expect(merged.code, merged.stderr).toBe(0);

    const expected = siteFiles(path.join(work, `${key}-one`));
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    expect(siteFiles(path.join(work, `${key}-merged`))).toEqual(expected);
    expect(merged.stderr).toBe(one.stderr);
    const pageCount = (stdout: string) => /(?:Built|Merged \d+ shards?:) ([\d,]+) pages/.exec(stdout)?.[1];
    expect(pageCount(merged.stdout)).toBe(pageCount(one.stdout));
    // One search bundle per shard that has pages to index, listed for the search dialog.
    const bundles = JSON.parse(fs.readFileSync(path.join(work, `${key}-merged`, "pagefind/shards.json"), "utf8")) as string[];
    expect(bundles).toEqual(["shard-2/", "shard-3/"]);
    for (const bundle of bundles) expect(fs.existsSync(path.join(work, `${key}-merged`, "pagefind", bundle, "pagefind-entry.json"))).toBe(true);
  }, 240_000);

  it("indexes for search the pages one machine indexes, with more shards than elements", async () => {
    const tree = path.join(REPO_ROOT, "test/fixtures/languages");
    const one = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "many-one")]);
    const dirs = await buildShards(tree, "many", 8);
    // A shard of only the home page (no text marked for search, so Pagefind would index it whole) and empty shards.
    const shardOf = shardOfOutputs(dirs);
    expect(new Set(shardOf.values()).size).toBeLessThan(8);
    const merged = await merge(tree, dirs, path.join(work, "many-merged"));
    expect(merged.code, merged.stderr).toBe(0);
    const indexed = (stdout: string) => Number(/Search index: (\d+) pages/.exec(stdout)?.[1]);
    expect(indexed(one.stdout)).toBeGreaterThan(0);
    expect(indexed(merged.stdout)).toBe(indexed(one.stdout));
    expect(siteFiles(path.join(work, "many-merged"))).toEqual(siteFiles(path.join(work, "many-one")));
  }, 240_000);

  it("reports a broken link from one shard to a page of another as one machine does", async () => {
    const tree = path.join(work, "broken");
    generateCorpus(tree, { pages: 60 });
    // Each element's overview links to a heading that the next element's Authenticate page does not have (a
    // warning), and to a page that element does not have (an error).
    const elements = fs.readdirSync(path.join(tree, "docs/elements")).sort();
    // And to its Bulk page by the permalink and the old URL that page was given, which work (no extension: the
    // page is written to bulk.html as before, the redirect to old/<element>-bulk.html).
    elements.forEach((element, i) => {
      const next = elements[(i + 1) % elements.length];
      fs.appendFileSync(path.join(tree, "docs/elements", element, "index.md"), `\nSee [the next element](../${next}/authenticate.html#no-such-heading) and [its lost page](../${next}/no-such-page.html).\n`);
      fs.appendFileSync(path.join(tree, "docs/elements", element, "index.md"), `\nIts [Bulk page](/docs/elements/${next}/bulk) was [elsewhere](/old/${next}-bulk).\n`);
      const bulk = path.join(tree, "docs/elements", element, "bulk.md");
      fs.writeFileSync(bulk, fs.readFileSync(bulk, "utf8").replace(/^---\n/, `---\npermalink: /docs/elements/${element}/bulk\nredirect_from: /old/${element}-bulk\n`));
    });
    const one = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "broken-one")]);
    expect(one.code).toBe(1);
    const dirs = await buildShards(tree, "broken", 3);
    const shardOf = shardOfOutputs(dirs);
    const crossing = elements.filter((element, i) => {
      const next = elements[(i + 1) % elements.length];
      return shardOf.get(`docs/elements/${element}/index.html`) !== shardOf.get(`docs/elements/${next}/authenticate.html`);
    });
    expect(crossing.length).toBeGreaterThan(0);
    expect(elements.some((element, i) => shardOf.get(`docs/elements/${element}/index.html`) !== shardOf.get(`docs/elements/${elements[(i + 1) % elements.length]}/bulk.html`))).toBe(true);

    const merged = await merge(tree, dirs, path.join(work, "broken-merged"));
    expect(merged.code).toBe(1);
    // The same report, to the last line, which says what was left unchanged.
    const report = (stderr: string) => stderr.slice(0, stderr.lastIndexOf("failed: nothing was written"));
    expect(report(merged.stderr)).toBe(report(one.stderr).replace(/Build $/, "Merge "));
    for (const element of crossing) expect(merged.stderr).toContain(`docs/elements/${element}/index.md:`);
    expect(merged.stderr).toMatch(/warning link-anchor: Broken anchor ".*#no-such-heading"/);
    expect(merged.stderr).toMatch(/error link-broken: Broken link ".*no-such-page\.html"/);
    expect(merged.stderr).not.toMatch(/\/bulk"|\/old\//);
    // A failed merge moves nothing: the shards can be merged again once the link is fixed.
    expect(fs.existsSync(path.join(work, "broken-merged"))).toBe(false);
    for (const dir of dirs) expect(fs.existsSync(path.join(dir, "element-guides-shard.json"))).toBe(true);
  }, 240_000);

  it("merges shards built in checkouts at other paths, as the jobs of a matrix may have them", async () => {
    const tree = path.join(work, "moved/first");
    generateCorpus(tree, { pages: 60 });
    // A key of one element's page read only by an include_relative fragment of another element: the merge knows it
    // is read from the fragment's path, which the shard that rendered it gives relative to its checkout.
    const elements = path.join(tree, "docs/elements");
    fs.writeFileSync(path.join(elements, "element-00001/fragment.md"), "Fragment {% if page.secretkey %}{{ page.secretkey }}{% endif %}\n");
    fs.appendFileSync(path.join(elements, "element-00001/index.md"), "\n{% include_relative fragment.md %}\n");
    const events = path.join(elements, "element-00004/events.md");
    fs.writeFileSync(events, fs.readFileSync(events, "utf8").replace(/^---\n/, "---\nsecretkey: hello\n"));
    const elsewhere = path.join(work, "moved/deeper/second");
    fs.cpSync(tree, elsewhere, { recursive: true });
    const one = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "moved-one")]);
    expect(one.code, one.stderr).toBe(0);
    const [first] = await buildShards(tree, "moved-a", 3);
    const [, second, third] = await buildShards(elsewhere, "moved-b", 3);
    const merged = await merge(path.join(work, "moved/deeper/second"), [first, second, third], path.join(work, "moved-merged"));
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toBe(one.stderr);
    expect(siteFiles(path.join(work, "moved-merged"))).toEqual(siteFiles(path.join(work, "moved-one")));
  }, 240_000);

  it("keeps the page one machine keeps when two pages of two shards share an output path, let through as a warning", async () => {
    const tree = path.join(work, "collision");
    generateCorpus(tree, { pages: 60 });
    fs.appendFileSync(path.join(tree, "_config.yml"), "\nelement_guides:\n  severity:\n    output-collision: warning\n");
    const elements = fs.readdirSync(path.join(tree, "docs/elements")).sort();
    for (const [element, words] of [
      [elements[1], "First"],
      [elements[4], "Second"],
    ]) {
      // The element's Bulk page under another address, with other words.
      const bulk = fs.readFileSync(path.join(tree, "docs/elements", element, "bulk.md"), "utf8");
      const frontMatter = bulk.slice(0, bulk.indexOf("\n---\n", 4) + 5).replace(/^order: .*$/m, "order: 99");
      fs.writeFileSync(path.join(tree, "docs/elements", element, "dup.md"), `${frontMatter.replace(/^---\n/, "---\npermalink: /docs/dup.html\n")}${words} copy of the page.\n`);
    }
    // The later element's pages are made heavier, so that its shard comes first: the highest shard must not win.
    fs.appendFileSync(path.join(tree, "docs/elements", elements[4], "bulk.md"), `\n${"Padding sentence for weight. ".repeat(3000)}\n`);
    const one = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "collision-one")]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/output-collision/);
    const dirs = await buildShards(tree, "collision", 3);
    const writers = dirs.filter((dir) => fs.existsSync(path.join(dir, "docs/dup.html")));
    expect(writers.length).toBe(2);
    const merged = await merge(tree, dirs, path.join(work, "collision-merged"));
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toBe(one.stderr);
    expect(siteFiles(path.join(work, "collision-merged"))).toEqual(siteFiles(path.join(work, "collision-one")));
  }, 240_000);

  describe("refuses shards it cannot merge, and moves nothing", () => {
    const tree = path.join(work, "refused");
    let dirs: string[] = [];
    it("builds the shards", async () => {
      generateCorpus(tree, { pages: 30 });
      // A static file, which pages may link with a digest of its bytes.
      fs.mkdirSync(path.join(tree, "files"), { recursive: true });
      fs.writeFileSync(path.join(tree, "files/terms.txt"), "Terms of use.\n");
      dirs = await buildShards(tree, "refused", 3);
    }, 120_000);

    const refused = async (args: { dirs: string[]; tree?: string; extra?: string[] }, message: RegExp) => {
      const before = dirs.map((dir) => treeDigest(dir));
      const out = path.join(work, "refused-site");
      const result = await merge(args.tree ?? tree, args.dirs, out, args.extra);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(fs.existsSync(out)).toBe(false);
      expect(dirs.map((dir) => treeDigest(dir))).toEqual(before);
    };

    it("a missing shard", () => refused({ dirs: [dirs[0], dirs[2]] }, /Shard 2\/3 is missing/), 60_000);
    it("a shard given twice", () => refused({ dirs: [dirs[0], dirs[1], dirs[1]] }, /are both shard 2\/3/), 60_000);
    it("a folder that is no shard", () => refused({ dirs: [dirs[0], tree] }, /is not a shard: it has no element-guides-shard\.json/), 60_000);
    it("another base path", () => refused({ dirs, extra: ["--base", "/guides/"] }, /different base paths \(--base "\/" and "\/guides"\)/), 60_000);
    // The merge takes the site as its shards built it: one shard built from other sources is refused.
    const changedShard = async (change: (tree: string) => void) => {
      const changed = path.join(work, `refused-changed-${++changes}`);
      fs.cpSync(tree, changed, { recursive: true });
      change(changed);
      const other = path.join(work, `refused-changed-shard-${changes}`);
      const result = await runCli("build.ts", ["--source", changed, "--shard", "2/3", "--out", other]);
      expect(result.code, result.stderr).toBe(0);
      await refused({ dirs: [dirs[0], other, dirs[2]] }, /different sources or configuration/);
    };
    let changes = 0;
    it("a shard built from changed sources", () => changedShard((changed) => fs.appendFileSync(path.join(changed, "docs/elements/element-00000/index.md"), "\nOne more sentence.\n")), 60_000);
    it("a shard built with a changed static file", () => changedShard((changed) => fs.writeFileSync(path.join(changed, "files/terms.txt"), "Other terms.\n")), 60_000);
    it("a checkout whose configuration, which the merge reads, differs from the shards'", async () => {
      const other = path.join(work, "refused-config");
      fs.cpSync(tree, other, { recursive: true });
      fs.appendFileSync(path.join(other, "_config.yml"), "\ndescription: Another portal\n");
      await refused({ dirs, tree: other }, /this checkout are not the same build: they were built with other configuration or templates/);
    }, 60_000);
    it.each([
      ["SOURCE_DATE_EPOCH", "1600000000"],
      ["TZ", "Asia/Tokyo"],
    ])("a shard built with its own %s, which would print other dates than the rest", async (name, value) => {
      const other = path.join(work, `refused-clock-${name}`);
      const result = await runCli("build.ts", ["--source", tree, "--shard", "2/3", "--out", other], { [name]: value });
      expect(result.code, result.stderr).toBe(0);
      await refused({ dirs: [dirs[0], other, dirs[2]] }, /with a different site\.time or time zone \(.*SOURCE_DATE_EPOCH or TZ set otherwise in each job\)/);
    }, 60_000);
    it("shards of another split", async () => {
      const [other] = await buildShards(tree, "refused-other", 2);
      await refused({ dirs: [dirs[0], other, dirs[2]] }, /belong to different splits/);
    }, 60_000);
  });

  it.each([
    [["--shard", "4/3"], /--shard takes K\/N/],
    [["--shard", "0/3"], /--shard takes K\/N/],
    [["--shard", "1/3", "--merge", "x"], /--shard and --merge are two steps/],
    [["--merge", "no-such-folder"], /The shard folder "no-such-folder" does not exist/],
  ])("refuses %j on the command line", async (args, message) => {
    const result = await runCli("build.ts", ["--source", path.join(REPO_ROOT, "test/fixtures/languages"), ...args, "--out", path.join(work, "usage")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("fails a shard of a tree that writes a file under the name of a shard's own", async () => {
    const tree = path.join(work, "reserved");
    fs.cpSync(path.join(REPO_ROOT, "test/fixtures/languages"), tree, { recursive: true });
    fs.writeFileSync(path.join(tree, "element-guides-shard.json"), "{}\n");
    const result = await runCli("build.ts", ["--source", tree, "--shard", "1/2", "--out", path.join(work, "reserved-shard")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The tree writes element-guides-shard\.json at the site's root/);
    expect(fs.existsSync(path.join(work, "reserved-shard"))).toBe(false);
  }, 60_000);

  it("gives the shards their files back when the merge fails after moving them", async () => {
    const dirs = await buildShards(path.join(REPO_ROOT, "test/fixtures/languages"), "undo", 3);
    const before = dirs.map((dir) => treeDigest(dir));
    const site = path.join(work, "undo-site");
    const moved = moveShardFiles(readShards(dirs), site, `${site}.moves`);
    // Moved: the shards hold no pages any more.
    expect(Object.keys(treeDigest(dirs[0])).filter((file) => file.endsWith(".html"))).toEqual([]);
    expect(Object.keys(treeDigest(site)).length).toBeGreaterThan(10);
    moved.undo();
    expect(dirs.map((dir) => treeDigest(dir))).toEqual(before);
    // And they merge as if nothing had happened.
    const merged = await merge(path.join(REPO_ROOT, "test/fixtures/languages"), dirs, path.join(work, "undo-merged"));
    expect(merged.code, merged.stderr).toBe(0);
  }, 120_000);

  it("gives the shards back the files a merge killed while moving them had taken, and then merges", async () => {
    const tree = path.join(REPO_ROOT, "test/fixtures/languages");
    const dirs = await buildShards(tree, "killed", 3);
    const out = path.join(work, "killed-merged");
    // What kill -9 leaves in the middle of the move: the staging folder of a process that is gone, holding every
    // shard's files (the search bundle list rewritten), and the journal beside it.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const staging = `${out}.tmp-${gone}`;
    fs.mkdirSync(staging);
    markOutputDir(staging);
    moveShardFiles(readShards(dirs), staging, `${staging}.moves`);
    expect(Object.keys(treeDigest(dirs[0])).filter((file) => file.endsWith(".html"))).toEqual([]);

    const merged = await merge(tree, dirs, out);
    expect(merged.stderr).toMatch(/A merge stopped while it moved shard files: \d+ files and folders were moved back into the shard folders/);
    expect(merged.code, merged.stderr).toBe(0);
    expect(fs.existsSync(staging) || fs.existsSync(`${staging}.moves`)).toBe(false);
    const one = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "killed-one")]);
    expect(one.code, one.stderr).toBe(0);
    expect(siteFiles(out)).toEqual(siteFiles(path.join(work, "killed-one")));
  }, 120_000);

  it("will not merge into one of its shard folders", async () => {
    const tree = path.join(REPO_ROOT, "test/fixtures/languages");
    const dirs = await buildShards(tree, "overlap", 2);
    const result = await merge(tree, dirs, dirs[0]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/overlaps the shard folder/);
    expect(fs.existsSync(path.join(dirs[0], "element-guides-shard.json"))).toBe(true);
    // Nor into one that a symlink leads to: the merge would remove that shard folder, the site in it.
    const link = path.join(work, "overlap-link");
    fs.symlinkSync(dirs[1], link);
    const linked = await merge(tree, dirs, link);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/overlaps the shard folder/);
    expect(fs.existsSync(path.join(dirs[1], "element-guides-shard.json"))).toBe(true);
  }, 120_000);
});
