import fs from "node:fs";
import path from "node:path";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { KNOWN_CODES, isKnownCode } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { closestMatch } from "./did-you-mean.ts";

/** What a team decides a code is: a problem that blocks (error), one that is shown (warning), or none (off). */
export type SeverityLevel = "error" | "warning" | "off";

const LEVELS: readonly SeverityLevel[] = ["error", "warning", "off"];

/** Where the setting lives in `_config.yml`: `element_guides: { severity: { <code>: <level> } }`. */
export const SEVERITY_KEY = ["element_guides", "severity"] as const;

export interface SeveritySettings {
  levels: ReadonlyMap<string, SeverityLevel>;
  /** Mistakes in the setting itself, at their `_config.yml` line. */
  problems: Diagnostic[];
}

/**
 * Reads and checks `element_guides.severity` of the site's `_config.yml` values. A code or level that does not
 * exist is an error (with the nearest one suggested) and is left out; the valid entries still apply.
 */
export function severitySettings(sourceDir: string, site: Record<string, unknown>): SeveritySettings {
  const levels = new Map<string, SeverityLevel>();
  const problems: Diagnostic[] = [];
  const section = site[SEVERITY_KEY[0]];
  const setting = isMapping(section) ? section[SEVERITY_KEY[1]] : undefined;
  if (setting === undefined || setting === null) return { levels, problems };

  const lines = configLines(sourceDir);
  const report = (keys: string[], message: string, hint: string) =>
    problems.push({ file: "_config.yml", line: lineOf(lines, keys), severity: "error", code: "config-severity", message, hint });
  if (!isMapping(setting)) {
    report([...SEVERITY_KEY], "element_guides.severity must map diagnostic codes to a level", "Write one line per code, such as `link-anchor: off`, indented under severity:.");
    return { levels, problems };
  }
  for (const [code, value] of Object.entries(setting)) {
    const keys = [...SEVERITY_KEY, code];
    if (!isKnownCode(code)) {
      const near = closestMatch(code, KNOWN_CODES);
      report(
        keys,
        `element_guides.severity names "${code}", which is not a diagnostic code`,
        near ? `Did you mean ${near}?` : 'A code is the word after "error" or "warning" in a report line, such as link-anchor.',
      );
      continue;
    }
    // YAML 1.1 habits: `off` is a string to our parser, but `false` means the same to a writer.
    const level = value === false ? "off" : value;
    if (typeof level !== "string" || !(LEVELS as readonly string[]).includes(level)) {
      const near = typeof level === "string" ? closestMatch(level, LEVELS) : undefined;
      report(
        keys,
        `element_guides.severity sets ${code} to ${JSON.stringify(value)}, which is not a level`,
        `${near ? `Did you mean ${near}? ` : ""}Use error, warning or off.`,
      );
      continue;
    }
    levels.set(code, level as SeverityLevel);
  }
  return { levels, problems };
}

/** The problem as the site's settings rate it; undefined when its code is turned off. */
export function withLevel(diagnostic: Diagnostic, levels: ReadonlyMap<string, SeverityLevel>): Diagnostic | undefined {
  const level = levels.get(diagnostic.code);
  if (level === "off") return undefined;
  if (level === undefined || level === diagnostic.severity) return diagnostic;
  return { ...diagnostic, severity: level };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function configLines(sourceDir: string): string[] {
  try {
    return fs.readFileSync(path.join(sourceDir, "_config.yml"), "utf8").split("\n");
  } catch {
    return [];
  }
}

/** The line of the innermost of `keys` (each looked for after the previous one), or of the last one found. */
function lineOf(lines: string[], keys: string[]): number | undefined {
  let found: number | undefined;
  let from = 0;
  for (const key of keys) {
    const pattern = new RegExp(`(?:^|[\\s{,])["']?${escapeRegExp(key)}["']?\\s*:`);
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line.replace(/#.*$/, "")));
    if (index === -1) break;
    found = index + 1;
    from = index;
  }
  return found;
}
