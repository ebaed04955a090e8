// `npm run check -- --source <tree>` on trees that each contain one writer's mistake (test/fixtures/checks/).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";

const FIXTURES = path.join(REPO_ROOT, "test/fixtures/checks");

/** jekyll-compat with one fixture folder laid over it. */
function treeWith(fixture: string): string {
  const tree = jekyllCompatTree();
  fs.cpSync(path.join(FIXTURES, fixture), tree, { recursive: true });
  return tree;
}

const check = (tree: string, ...args: string[]) => runCli("check.ts", ["--source", tree, ...args]);

interface Case {
  fixture: string;
  exit: number;
  /** The one diagnostic line's start: `file:line[:column]: severity code`. */
  line: string;
  /** Something the message or hint must say. */
  says: string;
  summary: string;
}

const CASES: Case[] = [
  {
    fixture: "broken-yaml",
    exit: 1,
    line: "docs/elements/tidewater-crm/events.md:5:20: error front-matter-yaml",
    says: "Front matter is not valid YAML",
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "unknown-key-near-miss",
    exit: 0,
    line: "docs/elements/tidewater-crm/setup.md:9: warning front-matter-unknown-key",
    says: 'Unknown front matter key "elementkey": did you mean "elementKey"?',
    summary: "0 errors, 1 warning",
  },
  {
    fixture: "element-id-not-a-number",
    exit: 1,
    line: "docs/elements/tidewater-crm/events.md:8: error front-matter-type",
    says: 'elementId must be a positive whole number, such as 50, not "seventy-three"',
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "unknown-hub",
    exit: 1,
    line: "docs/elements/tidewater-crm/index.md:10: error front-matter-hub",
    says: 'did you mean "crm" (CRM)?',
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "duplicate-order",
    exit: 1,
    line: "docs/elements/tidewater-crm/events.md:13: error element-duplicate-order",
    says: "order 20 is also the order of authenticate.md",
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "mismatched-element-key",
    exit: 1,
    line: "docs/elements/tidewater-crm/events.md:9: error element-mismatch",
    says: 'elementKey "tidewatercmr" differs from "tidewatercrm"',
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "undefined-variable-in-include",
    exit: 1,
    line: "_includes/Elements/tidewater/authenticate.md:10:16: error liquid-undefined-variable",
    says: "included from docs/elements/tidewater-support/authenticate.md:16",
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "broken-link",
    exit: 1,
    line: "docs/elements/tidewater-crm/setup.md:21:41: error link-broken",
    says: "Did you mean authenticate.html?",
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "broken-anchor",
    exit: 0,
    line: "docs/elements/tidewater-crm/index.md:21:93: warning link-anchor",
    says: "Did you mean #method-a-connect-over-vpn?",
    summary: "0 errors, 1 warning",
  },
  {
    fixture: "missing-image",
    exit: 1,
    line: "docs/elements/tidewater-crm/index.md:19:37: error image-missing",
    says: 'Missing image "images/settings.png"',
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "invalid-json-example",
    exit: 1,
    line: "docs/elements/tidewater-crm/authenticate.md:27:33: error json-example",
    says: 'Trailing comma before "}"',
    summary: "1 error, 0 warnings",
  },
  {
    fixture: "swallowed-pseudo-tag",
    exit: 0,
    line: "docs/elements/tidewater-crm/events.md:22:48: warning html-swallowed-tag",
    says: "Put it in code formatting (`<account token>`)",
    summary: "0 errors, 2 warnings", // the same line also has <workspace id>
  },
];

// Each case starts a process; they run side by side.
describe.concurrent("npm run check on a tree with one mistake", () => {
  for (const c of CASES) {
    it(`${c.fixture}: exits ${c.exit} and reports ${c.line}`, async () => {
      const result = await check(treeWith(c.fixture));
      // Problems go to stderr, as build prints them; stdout is left for a report asked for (--format json).
      expect(result.stderr).toContain(`${c.line}: `);
      expect(result.stderr).toContain(c.says);
      expect(result.stderr).toMatch(new RegExp(`Checked \\d+ pages in [\\d.]+ s: ${c.summary}\\n$`));
      expect(result.stdout).toBe("");
      expect(result.code).toBe(c.exit);
    });
  }
});

describe.concurrent("npm run check on clean trees", () => {
  it("prints one line for the jekyll-compat tree", async () => {
    const result = await check(jekyllCompatTree());
    expect(result.stderr).toMatch(/^Checked 9 pages in [\d.]+ s: 0 errors, 0 warnings\n$/);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("passes the repository's own site with zero errors and zero warnings", async () => {
    const result = await runCli("check.ts", []);
    expect(result.stderr).toMatch(/^Checked \d+ pages in [\d.]+ s: 0 errors, 0 warnings\n$/);
    expect(result.code).toBe(0);
  });
});

describe("npm run check when an include's link breaks for one of the pages using it", () => {
  it("warns at the include's line and names the page that included it", async () => {
    // Both elements' Authenticate pages include a note linking index.html#signing-requests-to-tidewater;
    // here one element's Overview loses that section.
    const tree = jekyllCompatTree();
    const overview = path.join(tree, "docs/elements/tidewater-support/index.md");
    const text = fs.readFileSync(overview, "utf8");
    fs.writeFileSync(overview, text.replace("## Signing Requests to Tidewater", "## Signing Each Call"));
    const result = await check(tree);
    expect(result.stderr).toContain(
      '_includes/Elements/tidewater/authenticate.md:35:84: warning link-anchor: Broken anchor "index.html#signing-requests-to-tidewater": /docs/elements/tidewater-support/index.html has no id',
    );
    expect(result.stderr).toContain("included from docs/elements/tidewater-support/authenticate.md:17");
    expect(result.stderr).toContain("0 errors, 1 warning");
    expect(result.code).toBe(0);
  });
});

describe.concurrent("check options and report formats", () => {
  it("--strict fails on warnings", async () => {
    const result = await check(treeWith("unknown-key-near-miss"), "--strict");
    expect(result.stderr).toContain("0 errors, 1 warning");
    expect(result.code).toBe(1);
  });

  it("--format json prints every diagnostic as data, on stdout", async () => {
    const result = await check(treeWith("broken-link"), "--format", "json");
    const report = JSON.parse(result.stdout);
    expect(result.stderr).not.toContain("link-broken");
    expect(report).toMatchObject({ pageCount: 9, errorCount: 1, warningCount: 0 });
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ file: "docs/elements/tidewater-crm/setup.md", line: 21, column: 41, severity: "error", code: "link-broken" }),
    ]);
    expect(result.code).toBe(1);
  });

  it("prints GitHub annotations inside GitHub Actions, with the path from the working directory", async () => {
    const tree = treeWith("undefined-variable-in-include");
    const result = await runCli("check.ts", ["--source", tree], { GITHUB_ACTIONS: "true" });
    const file = path.relative(REPO_ROOT, path.join(tree, "_includes/Elements/tidewater/authenticate.md"));
    expect(result.stderr).toContain(
      `::error file=${file},line=10,col=16,title=liquid-undefined-variable::Undefined variable "page.username"` +
        "%0Aincluded from docs/elements/tidewater-support/authenticate.md:16%0Ahint: ",
    );
    expect(result.stderr).toMatch(/: 1 error, 0 warnings\n$/);
    expect(result.code).toBe(1);
  });

  it("refuses an unknown option with usage and status 2", async () => {
    const result = await runCli("check.ts", ["--fromat", "json"]);
    expect(result.stderr).toContain("Usage: npm run check");
    expect(result.code).toBe(2);
  });
});
