// Two headings of a page with one id: kept as kramdown keeps them (a legacy page's addresses stay), and reported.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";

describe("two headings of a page with one id", () => {
  it("keep their ids and are reported at the later heading's line, once each", async () => {
    const { out, result } = await buildWithFiles({
      "docs/guide.md": [
        "---",
        "title: Guide",
        "---",
        "",
        "## Setup",
        "",
        "## Install {#setup}",
        "",
        "## Setup",
        "",
        "## Notes {#notes}",
        "",
        "## Notes",
        "",
      ].join("\n"),
    });
    expect(result.code, result.stderr).toBe(0);
    const html = fs.readFileSync(path.join(out, "docs/guide.html"), "utf8");
    const ids = [...html.matchAll(/<h2[^>]* id="([^"]*)"/g)].map((match) => match[1]);
    expect(ids).toEqual(["setup", "setup", "setup-1", "notes", "notes"]);
    const reported = result.stderr.split("\n").filter((line) => line.includes("heading-id-duplicate"));
    expect(reported.length, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/docs\/guide\.md:7\b[^\n]*\n?[^\n]*"setup"/);
    expect(result.stderr).toMatch(/docs\/guide\.md:13\b[^\n]*\n?[^\n]*"notes"/);
  }, 120_000);

  it("are reported at the page's own line when an include above them adds lines", async () => {
    const { result } = await buildWithFiles({
      "_includes/long.md": "one\n\ntwo\n\nthree\n\nfour\n",
      "docs/guide.md": "---\ntitle: Guide\n---\n{% include long.md %}\n\n## Setup\n\n## Again {#setup}\n",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^docs\/guide\.md:8\b[^\n]*heading-id-duplicate/m);
  }, 120_000);
});
