// A writer's {::comment} note is never published: not in the page, its Markdown twin, llms-full.txt or search.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";

describe("a kramdown comment", () => {
  it("is in no file of the site, while code that shows the syntax keeps it", async () => {
    const { out, result } = await buildWithFiles({
      "docs/notes.md": [
        "---",
        "title: Notes",
        "---",
        "",
        "Starts here {::comment}SECRET-INLINE{:/comment} and goes on.",
        "",
        "{::comment}",
        "SECRET-BLOCK: ask legal first.",
        "{:/comment}",
        "",
        "```text",
        "{::comment}SHOWN-IN-CODE{:/comment}",
        "```",
        "",
        'With options {::comment note="x"}SECRET-OPTIONS{:/comment} too.',
        "",
        '{::comment note="x"}',
        "SECRET-BLOCK-OPTIONS",
        "",
        "over a blank line",
        "{:/comment}",
        "",
        "Use `{::comment}` to start a note and `{:/comment}` to end it: SHOWN-AFTER-SPANS.",
        "",
      ].join("\n"),
    });
    expect(result.code, result.stderr).toBe(0);
    const files = fs.readdirSync(out, { recursive: true, encoding: "utf8" }).filter((file) => fs.statSync(path.join(out, file)).isFile());
    const holding = (text: string) => files.filter((file) => fs.readFileSync(path.join(out, file)).includes(text));
    expect(holding("SECRET-")).toEqual([]);
    expect(holding("Starts here")).toEqual(expect.arrayContaining(["docs/notes.html", "docs/notes.md", "llms-full.txt"]));
    expect(holding("SHOWN-IN-CODE")).toEqual(expect.arrayContaining(["docs/notes.html", "docs/notes.md"]));
    expect(holding("SHOWN-AFTER-SPANS")).toEqual(expect.arrayContaining(["docs/notes.html", "docs/notes.md"]));
  }, 120_000);
});
