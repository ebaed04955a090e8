// The files for AI agents as the build plans them, on tiny trees built in memory: a twin never takes the place
// of a file of the tree, a tree's own llms.txt wins, and writing pages as they render changes no byte of them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { writeFiles } from "../support/fixture-tree.ts";

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-agents-"));
  writeFiles(dir, files);
  return dir;
}

const page = (title: string, body: string, more = "") => `---\ntitle: ${title}\nlayout: none\n${more}---\n${body}\n`;
const textOf = (build: Awaited<ReturnType<typeof buildSite>>, outputPath: string) =>
  build.outputs.filter((o) => o.outputPath === outputPath).map((o) => o.html);

describe("a Markdown twin and the tree's own files", () => {
  it("yields to a file of the tree at its path, and the collision is reported with what to do", async () => {
    // With markdown_ext: markdown, a .md file without front matter is a static file, copied as it is.
    const build = await buildSite({
      sourceDir: tree({
        "_config.yml": "markdown_ext: markdown\n",
        "docs/a.markdown": page("A", "Page A."),
        "docs/a.md": "Notes kept as a file.\n",
      }),
      cacheDir: false,
    });
    expect(textOf(build, "docs/a.md")).toEqual([]);
    expect(build.staticFiles.map((f) => f.to)).toContain("docs/a.md");
    expect(build.diagnostics.items).toEqual([
      expect.objectContaining({
        file: "docs/a.md",
        code: "output-collision",
        message: "docs/a.md has two sources: the file docs/a.md and the Markdown twin of docs/a.markdown",
        hint: expect.stringContaining("Markdown twin beside its HTML"),
      }),
    ]);
  });

  it("is not made where the tree needs a folder of that name", async () => {
    const build = await buildSite({
      sourceDir: tree({
        "docs/d.md": page("D", "Page D."),
        "docs/e.md": page("E", "Page E.", "permalink: /docs/d.md/\n"),
      }),
      cacheDir: false,
    });
    expect(build.diagnostics.items).toEqual([]);
    expect(build.outputs.map((o) => o.outputPath).filter((p) => p.startsWith("docs/d"))).toEqual(["docs/d.html", "docs/d.md/index.html", "docs/d.md/index.md"]);
  });

  it("lets the tree's own llms.txt stand, without a report, and still writes llms-full.txt", async () => {
    const build = await buildSite({
      sourceDir: tree({ "llms.txt": "# Our own index\n", "docs/a.md": page("A", "Page A.") }),
      cacheDir: false,
    });
    expect(build.diagnostics.items).toEqual([]);
    expect(textOf(build, "llms.txt")).toEqual([]);
    expect(build.staticFiles.map((f) => f.to)).toContain("llms.txt");
    expect(textOf(build, "llms-full.txt")[0]).toContain("Page A.");
  });

  it("is made only for a Markdown page of the tree with text of its own", async () => {
    const build = await buildSite({
      sourceDir: tree({
        "docs/empty.md": page("Empty", ""),
        "docs/raw.html": page("Raw", "<p>HTML as written.</p>"),
        "docs/a.md": page("A", "Page A."),
      }),
      cacheDir: false,
    });
    // Not for the empty page, the HTML page, or the generated home page and catalog.
    const twins = build.outputs.filter((o) => o.outputPath.endsWith(".md")).map((o) => o.outputPath);
    expect(twins).toEqual(["docs/a.md"]);
  });
});

describe("twins written as pages render", () => {
  it("are byte for byte those made in memory, and so is llms-full.txt", async () => {
    const sourceDir = tree({
      "_config.yml": "title: Tiny\ndescription: A tiny site.\nurl: https://tiny.example.test\n",
      "_includes/shared.md": "Shared text for {{ page.title }}.",
      "docs/a.md": page("A", "# A\n\n{% include shared.md %}\n\nSee [B](/docs/b.html)."),
      "docs/b.md": page("B", "# B\n\nThe second page.", "description: About B.\n"),
    });
    const writeTo = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-agents-out-"));
    const streamed = await buildSite({ sourceDir, cacheDir: false, writeTo, baseurl: "/g/" });
    const inMemory = await buildSite({ sourceDir, cacheDir: false, baseurl: "/g/" });
    expect(streamed.written).toEqual(expect.any(Set));
    for (const file of ["docs/a.md", "docs/b.md", "llms-full.txt"]) {
      expect(fs.readFileSync(path.join(writeTo, file), "utf8"), file).toBe(textOf(inMemory, file)[0]);
    }
    expect(textOf(inMemory, "docs/a.md")[0]).toBe("---\ntitle: A\n---\n\n# A\n\nShared text for A.\n\nSee [B](/g/docs/b.html).\n");
    expect(textOf(streamed, "llms.txt")).toEqual(textOf(inMemory, "llms.txt"));
  });
});

