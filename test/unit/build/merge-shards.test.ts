// What the merge refuses in shard folders edited by hand (issue 14), before it moves anything. The shards here are
// written by writeManifest beside a few files, as `--shard` writes them; test/integration/sharded-build.test.ts
// builds real ones.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { moveShardFiles, readShards, undoMoves } from "../../../src/build/merge-shards.ts";
import { MANIFEST_FILE, ShardRefusal, writeManifest, type ShardManifest } from "../../../src/build/shard-manifest.ts";
import type { SiteShare } from "../../../src/build/site-share.ts";
import { parseBuildArgs, UsageError } from "../../../src/cli/build-options.ts";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-merge-shards-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let folders = 0;

/** Shard `index` of 2: one element folder of its own and a page in the shared docs/ folder, and its search bundle. */
function shard(index: number): { dir: string; manifest: ShardManifest } {
  const dir = path.join(work, `shard-${++folders}`);
  const files = [`docs/elements/element-${index}/index.html`, `docs/elements/element-${index}/index.md`, `docs/page-${index}.html`];
  for (const file of [...files, "pagefind/pagefind-entry.json", "pagefind/pagefind.js", ".element-guides-output", "element-guides-twins.md"]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), file);
  }
  const page = { file: `docs/elements/element-${index}/index.md`, url: `/docs/elements/element-${index}/`, outputPath: files[0], html: "", dependencies: [] };
  const manifest: ShardManifest = {
    identity: { generator: "test", commit: undefined, tree: "digest", baseurl: "", settings: "digest", clock: "UTC" },
    shard: { index, count: 2 },
    pages: [{ position: index - 1, page }],
    positions: [[page.file, index - 1]],
    twins: [],
    site: index === 1 ? siteShare() : undefined,
    diagnostics: [],
    shortfalls: [],
    files,
    searchPages: 1,
    searchFiles: ["pagefind/pagefind-entry.json", "pagefind/pagefind.js"].map((file): [string, number] => [file, file.length]),
    searchBodyPages: 0,
  };
  writeManifest(dir, manifest);
  return { dir, manifest };
}

/** Shard 1's share of a tree with nothing made from the whole site. */
function siteShare(): SiteShare {
  return {
    levels: [],
    treeProblems: [],
    siteFileProblems: [],
    checks: { frontMatter: [], elements: [], labelFiles: [] },
    notes: [],
    pagesTotal: 2,
    unloaded: [],
    sourcePages: 2,
    paginatedFrom: 2,
    siteFiles: [],
    staticFiles: [],
    pageFiles: [],
    addresses: [],
    elementFolders: [],
    fragments: [],
    address: { baseurl: "", url: "" },
    llms: { plan: { ours: [], sections: [] }, site: { title: "", description: "", url: "", baseurl: "" } },
  };
}

/** The refusal readShards throws for the two folders, with every file of both left where it was. */
function refusal(dirs: string[]): ShardRefusal {
  const listing = () => dirs.map((dir) => fs.readdirSync(dir, { recursive: true }).sort());
  const before = listing();
  let thrown: unknown;
  try {
    readShards(dirs);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ShardRefusal);
  expect(listing()).toEqual(before);
  return thrown as ShardRefusal;
}

