import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { closestMatch } from "../../../src/diagnostics/did-you-mean.ts";
import { formatGithub } from "../../../src/diagnostics/format-github.ts";
import { formatHuman } from "../../../src/diagnostics/format-human.ts";
import { formatJson } from "../../../src/diagnostics/format-json.ts";
import { reportFormat, useColor } from "../../../src/diagnostics/output-style.ts";

const DIAGNOSTICS: Diagnostic[] = [
  { file: "_includes/a.md", line: 3, column: 7, severity: "error", code: "link-broken", message: "Broken link", hint: "Fix it.", chain: ["docs/p.md:9"] },
  { file: "docs/p.md", line: 4, severity: "warning", code: "front-matter-unknown-key", message: 'Unknown key "oder"' },
  { file: "docs/p.md", severity: "error", code: "element-missing-index", message: "No index" },
];

describe("formatHuman", () => {
  it("prints file:line:column, severity and code per problem, grouped by file, then the summary", () => {
    expect(formatHuman(DIAGNOSTICS)).toBe(
      [
        "_includes/a.md:3:7: error link-broken: Broken link",
        "  included from docs/p.md:9",
        "  hint: Fix it.",
        "",
        'docs/p.md:4: warning front-matter-unknown-key: Unknown key "oder"',
        "docs/p.md: error element-missing-index: No index",
        "",
        "2 errors, 1 warning",
      ].join("\n"),
    );
  });

  it("colours only when asked, and takes another summary line", () => {
    expect(formatHuman(DIAGNOSTICS)).not.toContain("\u001b[");
    const coloured = formatHuman(DIAGNOSTICS, { color: true, summary: "Checked 3 pages: 2 errors, 1 warning" });
    expect(coloured).toContain("\u001b[31merror\u001b[39m");
    expect(coloured).toContain("\u001b[33mwarning\u001b[39m");
    expect(coloured.endsWith("\u001b[31mChecked 3 pages: 2 errors, 1 warning\u001b[39m")).toBe(true);
    expect(formatHuman([])).toBe("0 errors, 0 warnings");
  });
});

/** A broken link in an include that `pages` pages use, merged into one entry. */
function sharedIncludeProblem(pages: number): Diagnostic {
  const chains = Array.from({ length: pages }, (_, i) => [`docs/p${i + 1}.md:4`, "_includes/outer.md:2"]);
  return { file: "_includes/inner.md", line: 3, column: 5, severity: "error", code: "link-broken", message: "Broken link", chain: chains[0], chains };
}

describe("a problem in an include that several pages use", () => {
  it("is one human entry naming the first three pages' chains and counting the rest", () => {
    expect(formatHuman([sharedIncludeProblem(5)])).toBe(
      [
        "_includes/inner.md:3:5: error link-broken: Broken link",
        "  included from docs/p1.md:4 -> _includes/outer.md:2",
        "  included from docs/p2.md:4 -> _includes/outer.md:2",
        "  included from docs/p3.md:4 -> _includes/outer.md:2",
        "  and 2 more pages",
        "",
        "1 error, 0 warnings",
      ].join("\n"),
    );
  });

  it("names a fourth page rather than saying `and 1 more pages`", () => {
    const report = formatHuman([sharedIncludeProblem(4)]);
    expect(report).toContain("  included from docs/p4.md:4 -> _includes/outer.md:2");
    expect(report).not.toContain("more pages");
  });

  it("is one GitHub annotation, and one JSON entry carrying every chain", () => {
    const annotations = formatGithub([sharedIncludeProblem(5)]).split("\n");
    expect(annotations).toEqual([
      "::error file=_includes/inner.md,line=3,col=5,title=link-broken::Broken link" +
        "%0Aincluded from docs/p1.md:4 -> _includes/outer.md:2" +
        "%0Aincluded from docs/p2.md:4 -> _includes/outer.md:2" +
        "%0Aincluded from docs/p3.md:4 -> _includes/outer.md:2" +
        "%0Aand 2 more pages",
    ]);
    const report = JSON.parse(formatJson([sharedIncludeProblem(5)]));
    expect(report.errorCount).toBe(1);
    expect(report.diagnostics[0].chains).toHaveLength(5);
  });
});

describe("formatJson and formatGithub", () => {
  it("gives every field and the counts as JSON", () => {
    expect(JSON.parse(formatJson(DIAGNOSTICS, { pageCount: 2 }))).toEqual({ pageCount: 2, errorCount: 2, warningCount: 1, diagnostics: DIAGNOSTICS });
  });

  it("writes workflow commands with GitHub's escapes", () => {
    const lines = formatGithub(
      [{ file: "docs/a,b.md", line: 2, column: 5, severity: "warning", code: "x", message: "100% wrong\nreally", hint: "h" }, DIAGNOSTICS[2]],
      (file) => `site/${file}`,
    ).split("\n");
    expect(lines).toEqual([
      "::warning file=site/docs/a%2Cb.md,line=2,col=5,title=x::100%25 wrong%0Areally%0Ahint: h",
      "::error file=site/docs/p.md,title=element-missing-index::No index",
    ]);
  });
});

describe("output style", () => {
  it("colours a terminal only, never in CI or against NO_COLOR / FORCE_COLOR=0", () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { CI: "true" })).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: "0" })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
  });

  it("uses GitHub annotations inside GitHub Actions unless a format is asked for", () => {
    expect(reportFormat(undefined, {})).toBe("human");
    expect(reportFormat(undefined, { GITHUB_ACTIONS: "true" })).toBe("github");
    expect(reportFormat("json", { GITHUB_ACTIONS: "true" })).toBe("json");
  });
});

describe("closestMatch", () => {
  it("finds near misses, ignoring case, and nothing for unrelated words", () => {
    expect(closestMatch("elementkey", ["elementKey", "elementId"])).toBe("elementKey");
    expect(closestMatch("oder", ["order", "title"])).toBe("order");
    expect(closestMatch("favouriteColour", ["order", "title"])).toBeUndefined();
  });
});
