import type { PageReport, PageShortfall } from "./page-shortfall.ts";

/** Causes named one by one in the line; the rest are counted. */
const SHOWN_CAUSES = 5;

/**
 * One line saying which pages are missing from the site or incomplete in it, grouped by cause, most pages first:
 * `Rendered 26 of 28 pages; 2 not written, 16 incomplete: 16 in our layout "element", as layout
 * "sidebarelementdoc" failed (liquid-syntax: …); 2 not written (front-matter-yaml: …)`. Undefined when every page
 * was written in full, so a clean build stays quiet.
 */
export function pagesLine(report: PageReport): string | undefined {
  if (report.shortfalls.length === 0) return undefined;
  const notWritten = report.shortfalls.filter((s) => s.outcome === "not-written").length;
  const incomplete = report.shortfalls.length - notWritten;
  const counts = [notWritten && `${number(notWritten)} not written`, incomplete && `${number(incomplete)} incomplete`].filter(Boolean);

  const groups = new Map<string, { count: number; text: string }>();
  for (const shortfall of report.shortfalls) {
    const text = describe(shortfall);
    const group = groups.get(text) ?? { count: 0, text };
    group.count++;
    groups.set(text, group);
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const causes = sorted.slice(0, SHOWN_CAUSES).map((g) => `${number(g.count)} ${g.text}`);
  const rest = sorted.slice(SHOWN_CAUSES);
  if (rest.length) {
    const pages = rest.reduce((sum, g) => sum + g.count, 0);
    causes.push(`and ${rest.length} more ${rest.length === 1 ? "cause" : "causes"} (${number(pages)} ${pages === 1 ? "page" : "pages"})`);
  }
  return `Rendered ${number(report.rendered)} of ${number(report.total)} pages; ${counts.join(", ")}: ${causes.join("; ")}`;
}

/** The `pages` field of the JSON report. */
export function pagesJson(report: PageReport): Record<string, unknown> {
  const entry = ({ file, code, message, outcome, layout, ourLayout }: PageShortfall) => ({ file, code, message, outcome, layout, ourLayout });
  return {
    total: report.total,
    rendered: report.rendered,
    failed: report.shortfalls.filter((s) => s.outcome === "not-written").map(({ file, code, message }) => ({ file, code, message })),
    incomplete: report.shortfalls.filter((s) => s.outcome !== "not-written").map(entry),
  };
}

/** What happened to a page and why, the same words for every page of one cause. */
function describe(s: PageShortfall): string {
  const cause = `(${s.code}: ${shorten(s.message)})`;
  switch (s.outcome) {
    case "not-written":
      return `not written ${cause}`;
    case "no-liquid":
      return `shown without Liquid ${cause}`;
    case "our-layout":
      return `in our layout "${s.ourLayout}", as layout "${s.layout}" failed ${cause}`;
    case "parts-empty":
      return `with parts left empty ${cause}`;
  }
}

/** On one line, and short: a Liquid message can quote the rest of the page. */
function shorten(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

function number(n: number): string {
  return n.toLocaleString("en-US");
}