describe("readShards", () => {
  it("takes two whole shards, in shard order", () => {
    const [one, two] = [shard(1), shard(2)];
    expect(readShards([two.dir, one.dir]).dirs).toEqual([one.dir, two.dir]);
  });

  it("refuses a shard that lacks a page its manifest lists, in an element folder that would be moved whole", () => {
    const [one, two] = [shard(1), shard(2)];
    fs.rmSync(path.join(two.dir, "docs/elements/element-2/index.html"));
    const { message, hint } = refusal([one.dir, two.dir]);
    expect(message).toBe(`${two.dir} lacks docs/elements/element-2/index.html that its manifest lists: the shard is incomplete.`);
    expect(hint).toBe("Build shard 2/2 again, into an empty folder.");
  });

  it("refuses a shard without its search bundle", () => {
    const [one, two] = [shard(1), shard(2)];
    fs.rmSync(path.join(one.dir, "pagefind"), { recursive: true });
    expect(refusal([one.dir, two.dir]).message).toContain(`${one.dir} lacks 2 files (pagefind/pagefind-entry.json, pagefind/pagefind.js)`);
  });

  it("refuses a search bundle with a file deleted, added or changed since the shard's build wrote it", () => {
    const [one, two] = [shard(1), shard(2)];
    fs.rmSync(path.join(two.dir, "pagefind/pagefind.js"));
    expect(refusal([one.dir, two.dir]).message).toBe(`${two.dir} lacks pagefind/pagefind.js that its manifest lists: the shard is incomplete.`);
    const [three, four] = [shard(1), shard(2)];
    fs.writeFileSync(path.join(four.dir, "pagefind/evil.html"), "<script>alert(1)</script>");
    expect(refusal([three.dir, four.dir]).message).toBe(`${four.dir} holds pagefind/evil.html that its build did not write: the merge would publish it.`);
    const [five, six] = [shard(1), shard(2)];
    fs.writeFileSync(path.join(five.dir, "pagefind/pagefind.js"), "");
    expect(refusal([five.dir, six.dir]).message).toBe(`${five.dir} holds pagefind/pagefind.js changed since its build wrote it: the search bundle is damaged.`);
  });

  it("refuses files that the shard's build did not write, which the merge would publish", () => {
    const [one, two] = [shard(1), shard(2)];
    fs.writeFileSync(path.join(two.dir, "docs/elements/element-2/.env"), "SECRET=1");
    fs.writeFileSync(path.join(two.dir, "notes.txt"), "mine");
    const { message, hint } = refusal([one.dir, two.dir]);
    expect(message).toBe(`${two.dir} holds 2 files (docs/elements/element-2/.env, notes.txt) that its build did not write: the merge would publish them.`);
    expect(hint).toBe("Remove them, or build shard 2/2 again, into an empty folder.");
  });

  it("names the one file added by hand", () => {
    const [one, two] = [shard(1), shard(2)];
    fs.writeFileSync(path.join(one.dir, "docs/.DS_Store"), "");
    const { message, hint } = refusal([one.dir, two.dir]);
    expect(message).toBe(`${one.dir} holds docs/.DS_Store that its build did not write: the merge would publish it.`);
    expect(hint).toBe("Remove it, or build shard 1/2 again, into an empty folder.");
  });

  it("takes a shard whose marker file was lost on the way (an artifact without hidden files)", () => {
    const [one, two] = [shard(1), shard(2)];
    fs.rmSync(path.join(one.dir, ".element-guides-output"));
    expect(readShards([one.dir, two.dir]).dirs).toEqual([one.dir, two.dir]);
  });
});

describe("the search bundles of big shards", () => {
  /** Gives the shard's index a second bundle, as a shard of more than 500 pages has (src/search/search-bundles.ts). */
  const withPart = (dir: string, list = '["part-2/"]\n') => {
    fs.mkdirSync(path.join(dir, "pagefind", "part-2"), { recursive: true });
    fs.writeFileSync(path.join(dir, "pagefind", "part-2", "pagefind-entry.json"), "{}");
    fs.writeFileSync(path.join(dir, "pagefind", "shards.json"), list);
  };
  const searched = (one: ShardManifest, two: ShardManifest) => [one, two].forEach((manifest) => (manifest.searchBodyPages = 1));

  it("are all listed for the search dialog, each below its shard's bundle", () => {
    const [one, two] = [shard(1), shard(2)];
    withPart(one.dir);
    withPart(two.dir);
    searched(one.manifest, two.manifest);
    const site = path.join(work, `site-${++folders}`);
    const moved = moveShardFiles({ dirs: [one.dir, two.dir], manifests: [one.manifest, two.manifest] }, site, `${site}.moves`);
    expect(moved.bundles).toEqual(["part-2/", "shard-2/", "shard-2/part-2/"]);
    for (const bundle of ["", ...moved.bundles]) expect(fs.existsSync(path.join(site, "pagefind", bundle, "pagefind-entry.json")), bundle).toBe(true);
  });

  it.each([
    ["leads out of the bundle", '["../../elsewhere/"]\n'],
    ["names a bundle that is not there", '["part-2/","part-3/"]\n'],
    ["leaves a bundle out", "[]\n"],
    ["names a bundle twice", '["part-2/","part-2/"]\n'],
  ])("refuse a shard whose list of bundles %s, and give both shards their files back", (_case, list) => {
    const [one, two] = [shard(1), shard(2)];
    withPart(one.dir);
    withPart(two.dir, list);
    searched(one.manifest, two.manifest);
    const listing = () => [one.dir, two.dir].map((dir) => fs.readdirSync(dir, { recursive: true }).sort());
    const before = listing();
    const site = path.join(work, `site-${++folders}`);
    expect(() => moveShardFiles({ dirs: [one.dir, two.dir], manifests: [one.manifest, two.manifest] }, site, `${site}.moves`)).toThrow(
      `${path.join(two.dir, "pagefind", "shards.json")} does not list its search bundles as the shard wrote them`,
    );
    expect(listing()).toEqual(before);
  });
});

