// Front matter is read as gray-matter 4.0.3 reads it (its js-yaml 3 included), without calling gray-matter for
// every page: each case is checked against gray-matter itself, quirks and YAML errors included.
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../../src/diagnostics/diagnostic.ts";
import { readFrontMatter } from "../../../src/content/load-pages.ts";

/** What gray-matter makes of a text: its data and content, or the YAML error it throws. */
function grayMatter(text: string): { data: unknown; content: string } | { reason: string; line: number; column: number } {
  try {
    const parsed = matter(text, {});
    return { data: parsed.data ?? {}, content: parsed.content };
  } catch (error) {
    const { reason, mark } = error as { reason: string; mark: { line: number; column: number } };
    return { reason, line: mark.line + 1, column: mark.column + 1 };
  }
}

/** What the build makes of it: data and the body without the blank lines standing for the front matter. */
function ours(text: string): { data: unknown; content: string } | { reason: string; line: number; column: number } {
  try {
    const parsed = readFrontMatter(text, "docs/page.md")!;
    expect(parsed.body.slice(0, parsed.headerLines)).toBe("\n".repeat(parsed.headerLines));
    return { data: parsed.data, content: parsed.body.slice(parsed.headerLines) };
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    const { message, line, column } = error.diagnostic;
    return { reason: message.replace("Front matter is not valid YAML: ", ""), line: line!, column: column! };
  }
}

const CASES: Record<string, string> = {
  "plain": "---\ntitle: Events\nhub: crm\n---\n# Events\n\nBody.\n",
  "CRLF line ends": "---\r\ntitle: Events\r\n---\r\nBody\r\n",
  "a blank line after the closing ---": "---\ntitle: A\n---\n\nBody",
  "text on the closing line": "---\ntitle: A\n---x\nBody",
  "a ---- line closes": "---\ntitle: A\n----\nBody",
  "a --- inside a value closes": "---\nnote: |\n  a\n---\nBody",
  "closed at the end of the text": "---\ntitle: A\n---",
  "empty block": "---\n---\nBody",
  "blank block": "---\n  \n\n---\nBody",
  "comments only": "---\n# a comment\n  # another\n---\nBody",
  "comment and data": "---\n# a comment\ntitle: A\n---\nBody",
  "null": "---\n~\n---\nBody",
  "a string": "---\njust words\n---\nBody",
  "a list": "---\n- a\n- b\n---\nBody",
  "js-yaml 3 reads 0777 as octal, js-yaml 4 would not": "---\nmode: 0777\n---\n",
  "dates and anchors": "---\ndate: 2024-03-01\nbase: &b {x: 1}\ncopy: *b\n---\n",
  "a mapping pair js-yaml 3 words its own way": "---\ntitle: Fine\nsummary: a: b\n---\nBody",
  "bad indentation": "---\ntitle: A\n  bad: indent\n---\n",
  "a duplicate key": "---\ntitle: A\ntitle: B\n---\n",
  "a tab in CRLF front matter": "---\r\ntitle: A\r\n\tkey: v\r\n---\r\n",
};

describe("front matter, as gray-matter 4.0.3 reads it", () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => {
      expect(ours(text)).toEqual(grayMatter(text));
    });
  }

  it("puts a YAML error at the file's line and column, in js-yaml 3's words", () => {
    expect(ours(CASES["a mapping pair js-yaml 3 words its own way"])).toEqual({
      reason: "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line",
      line: 3,
      column: 11,
    });
  });

  it("says where js-yaml cannot: front matter that never ends, and a quote or bracket left open, at its line", () => {
    expect(ours("---\ntitle: A\nBody")).toEqual({ reason: "Front matter never ends: no line --- closes the one that opens it, so the whole page reads as YAML", line: 1, column: undefined });
    expect(ours("---\ntitle: 'open\norder: 2\n---\n")).toMatchObject({ reason: "the ' opened on this line is never closed", line: 2 });
    expect(ours('---\nhub: crm\ntitle: "open\n---\n')).toMatchObject({ reason: 'the " opened on this line is never closed', line: 3 });
    expect(ours("---\ntags: [a, b\norder: 3\n---\n")).toMatchObject({ reason: "the [ opened on this line is never closed", line: 2 });
  });

  it("ends at a line of ..., as Jekyll ends it, and places an open quote at the last line that leaves one open", () => {
    expect(ours("---\ntitle: ok\ndescription: fine\n...\nBody")).toEqual({ data: { title: "ok", description: "fine" }, content: "Body" });
    expect(ours('---\ntitle: "A long\n  title"\ndescription: "oops\n---\n')).toMatchObject({ reason: 'the " opened on this line is never closed', line: 4 });
    expect(ours('---\ntags:\n  - "a\n---\n')).toMatchObject({ line: 3 });
  });

  it("keeps the line of every top-level key", () => {
    expect(readFrontMatter("---\n# note\ntitle: A\nhub: crm\n---\nBody", "docs/page.md")!.keyLines).toEqual({ title: 3, hub: 4 });
  });

  it("leaves a text that does not open with --- and a line break to the fragments", () => {
    expect(readFrontMatter("--- \ntitle: A\n---\n", "docs/page.md")).toBeUndefined();
    expect(readFrontMatter("# Title\n", "docs/page.md")).toBeUndefined();
  });
});
