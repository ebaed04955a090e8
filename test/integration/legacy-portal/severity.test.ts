// Issue 10, point 5: `_config.yml` sets the level of any diagnostic code (error, warning or off), checked with
// did-you-mean, and the level holds in build, check and the live preview.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../../support/fixture-tree.ts";
import { PreviewHarness } from "../../support/preview-session.ts";
import { runCli } from "../../support/run-cli.ts";

const SETUP = "docs/elements/tidewater-crm/setup.md";
const trees: string[] = [];

/** jekyll-compat with a broken link, an unknown front matter key and a broken anchor, and `severity` settings. */
function treeWith(severity: string): string {
  const tree = jekyllCompatTree();
  trees.push(tree);
  const setup = fs.readFileSync(path.join(tree, SETUP), "utf8");
  const config = fs.readFileSync(path.join(tree, "_config.yml"), "utf8");
  writeFiles(tree, {
    [SETUP]:
      setup.replace("order: 5\n", "order: 5\nvaleOff: true\n") +
      "\nSee [the old page](gone.html) and [the events](events.html#no-such-heading).\n",
    "_config.yml": `${config}\nelement_guides:\n  severity:\n${severity}`,
  });
  return tree;
}

afterAll(() => {
  for (const tree of trees) fs.rmSync(tree, { recursive: true, force: true });
});

const check = (tree: string, ...args: string[]) => runCli("check.ts", ["--source", tree, ...args]);

describe("severity per diagnostic code", () => {
  it("an error made a warning no longer fails the check, and is printed as a warning", async () => {
    const result = await check(treeWith("    link-broken: warning\n"));
    expect(result.stderr).toMatch(/setup\.md:\d+:\d+: warning link-broken: Broken link "gone\.html"/);
    expect(result.code).toBe(0);
  });

  it("a warning made an error fails the check; a code set to off is not reported at all", async () => {
    const result = await check(treeWith("    front-matter-unknown-key: error\n    link-anchor: off\n    link-broken: off\n"));
    expect(result.stderr).toMatch(/setup\.md:\d+: error front-matter-unknown-key: Unknown front matter key "valeOff"/);
    expect(result.stderr).not.toContain("link-anchor");
    expect(result.stderr).not.toContain("gone.html");
    expect(result.stderr).toContain("1 error, 0 warnings");
    expect(result.code).toBe(1);
  });

  it("build applies the same levels", async () => {
    const tree = treeWith("    link-broken: off\n    link-anchor: off\n    front-matter-unknown-key: off\n");
    const result = await runCli("build.ts", ["--source", tree, "--out", path.join(tree, "_site")]);
    expect(result.stderr).not.toContain("link-broken");
    expect(result.stdout).toContain("0 errors, 0 warnings");
    expect(result.code).toBe(0);
  });

  it("an unknown code or level is an error at its _config.yml line, with the nearest one suggested", async () => {
    const result = await check(treeWith("    link-ancor: off\n    link-broken: warnin\n"));
    const configLines = fs.readFileSync(path.join(trees.at(-1)!, "_config.yml"), "utf8").split("\n");
    const lineOf = (text: string) => configLines.findIndex((line) => line.includes(text)) + 1;
    expect(result.stderr).toContain(
      `_config.yml:${lineOf("link-ancor")}: error config-severity: element_guides.severity names "link-ancor", which is not a diagnostic code`,
    );
    expect(result.stderr).toContain("hint: Did you mean link-anchor?");
    expect(result.stderr).toContain(
      `_config.yml:${lineOf("warnin")}: error config-severity: element_guides.severity sets link-broken to "warnin", which is not a level`,
    );
    expect(result.stderr).toContain("hint: Did you mean warning? Use error, warning or off.");
    expect(result.code).toBe(1);
  });

  it("the live preview shows the problem at its configured level, after a save too", async () => {
    const tree = treeWith("    link-broken: warning\n    front-matter-unknown-key: off\n");
    const preview = await PreviewHarness.open(tree);
    const levels = () => preview.printed.filter((d) => d.file === SETUP).map((d) => `${d.severity} ${d.code}`);
    await preview.settle();
    expect(levels()).toEqual(["warning link-broken", "warning link-anchor"]);
    // After a save the page shows the same levels (nothing new is printed: the problems are the same).
    const written = await preview.edit(SETUP, (text) => `${text}\nOne more sentence.\n`);
    expect(written).toContain("docs/elements/tidewater-crm/setup.html");
    expect(levels()).toEqual(["warning link-broken", "warning link-anchor"]);
    const banner = preview.read("docs/elements/tidewater-crm/setup.html");
    expect(banner).toContain("One more sentence.");
    expect(banner).toContain('<b style="color:#a15c00">warning</b>');
    expect(banner).not.toContain('<b style="color:#b3261e">error</b>');
    expect(banner).not.toContain("valeOff");
    preview.close();
  });
});
