// Jekyll's front matter defaults, merged in Jekyll's order of precedence.
import { describe, expect, it } from "vitest";
import { defaultsFor, readDefaults } from "../../../src/content/front-matter-defaults.ts";

const rules = (value: unknown) => {
  const read = readDefaults(value);
  expect(read.problems).toEqual([]);
  return read.rules;
};

describe("front matter defaults", () => {
  it("apply by path prefix and type; a longer path wins, then the one that names a type", () => {
    const set = rules([
      { scope: { path: "docs/guides", type: "pages" }, values: { layout: "guide", owner: "guides" } },
      { scope: { path: "" }, values: { layout: "page", owner: "everyone", sidebar: { shown: true, depth: 2 } } },
      { scope: { path: "docs/guides" }, values: { owner: "untyped", sidebar: { depth: 3 } } },
      { scope: { path: "", type: "posts" }, values: { layout: "post" } },
    ]);
    expect(defaultsFor(set, "docs/guides/a.md", "pages")).toEqual({ layout: "guide", owner: "guides", sidebar: { shown: true, depth: 2 } });
    expect(defaultsFor(set, "docs/other.md", "pages")).toEqual({ layout: "page", owner: "everyone", sidebar: { shown: true, depth: 2 } });
    expect(defaultsFor(set, "_posts/2024-01-02-x.md", "posts")).toEqual({ layout: "post", owner: "everyone", sidebar: { shown: true, depth: 2 } });
  });

  it("read a path as Jekyll 4 sanitizes and matches it, a folder or a file, and globs in it", () => {
    const set = rules([
      { scope: { path: "/docs/guides/" }, values: { a: 1 } },
      { scope: { path: "docs/*/api" }, values: { b: 2 } },
    ]);
    expect(defaultsFor(set, "docs/guides/x.md", "pages")).toEqual({ a: 1 });
    expect(defaultsFor(set, "docs/guidesx/y.md", "pages")).toEqual({});
    expect(defaultsFor(rules([{ scope: { path: "docs/one.md" }, values: { c: 3 } }]), "docs/one.md", "pages")).toEqual({ c: 3 });
    expect(defaultsFor(set, "docs/acme/api/z.md", "pages")).toEqual({ b: 2 });
    expect(defaultsFor(set, "docs/acme/apis/z.md", "pages")).toEqual({});
  });

  it("report entries they cannot use, and keep the others", () => {
    expect(readDefaults({ scope: {} }).problems).toEqual([expect.objectContaining({ message: "defaults: must be a list of scope: and values: entries" })]);
    const read = readDefaults([{ scope: { path: "" } }, { values: { x: 1 } }]);
    expect(read.problems).toEqual([expect.objectContaining({ message: "defaults: entry 1 needs a scope: and values: mapping" })]);
    expect(read.rules).toEqual([{ path: "", values: { x: 1 } }]);
  });
});
