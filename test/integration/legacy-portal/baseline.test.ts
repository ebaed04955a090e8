// Issue 10, point 6: `npm run check -- --update-baseline` writes today's problems into a committed file; build and
// check then fail only on problems that are not in it, and say how many are known, new and fixed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyTree, jekyllCompatTree, writeFiles } from "../../support/fixture-tree.ts";
import { REPO_ROOT, runCli } from "../../support/run-cli.ts";

const PAGE = "docs/elements/tidewater-crm/legacy.md";
const BASELINE = ".element-guides-baseline.json";

/** A guide page with three problems: two broken links and a missing image. */
const LEGACY_PAGE = [
  "---",
  "heading: Tidewater CRM",
  "title: Legacy",
  "layout: sidebarelementdoc",
  "breadcrumbs: /docs/elements.html",
  "elementId: 7301",
  "elementKey: tidewatercrm",
  "hub: crm",
  "order: 70",
  "---",
  "",
  "See [the old setup](old-setup.html).",
  "",
  "![Old screen](old-screen.png)",
  "",
  "See [the old events](old-events.html).",
  "",
].join("\n");

const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) fs.rmSync(tree, { recursive: true, force: true });
});

/** jekyll-compat with the three-problem page, its baseline written. */
async function baselinedTree(): Promise<string> {
  const tree = jekyllCompatTree();
  trees.push(tree);
  writeFiles(tree, { [PAGE]: LEGACY_PAGE });
  const written = await check(tree, "--update-baseline");
  expect(written.code, written.stderr).toBe(0);
  return tree;
}

const check = (tree: string, ...args: string[]) => runCli("check.ts", ["--source", tree, ...args]);
const editPage = (tree: string, change: (text: string) => string) =>
  fs.writeFileSync(path.join(tree, PAGE), change(fs.readFileSync(path.join(tree, PAGE), "utf8")));
const addLine = (line: string) => (text: string) => `${text}\n${line}\n`;

/** A baselined tree after `change` to the page, and its check. */
async function checkAfter(change: (text: string) => string) {
  const tree = await baselinedTree();
  editPage(tree, change);
  return { tree, result: await check(tree) };
}
const readBaseline = (tree: string) => JSON.parse(fs.readFileSync(path.join(tree, BASELINE), "utf8"));