describe("a page whose text starts with a line of ---", () => {
  // Written, or printed by Liquid: after the page's own front matter, a block that looks like another one.
  const forged = "---\ntitle: Forged\ndescription: forged desc\n---\n\nReal body.";
  const printed = '{{ "---" }}\ntitle: Forged\ndescription: forged desc\n{{ "---" }}\n\nReal body.';

  it.each([
    ["written", forged],
    ["printed by Liquid", printed],
  ])("cannot pose as the metadata of its twin, llms.txt or llms-full.txt (%s)", async (_, body) => {
    const build = await buildSite({ sourceDir: tree({ "docs/p.md": `---\nlayout: none\n---\n${body}\n` }), cacheDir: false });
    const twin = textOf(build, "docs/p.md")[0];
    expect(matter(twin).data).not.toMatchObject({ title: "Forged" });
    expect(matter(twin).data).not.toHaveProperty("description");
    expect(twin).toContain("Real body.");
    const full = textOf(build, "llms-full.txt")[0];
    const entry = full.slice(full.indexOf("---\nurl: /docs/p.md"));
    expect(matter(entry).data).toEqual(expect.objectContaining({ url: "/docs/p.md" }));
    expect(matter(entry).data).not.toHaveProperty("description");
    const line = textOf(build, "llms.txt")[0].split("\n").find((l) => l.includes("(/docs/p.md)"));
    // Named by what the page shows (those lines make a heading there), described by its first sentence.
    expect(line).not.toMatch(/^- \[Forged\]/);
    expect(line).toMatch(/\(\/docs\/p\.md\): Real body\.$/);
  });
});

describe("pages in another language", () => {
  it("are listed in llms.txt under their element, after its pages, in sidebar order, marked with their language", async () => {
    const acme = (title: string, order: number, body: string) => `---\nheading: Acme\ntitle: ${title}\nlayout: none\norder: ${order}\n---\n${body}\n`;
    const build = await buildSite({
      sourceDir: tree({
        "_config.yml": "title: Guides\nlanguages: [en, ko]\ndefault_lang: en\n",
        "docs/elements/acme/index.md": acme("Overview", 1, "Acme in English."),
        "docs/elements/acme/events.md": acme("Events", 3, "Events in English."),
        "docs/elements/acme/auth.md": acme("Authenticate", 2, "Authenticate in English."),
        "docs/elements/acme/ko/index.md": acme("개요", 1, "한국어로 된 Acme 안내입니다."),
        "docs/elements/acme/ko/events.md": acme("이벤트", 3, "이벤트 안내입니다."),
        "docs/elements/acme/ko/auth.md": acme("인증", 2, "인증 안내입니다."),
        "docs/about.md": page("About", "About the site."),
      }),
      cacheDir: false,
    });
    const llms = textOf(build, "llms.txt")[0];
    const lines = llms.split("\n").filter((line) => line.startsWith("- ") || line.startsWith("  - "));
    const shown = lines.map((line) => /^( *)- \[([^\]]+)\]\(([^)]+)\)/.exec(line)!).map(([, indent, title, url]) => `${indent}${title} ${url}`);
    expect(shown).toEqual([
      "Acme /docs/elements/acme/index.md",
      "  Authenticate /docs/elements/acme/auth.md",
      "  Events /docs/elements/acme/events.md",
      "  개요 (ko) /docs/elements/acme/ko/index.md",
      "  인증 (ko) /docs/elements/acme/ko/auth.md",
      "  이벤트 (ko) /docs/elements/acme/ko/events.md",
      "Guides /index.html",
      "Element Guides /docs/elements.html",
      "About /docs/about.md",
    ]);
  });
});

describe("a page without a title", () => {
  it("is named in llms.txt by its first heading, else by its file's name, never by its path", async () => {
    const untitled = (body: string) => `---\nlayout: none\n---\n${body}\n`;
    const build = await buildSite({
      sourceDir: tree({
        "docs/misc/notitle.md": untitled("Intro line.\n\n## Setting up *Acme*\n\nMore."),
        "docs/misc/underlined.md": untitled("```\n# not a heading\n```\n\nRate limits\n===========\n\nText."),
        "docs/misc/getting-started.md": untitled("Just text, no heading."),
        "docs/misc/raw_notes.html": untitled("<p>HTML page.</p>"),
      }),
      cacheDir: false,
    });
    const llms = textOf(build, "llms.txt")[0];
    const titleOf = (file: string) => new RegExp(`^- \\[([^\\]]+)\\]\\(/${file}\\)`, "m").exec(llms)?.[1];
    expect(titleOf("docs/misc/notitle.md")).toBe("Setting up Acme");
    expect(titleOf("docs/misc/underlined.md")).toBe("Rate limits");
    expect(titleOf("docs/misc/getting-started.md")).toBe("Getting started");
    expect(titleOf("docs/misc/raw_notes.html")).toBe("Raw notes");
  });
});
