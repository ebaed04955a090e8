// The preview's summary line counts each page once a round, where it was first rendered.
import { expect, it } from "vitest";
import { RoundSummary } from "../../../src/dev/round-summary.ts";
import { DiagnosticList } from "../../../src/diagnostics/diagnostic.ts";

it("counts a page rendered again after a save once, where it was first rendered, and starts again after each round", () => {
  const round = new RoundSummary();
  round.renderedOnRequest("a.html");
  round.renderedInBackground("a.html");
  round.renderedInBackground("b.html");
  round.renderedInBackground("b.html");
  round.renderedOnRequest("b.html");
  expect(round.summary(new Set(["a.html", "b.html"]), 12, new DiagnosticList())).toBe("Preview: 2 pages up to date (1 rendered on request, 1 in the background); checks 12 ms; 0 errors, 0 warnings");
  round.renderedInBackground("a.html");
  expect(round.summary(new Set(["a.html", "b.html"]), 3.4, new DiagnosticList())).toMatch(/^Preview: 2 pages up to date \(0 rendered on request, 1 in the background\); checks 3 ms;/);
});

it("does not count a page made and deleted again within the round", () => {
  const round = new RoundSummary();
  for (const page of ["a.html", "gone-1.html", "gone-2.html"]) round.renderedInBackground(page);
  expect(round.summary(new Set(["a.html"]), 1, new DiagnosticList())).toMatch(/^Preview: 1 page up to date \(0 rendered on request, 1 in the background\)/);
});