describe("writing the baseline", () => {
  let tree: string;
  let before: Awaited<ReturnType<typeof check>>;
  let written: Awaited<ReturnType<typeof check>>;

  beforeAll(async () => {
    tree = jekyllCompatTree();
    trees.push(tree);
    writeFiles(tree, { [PAGE]: LEGACY_PAGE });
    before = await check(tree);
    written = await check(tree, "--update-baseline");
  }, 120_000);

  it("a tree with three problems fails the check without a baseline", () => {
    expect(before.code).toBe(1);
    expect(before.stderr).toContain("3 errors, 0 warnings");
  });

  it("--update-baseline exits 0 and says what it wrote", () => {
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Wrote 3 known problems (3 errors, 0 warnings) to ${path.join(tree, BASELINE)}`);
  });

  it("the file says what it is, and lists each problem without a line number, sorted, with a count", () => {
    const baseline = readBaseline(tree);
    expect(baseline.about).toContain("npm run check -- --update-baseline");
    expect(baseline.problems).toEqual([
      { file: PAGE, code: "image-missing", message: expect.stringContaining('"old-screen.png"'), count: 1 },
      { file: PAGE, code: "link-broken", message: expect.stringContaining('"old-events.html"'), count: 1 },
      { file: PAGE, code: "link-broken", message: expect.stringContaining('"old-setup.html"'), count: 1 },
    ]);
    expect(JSON.stringify(baseline)).not.toMatch(/"line"/);
    // Pretty and stable: written again from the same problems, it is the same bytes.
    expect(fs.readFileSync(path.join(tree, BASELINE), "utf8")).toBe(JSON.stringify(baseline, null, 2) + "\n");
  });
});

describe("checking against the baseline", () => {
  it("known problems pass: the summary counts them and does not print them one by one", async () => {
    const tree = await baselinedTree();
    const result = await check(tree);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/: 0 new \(0 errors, 0 warnings\), 3 known\n$/);
    expect(result.stderr).not.toContain("link-broken");
  });

  it("a new problem fails, and only it is printed", async () => {
    const { result } = await checkAfter(addLine("See [the new page](brand-new.html)."));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("1 new (1 error, 0 warnings), 3 known");
    expect(result.stderr).toMatch(/legacy\.md:18:\d+: error link-broken: Broken link "brand-new\.html"/);
    expect(result.stderr).not.toContain("old-setup.html");
  });

  it("a second problem identical to a known one in the same file is new", async () => {
    const { result } = await checkAfter(addLine("See [the old setup](old-setup.html) again."));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("1 new (1 error, 0 warnings), 3 known");
    expect(result.stderr).toContain("This file has 2 of these and the baseline knows 1, so one is new");
  });

  it("a fixed problem passes, and is counted as fixed until --update-baseline drops it", async () => {
    const { tree, result } = await checkAfter((text) => text.replace("See [the old events](old-events.html).\n", ""));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("0 new (0 errors, 0 warnings), 2 known, 1 fixed, run --update-baseline to drop it");
    const updated = await check(tree, "--update-baseline");
    expect(updated.stdout).toContain("Wrote 2 known problems (2 errors, 0 warnings)");
    expect(updated.stdout).toContain("0 added, 1 fixed dropped");
    expect(readBaseline(tree).problems.map((p: { message: string }) => p.message).join()).not.toContain("old-events");
  });

  it("lines inserted above a known problem leave it known", async () => {
    const { result } = await checkAfter((text) => text.replace("See [the old setup]", "A new first paragraph.\n\nAnd a second one.\n\nSee [the old setup]"));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("0 new (0 errors, 0 warnings), 3 known");
  });

  it("--show-baselined prints the known problems too, marked; the JSON report marks each and counts new ones", async () => {
    const tree = await baselinedTree();
    editPage(tree, addLine("See [the new page](brand-new.html)."));
    const shown = await check(tree, "--show-baselined");
    expect(shown.stderr).toMatch(/legacy\.md:12:\d+: error link-broken \(baselined\): Broken link "old-setup\.html"/);
    expect(shown.stderr).toMatch(/legacy\.md:18:\d+: error link-broken: Broken link "brand-new\.html"/);
    const json = JSON.parse((await check(tree, "--format", "json")).stdout);
    expect(json.errorCount).toBe(1);
    expect(json.baseline).toEqual({ file: BASELINE, known: 3, new: 1, fixed: [] });
    const marks = json.diagnostics.filter((d: { file: string }) => d.file === PAGE).map((d: { baselined: boolean }) => d.baselined);
    expect(marks.sort()).toEqual([false, true, true, true]);
  });

  it("build passes with only known problems and writes the site, and fails on a new one", async () => {
    const tree = await baselinedTree();
    const out = path.join(tree, "_site");
    const built = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain("0 new (0 errors, 0 warnings), 3 known");
    expect(fs.existsSync(path.join(out, "docs/elements/tidewater-crm/legacy.html"))).toBe(true);
    editPage(tree, addLine("See [the new page](brand-new.html)."));
    const failed = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("1 new (1 error, 0 warnings), 3 known");
  });

  it("a known collision of a page with a generated file keeps the page, and the build writes", async () => {
    const tree = jekyllCompatTree();
    trees.push(tree);
    // An elements.json with front matter is a page, as in Jekyll, where the build makes its own (a robots.txt, by
    // contrast, would simply replace ours).
    writeFiles(tree, { "elements.json": '---\nlayout: null\n---\n{"own": "Disallow: /private/"}\n' });
    const written = await check(tree, "--update-baseline");
    expect(written.stdout).toContain("Wrote 1 known problem (1 error, 0 warnings)");
    const out = path.join(tree, "_site");
    const built = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(built.code, built.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, "elements.json"), "utf8")).toContain("Disallow: /private/");
  });

  it("a baseline that is not valid JSON is an error naming the file", async () => {
    const tree = await baselinedTree();
    fs.writeFileSync(path.join(tree, BASELINE), "{ not json");
    const result = await check(tree);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${BASELINE}: error baseline-file: The baseline is not valid JSON`);
  });
});

describe("the legacy portal fixture", () => {
  it("builds with exit 0 once its baseline is written, and fails when a new problem is added", async () => {
    const tree = copyTree(path.join(REPO_ROOT, "test/fixtures/legacy-portal"));
    trees.push(tree);
    expect((await check(tree, "--update-baseline")).code).toBe(0);
    const out = path.join(tree, "_site");
    const built = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(built.code, built.stderr).toBe(0);
    writeFiles(tree, { "docs/elements/brightline-crm/new.md": "---\ntitle: New\nlayout: sidebarelementdoc\n---\n\n[Gone](gone.html)\n" });
    const failed = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/new\.md:\d+:\d+: error link-broken: Broken link "gone\.html"/);
  });
});