describe("a manifest edited by hand", () => {
  it("is refused when shard 1's share of the site is damaged deep down: a link of llms.txt reading a file outside the site", () => {
    const [one, two] = [shard(1), shard(2)];
    const file = path.join(one.dir, MANIFEST_FILE);
    const raw = JSON.parse(fs.readFileSync(file, "utf8")) as { site: SiteShare };
    raw.site.llms.plan.sections = [{ name: "CRM", links: [{ file: "a.md", url: "/a.md", twin: "../../../secret.txt", children: [] }] }];
    fs.writeFileSync(file, JSON.stringify(raw));
    expect(refusal([one.dir, two.dir]).message).toBe(`${file} is damaged (site.llms.plan.sections.0.links.0.twin is not what a shard writes).`);
  });

  it("is refused when it places a twin beyond the end of the shard's twins file", () => {
    const [one, two] = [shard(1), shard(2)];
    const file = path.join(two.dir, MANIFEST_FILE);
    const raw = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...raw, twins: [["docs/elements/element-2/index.md", 0, 1_000_000]] }));
    expect(refusal([one.dir, two.dir]).message).toMatch(/element-guides-twins\.md does not hold docs\/elements\/element-2\/index\.md where element-guides-shard\.json says/);
  });

  const edited = (edit: (raw: Record<string, unknown>) => unknown) => {
    const [one, two] = [shard(1), shard(2)];
    const file = path.join(two.dir, MANIFEST_FILE);
    fs.writeFileSync(file, JSON.stringify(edit(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>)));
    return { dirs: [one.dir, two.dir], file };
  };

  it.each([
    ["null", () => null, "was written by another version of Element Guides"],
    ["an array", () => [], "was written by another version of Element Guides"],
    ["without its shard number", ({ shard: _shard, ...rest }) => rest, "is damaged (no shard number K/N)"],
    ["with a shard number past its count", (raw) => ({ ...raw, shard: { index: 3, count: 2 } }), "is damaged (no shard number K/N)"],
    ["without its identity", (raw) => ({ ...raw, identity: null }), "is damaged (no identity of its build)"],
    ["without its file list", ({ files: _files, ...rest }) => rest, "is damaged (lists missing)"],
    ["listing a file outside the shard", (raw) => ({ ...raw, files: [...(raw.files as string[]), "../../victim.txt"] }), 'is damaged (a file outside the shard: "../../victim.txt")'],
    ["with a page cut short", (raw) => ({ ...raw, pages: [{ position: 1 }] }), "is damaged (a page entry that is not complete)"],
    ["referring to strings it does not have", (raw) => ({ ...raw, strings: [] , pages: (raw.pages as Array<Record<string, unknown>>).map((p) => ({ ...p, dependencies: [4] })) }), "is damaged (a page entry that is not complete)"],
    ["with a problem that is none", (raw) => ({ ...raw, diagnostics: [null] }), "is damaged (diagnostics.0 is not what a shard writes)"],
    ["with a twin at a negative place", (raw) => ({ ...raw, twins: [["docs/elements/element-2/index.md", -500, 5]] }), "is damaged (twins.0.1 is not what a shard writes)"],
    ["with a search count below zero", (raw) => ({ ...raw, searchPages: -100 }), "is damaged (searchPages is not what a shard writes)"],
  ] as Array<[string, (raw: Record<string, unknown>) => unknown, string]>)("is refused when it is %s", (_name, edit, message) => {
    const { dirs, file } = edited(edit);
    expect(refusal(dirs).message).toBe(`${file} ${message}.`);
  });
});

