import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SourcePage } from "../../../../src/content/source-page.ts";
import { formatDate, readerVariables, type ReaderInput } from "../../../../src/render/layout-variables/layout-variables.ts";

const SOURCE = path.join(path.sep, "site");
const page: SourcePage = {
  file: "docs/elements/acme/authenticate.md",
  absPath: path.join(SOURCE, "docs/elements/acme/authenticate.md"),
  data: { title: "Authenticate" },
  body: "",
  url: "/docs/elements/acme/authenticate.html",
  outputPath: "docs/elements/acme/authenticate.html",
  keyLines: {},
  elementFolder: "acme",
};

const input = (changes: Partial<ReaderInput>): ReaderInput => ({
  page,
  element: null,
  headings: [],
  site: {},
  sourceDir: SOURCE,
  gitDates: new Map(),
  includes: [],
  ...changes,
});

describe("readerVariables", () => {
  it("dates the page by its own file or the latest of the partials its text pulls in", () => {
    const gitDates = new Map([
      ["docs/elements/acme/authenticate.md", "2024-01-02"],
      ["_includes/Elements/acme/authenticate.md", "2024-06-30"],
    ]);
    expect(readerVariables(input({ gitDates })).last_updated).toEqual({ datetime: "2024-01-02", text: "January 2, 2024" });
    const includes = [path.join(SOURCE, "_includes/Elements/acme/authenticate.md")];
    expect(readerVariables(input({ gitDates, includes })).last_updated).toEqual({ datetime: "2024-06-30", text: "June 30, 2024" });
  });

  it("has no date and no edit link without git history or a repository", () => {
    expect(readerVariables(input({}))).toMatchObject({ last_updated: null, edit_url: null });
  });

  it("gives generated pages (no source file) neither a date nor an edit link", () => {
    const generated = { ...page, file: "index.md", absPath: "index.md" };
    const vars = readerVariables(input({ page: generated, site: { repository: "acme/docs" }, gitDates: new Map([["index.md", "2024-01-01"]]) }));
    expect(vars).toMatchObject({ last_updated: null, edit_url: null });
  });

  it("links the source file for editing when site.repository is set", () => {
    expect(readerVariables(input({ site: { repository: "acme/docs" } })).edit_url).toBe(
      "https://github.com/acme/docs/edit/main/docs/elements/acme/authenticate.md",
    );
  });
});

describe("formatDate", () => {
  it("spells the month out, whatever the machine's locale", () => {
    expect(formatDate("2025-12-09")).toBe("December 9, 2025");
  });
});
