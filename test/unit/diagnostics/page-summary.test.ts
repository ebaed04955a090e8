import { describe, expect, it } from "vitest";
import { pagesLine } from "../../../src/diagnostics/page-summary.ts";
import type { PageShortfall } from "../../../src/diagnostics/page-shortfall.ts";

function shortfalls(count: number, cause: Omit<PageShortfall, "file" | "diagnostic">): PageShortfall[] {
  return Array.from({ length: count }, (_, i) => ({
    ...cause,
    file: `docs/p${i}.md`,
    diagnostic: { file: `docs/p${i}.md`, severity: "error", code: cause.code, message: cause.message },
  }));
}

describe("pagesLine", () => {
  it("says nothing when every page was written in full", () => {
    expect(pagesLine({ total: 12, rendered: 12, shortfalls: [] })).toBeUndefined();
  });

  it("counts pages by cause, most first, names five causes and counts the rest", () => {
    const filter = { outcome: "our-layout", code: "liquid-unknown-filter", message: "undefined filter: shard_id", layout: "sidebarelementdoc", ourLayout: "element" } as const;
    const line = pagesLine({
      total: 1_589,
      rendered: 1_583,
      shortfalls: [
        ...shortfalls(6, { outcome: "not-written", code: "front-matter-yaml", message: "Front matter is not valid YAML:\n  bad" }),
        ...shortfalls(1_491, filter),
        ...["a", "b", "c", "d", "e"].flatMap((tag) => shortfalls(1, { outcome: "parts-empty", code: "liquid-unknown-tag", message: `tag "${tag}" not found` })),
      ],
    });
    expect(line).toBe(
      "Rendered 1,583 of 1,589 pages; 6 not written, 1,496 incomplete: " +
        '1,491 in our layout "element", as layout "sidebarelementdoc" failed (liquid-unknown-filter: undefined filter: shard_id); ' +
        "6 not written (front-matter-yaml: Front matter is not valid YAML: bad); " +
        '1 with parts left empty (liquid-unknown-tag: tag "a" not found); ' +
        '1 with parts left empty (liquid-unknown-tag: tag "b" not found); ' +
        '1 with parts left empty (liquid-unknown-tag: tag "c" not found); ' +
        "and 2 more causes (2 pages)",
    );
  });
});