describe("the command line of a split build", () => {
  const usage = (args: string[]) => {
    try {
      parseBuildArgs(args);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as UsageError).message;
    }
    throw new Error(`${args.join(" ")} was taken`);
  };

  it("refuses more shards than a site is split into", () => {
    expect(usage(["--shard", "1/99999999999999999999", "--out", "x"])).toBe("--shard 1/99999999999999999999: a site splits into at most 1,000 shards.");
    expect(usage(["--shard", "1/1001", "--out", "x"])).toBe("--shard 1/1001: a site splits into at most 1,000 shards.");
    expect(parseBuildArgs(["--shard", "1000/1000", "--out", "x"]).shard).toEqual({ index: 1000, count: 1000 });
  });

  it("takes every folder of every --merge, and refuses a shard without --out or given twice", () => {
    const dirs = ["m1", "m2", "m3"].map((name) => path.join(work, name));
    for (const dir of dirs) fs.mkdirSync(dir, { recursive: true });
    // In any order: the merge puts shards in order by their manifests.
    expect(parseBuildArgs(["--merge", dirs[0], dirs[1], "--merge", dirs[2]]).merge?.sort()).toEqual(dirs);
    expect(usage(["--shard", "1/3"])).toBe("--shard needs --out DIR: a shard is a part of the site, not a site for _site/.");
    expect(usage(["--shard", "1/3", "--shard", "2/3", "--out", "x"])).toBe("--shard is given 2 times: a build makes one shard.");
  });

  it("says that a file given to --merge is a file", () => {
    const file = path.join(work, "a-file");
    fs.writeFileSync(file, "");
    expect(usage(["--merge", file])).toBe(`--merge ${JSON.stringify(file)} is a file, not a shard folder.`);
  });
});

describe("a merge's journal of moves", () => {
  it("puts back what it lists, last first, skipping a line the kill cut, and leaves a file no merge wrote alone", () => {
    const shard = path.join(work, "journal-shard");
    const site = path.join(work, "journal-site");
    fs.mkdirSync(path.join(site, "docs"), { recursive: true });
    fs.mkdirSync(shard, { recursive: true });
    fs.writeFileSync(path.join(site, "docs", "a.html"), "A");
    const journal = path.join(work, "journal.moves");
    fs.writeFileSync(journal, `${JSON.stringify({ move: [path.join(shard, "docs"), path.join(site, "docs")] })}\n{"move": ["cut`);
    expect(undoMoves(journal)).toBe(1);
    expect(fs.readFileSync(path.join(shard, "docs", "a.html"), "utf8")).toBe("A");
    const other = path.join(work, "other.moves");
    fs.writeFileSync(other, "my own notes\n");
    expect(undoMoves(other)).toBeUndefined();
  });

  it("puts back a folder copied from another disk whose shard copy a kill left half deleted", () => {
    const shard = path.join(work, "half-shard");
    const site = path.join(work, "half-site");
    fs.mkdirSync(path.join(site, "docs"), { recursive: true });
    for (const name of ["a.html", "b.html"]) fs.writeFileSync(path.join(site, "docs", name), name);
    // The copy was renamed into the site; deleting the shard's own had taken b.html when the kill came.
    fs.mkdirSync(path.join(shard, "docs"), { recursive: true });
    fs.writeFileSync(path.join(shard, "docs", "a.html"), "a.html");
    const journal = path.join(work, "half.moves");
    fs.writeFileSync(journal, `${JSON.stringify({ move: [path.join(shard, "docs"), path.join(site, "docs")] })}\n`);
    expect(undoMoves(journal)).toBe(1);
    expect(fs.readdirSync(path.join(shard, "docs")).sort()).toEqual(["a.html", "b.html"]);
    expect(fs.existsSync(path.join(site, "docs"))).toBe(false);
  });
});
