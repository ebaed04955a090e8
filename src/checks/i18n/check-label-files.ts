import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { closestMatch } from "../../diagnostics/did-you-mean.ts";
import { ENGLISH_LABELS, SEARCH_DIALOG_KEYS } from "../../i18n/ui-labels.ts";
import { ENGLISH_LABELS as REFERENCE_LABELS } from "../../reference/labels.ts";

/** The layouts' words (src/i18n/ui-labels.ts), and the groups of words of the search dialog and the API reference. */
const LABELS = Object.keys(ENGLISH_LABELS);
const GROUPS: Record<string, readonly string[]> = {
  search_dialog: SEARCH_DIALOG_KEYS,
  reference: Object.keys(REFERENCE_LABELS),
};

/**
 * A key of `_data/i18n/<lang>.yml` that no layout shows is most likely a misspelled one, whose word silently stays
 * English: each is a warning at its line, with the key meant when one is close.
 */
export function checkLabelFiles(sourceDir: string, data: Record<string, unknown>): Diagnostic[] {
  const i18n = data.i18n;
  if (!isRecord(i18n)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const [lang, labels] of Object.entries(i18n)) {
    if (!isRecord(labels)) continue;
    const file = labelFile(sourceDir, lang);
    if (!file) continue;
    const lines = fs.readFileSync(path.join(sourceDir, file), "utf8").split("\n");
    const unknown = (key: string, known: readonly string[], group: string) => {
      const meant = closestMatch(key, known);
      diagnostics.push({
        file,
        line: keyLine(lines, key, group),
        severity: "warning",
        code: "label-unknown",
        message: `Unknown label "${group ? `${group}.` : ""}${key}": no layout shows it, so its word is never seen`,
        hint: meant ? `Did you mean "${meant}"?` : `The labels are listed, in English, in src/i18n/ui-labels.ts and src/reference/labels.ts.`,
      });
    };
    for (const [key, value] of Object.entries(labels)) {
      const group = GROUPS[key];
      if (group) {
        if (isRecord(value)) for (const inner of Object.keys(value)) if (!group.includes(inner)) unknown(inner, group, key);
      } else if (!LABELS.includes(key)) {
        unknown(key, [...LABELS, ...Object.keys(GROUPS)], "");
      }
    }
  }
  return diagnostics;
}

/** `_data/i18n/<lang>.yml` (or `.yaml`, `.json`) as the tree names it; undefined for data that came from elsewhere. */
function labelFile(sourceDir: string, lang: string): string | undefined {
  return ["yml", "yaml", "json"].map((ext) => `_data/i18n/${lang}.${ext}`).find((file) => fs.existsSync(path.join(sourceDir, file)));
}

/** The line of `key:`, inside `group:` when it is a group's: the first line after the group's that names it. */
function keyLine(lines: readonly string[], key: string, group: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^\\s*"?${escaped}"?\\s*:`);
  const start = group ? lines.findIndex((line) => new RegExp(`^${group}\\s*:`).test(line)) + 1 : 0;
  const index = lines.findIndex((line, i) => i >= start && pattern.test(line) && (group !== "" || !/^\s/.test(line)));
  return index === -1 ? undefined : index + 1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
