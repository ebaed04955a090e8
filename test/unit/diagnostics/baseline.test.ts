import { describe, expect, it } from "vitest";
import { compareWithBaseline, fingerprint, type BaselineEntry } from "../../../src/diagnostics/baseline.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";

const problem = (line: number, message = 'Broken link "old.html"', file = "docs/a.md"): Diagnostic => ({
  file,
  line,
  column: 5,
  severity: "error",
  code: "link-broken",
  message,
});

const entry = (message: string, count = 1, file = "docs/a.md"): BaselineEntry => ({ file, code: "link-broken", message, count });

describe("baseline fingerprints", () => {
  it("leave out the line, and positions and counts inside the message", () => {
    expect(fingerprint(problem(3))).toBe(fingerprint(problem(40)));
    expect(fingerprint(problem(1, "Two pages share order 30: docs/a.md:12 and docs/b.md:4"))).toBe(
      fingerprint(problem(1, "Two pages share order 30: docs/a.md:14 and docs/b.md:9")),
    );
    expect(fingerprint(problem(1, "Broken link; 3 more pages have it too"))).toBe(fingerprint(problem(1, "Broken link; 1 more page has it too")));
    expect(fingerprint(problem(1, "16 API-docs pages show a notice"))).toBe(fingerprint(problem(1, "17 API-docs pages show a notice")));
  });

  it("keep the file, the code and what the message quotes", () => {
    expect(fingerprint(problem(1))).not.toBe(fingerprint(problem(1, 'Broken link "old.html"', "docs/b.md")));
    expect(fingerprint(problem(1, 'Broken anchor "#step-2"'))).not.toBe(fingerprint(problem(1, 'Broken anchor "#step-3"')));
    expect(fingerprint(problem(1, 'Broken link "v1/page.html"'))).not.toBe(fingerprint(problem(1, 'Broken link "v2/page.html"')));
  });
});

describe("compareWithBaseline", () => {
  it("knows as many of one kind as the baseline counts, and calls the rest new", () => {
    const found = [problem(3), problem(9), problem(12)];
    const result = compareWithBaseline(found, [entry('Broken link "old.html"', 2)]);
    expect([...result.known]).toEqual([found[0], found[1]]);
    expect(result.notes.get(found[2])).toContain("This file has 3 of these and the baseline knows 2, so one is new");
    expect(result.fixed).toEqual([]);
  });

  it("counts entries with fewer problems left as fixed, by how many", () => {
    const result = compareWithBaseline([problem(3)], [entry('Broken link "old.html"', 3), entry('Broken link "gone.html"')]);
    expect(result.known.size).toBe(1);
    expect(result.fixed).toEqual([entry('Broken link "old.html"', 2), entry('Broken link "gone.html"', 1)]);
  });
});
