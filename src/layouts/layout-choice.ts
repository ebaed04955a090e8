import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/did-you-mean.ts";

/**
 * Whose layouts a tree's pages use: `ours` (the default) renders every page with Element Guides' theme and leaves
 * the tree's Jekyll `_layouts/*.html` unused, so that an old theme (its jQuery, its Ruby-plugin filters) never
 * keeps content out of the site; `own` uses those `.html` layouts as Jekyll did. Either way a tree's `.liquid`
 * layout replaces ours of the same name.
 */
export type LayoutChoice = "ours" | "own";

const CHOICES: readonly LayoutChoice[] = ["ours", "own"];

/** `element_guides: { layouts: own }` in `_config.yml`. */
export const LAYOUTS_SETTING = "element_guides.layouts";

/** The tree's choice; anything but a valid one means ours (the mistake is reported by layoutChoiceProblem). */
export function layoutChoice(site: Record<string, unknown>): LayoutChoice {
  const value = settingValue(site);
  return value === "own" ? "own" : "ours";
}

/** A `layouts:` value that is neither choice, at its `_config.yml` line. */
export function layoutChoiceProblem(sourceDir: string, site: Record<string, unknown>): Diagnostic | undefined {
  const value = settingValue(site);
  if (value === undefined || value === null || (CHOICES as readonly unknown[]).includes(value)) return undefined;
  const near = typeof value === "string" ? closestMatch(value, CHOICES) : undefined;
  return {
    file: "_config.yml",
    line: layoutsLine(sourceDir),
    severity: "error",
    code: "config-value",
    message: `${LAYOUTS_SETTING} must be ours or own, not ${JSON.stringify(value)}; the pages use Element Guides' theme`,
    hint: `${near ? `Did you mean ${near}? ` : ""}Write \`layouts: own\` under element_guides: to use the tree's _layouts/*.html, or leave it out for ours.`,
  };
}

function settingValue(site: Record<string, unknown>): unknown {
  const section = site.element_guides;
  return typeof section === "object" && section !== null ? (section as Record<string, unknown>).layouts : undefined;
}

/** The line of `layouts:` after `element_guides:` (or of a one-line `element_guides: { layouts: … }`). */
function layoutsLine(sourceDir: string): number | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(sourceDir, "_config.yml"), "utf8").split("\n");
  } catch {
    return undefined;
  }
  const section = lines.findIndex((line) => /^element_guides\s*:/.test(line));
  if (section === -1) return undefined;
  const index = lines.findIndex((line, i) => i >= section && /(?:^|[\s{,])layouts\s*:/.test(line.replace(/#.*$/, "")));
  return (index === -1 ? section : index) + 1;
}
