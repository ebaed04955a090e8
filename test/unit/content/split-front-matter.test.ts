import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { readFrontMatter } from "../../../src/content/load-pages.ts";
import { splitFrontMatter } from "../../../src/content/split-front-matter.ts";

/** What a page's front matter was read as before js-yaml 4 took over: gray-matter 4 and its js-yaml 3. */
function grayMatter(text: string): unknown {
  try {
    const file = matter(text, {});
    return { data: file.data ?? {}, keys: Object.keys(file.data ?? {}), content: file.content };
  } catch (error) {
    const { reason, mark } = error as { reason: string; mark?: { line: number; column: number } };
    return { error: reason, line: mark?.line, column: mark?.column };
  }
}

function ours(text: string): unknown {
  try {
    const { data, content } = splitFrontMatter(text);
    return { data, keys: Object.keys(data as object), content };
  } catch (error) {
    const { reason, mark } = error as { reason: string; mark?: { line: number; column: number } };
    return { error: reason, line: mark?.line, column: mark?.column };
  }
}

const VALUES = [
  "yes", "No", "on", "True", "FALSE", "~", "", "1_000", "1_", "0755", "09", "0o17", "0x1F", "0b101", "-00", "1:30",
  "-1:30:00", "1:30.5", "1:60", "1.5e3", ".5", "01.5", "1_0.5", "1_0.5_", ".inf", "-.Inf", ".NaN", "2024-01-02",
  "2024-1-2", "2024-01-02 10:00:00 +02:00", "2024-01-02T10:00:00.123456Z", "!!binary aGVsbG8=", "!!float 1_0",
  "{a: 1, b: [x, 2]}", "'it''s'", "\"\\x41\\t\"",
];

const DOCUMENTS = [
  "---\nbase: &b\n  a: 1\n  b: 2\nx:\n  <<: *b\n  b: 3\n---\n",
  "---\nx:\n  b: 3\n  <<: [{a: 1}, {a: 2, c: 3}]\n---\nbody",
  "---\na: 1\na: 2\n---\n",
  "---\na: 1\nb:\n  c: 1\n  c: 2\n---\n",
  "---\n&a heading: Acme\ntitle: Events\n---\n",
  "---\n!!str heading: Acme\n---\n",
  "---\n\ttitle: tab-indented, which only js-yaml 3 reads\n---\n",
  "---\na:\n  b: 1\n\tc: 2\n---\n",
  "---\na: 'unterminated\n---\nbody\n",
  "---\n# nothing but a comment\n---\nbody",
  "---\n~\n---\n",
  "---\nhello\n---\n",
  "---\r\na: 1\r\n---\r\n\r\nbody\r\n",
  "---\na: 1\n---more\nbody",
  "---\na: 1\n",
  "---\na: 1\n...\nb: 2\n---\n",
];

describe("front matter read with js-yaml 4", () => {
  it.each(VALUES)("reads `key: %s` as gray-matter did", (value) => {
    const text = `---\nkey: ${value}\n---\nbody\n`;
    expect(ours(text)).toStrictEqual(grayMatter(text));
  });

  it.each(DOCUMENTS)("reads %j as gray-matter did, errors included", (text) => {
    expect(ours(text)).toStrictEqual(grayMatter(text));
  });

  it("keeps YAML 1.1 numbers and strings as they were", () => {
    const { data } = splitFrontMatter("---\nduration: 1:30\nmode: 0755\nversion: 0o17\nshow: yes\nsize: 1_000\n---\n");
    expect(data).toStrictEqual({ duration: 90, mode: 493, version: "0o17", show: "yes", size: 1000 });
  });

  it("reports broken front matter at the file's line", () => {
    expect(() => readFrontMatter("---\ntitle: Events\ntitle: Again\n---\n", "docs/a.md")).toThrow(
      expect.objectContaining({
        diagnostic: expect.objectContaining({ line: 3, column: 1, message: "Front matter is not valid YAML: duplicated mapping key" }),
      }),
    );
  });
});
