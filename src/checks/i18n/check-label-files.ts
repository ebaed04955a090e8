import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { closestMatch } from "../../diagnostics/did-you-mean.ts";
import { ENGLISH_LABELS, SEARCH_DIALOG_KEYS } from "../../i18n/ui-labels.ts";
import { ENGLISH_LABELS as REFERENCE_LABELS } from "../../reference/labels.ts";
import { describe } from "../../schema/expected.ts";
import { escapeRegExp } from "../../text/escape-reg-exp.ts";

/** The layouts' words (src/i18n/ui-labels.ts), and the groups of words of the search dialog and the API reference. */
const LABELS = Object.keys(ENGLISH_LABELS);
const GROUPS: Record<string, readonly string[]> = {
  search_dialog: SEARCH_DIALOG_KEYS,
  reference: Object.keys(REFERENCE_LABELS),
};

/**
 * A key of `_data/i18n/<lang>.yml` that no layout shows is most likely a misspelled one, whose word silently stays
 * English: each is a warning at its line, with the key meant when one is close. So is a label in the wrong form
 * (a list where a word goes, a word where the months go), which stays English too.
 */
export function checkLabelFiles(sourceDir: string, data: Record<string, unknown>): Diagnostic[] {
  const i18n = data.i18n;
  if (!isRecord(i18n)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const [lang, labels] of Object.entries(i18n)) {
    const file = labelFile(sourceDir, lang);
    if (!file) continue;
    const lines = fs.readFileSync(path.join(sourceDir, file), "utf8").split("\n");
    const warn = (code: "label-unknown" | "label-type", key: string, group: string, message: string, hint: string) =>
      diagnostics.push({ file, line: keyLine(lines, key, group), severity: "warning", code, message, hint });
    if (!isRecord(labels)) {
      if (labels !== null && labels !== undefined) {
        diagnostics.push({
          file,
          line: 1,
          severity: "warning",
          code: "label-type",
          message: `${file} must be a mapping of labels, not ${describe(labels)}: every word stays English`,
          hint: "Write one label a line, key: word, such as previous: 이전.",
        });
      }
      continue;
    }
    const unknown = (key: string, known: readonly string[], group: string) => {
      const meant = closestMatch(key, known);
      warn("label-unknown", key, group, `Unknown label "${group ? `${group}.` : ""}${key}": no layout shows it, so its word is never seen`,
        meant ? `Did you mean "${meant}"?` : `The labels are listed, in English, in src/i18n/ui-labels.ts and src/reference/labels.ts.`);
    };
    for (const [key, value] of Object.entries(labels)) {
      const group = GROUPS[key];
      if (value === null || value === undefined) continue; // an empty label stays English, as a missing one does
      if (group) {
        if (!isRecord(value)) {
          warn("label-type", key, "", `${key} must be a mapping of labels, not ${describe(value)}, so its words stay English`, `Write each of its labels on its own indented line under ${key}:.`);
          continue;
        }
        for (const [inner, word] of Object.entries(value)) {
          if (!group.includes(inner)) unknown(inner, group, key);
          else if (typeof word !== "string" || word.trim() === "") warn("label-type", inner, key, `${key}.${inner} must be text, not ${describe(word)}, so it stays English`, `Write it as ${inner}: followed by the word.`);
        }
      } else if (!LABELS.includes(key)) {
        unknown(key, [...LABELS, ...Object.keys(GROUPS)], "");
      } else {
        const problem = formProblem(key, value);
        if (problem) warn("label-type", key, "", problem.message, problem.hint);
      }
    }
  }
  return diagnostics;
}

/** A layout label that is not in the form of its English (text, or the twelve months), which the layouts ignore. */
function formProblem(key: string, value: unknown): { message: string; hint: string } | undefined {
  const english = ENGLISH_LABELS[key as keyof typeof ENGLISH_LABELS];
  if (Array.isArray(english)) {
    if (Array.isArray(value) && value.length === english.length && value.every((month) => typeof month === "string")) return undefined;
    return {
      message: `${key} must be a list of the ${english.length} month names, not ${Array.isArray(value) ? `a list of ${value.length}` : describe(value)}, so the months stay English`,
      hint: `Write the ${english.length} names in order, January first, as a list: ${key}: [1월, 2월, …].`,
    };
  }
  if (typeof value === "string" || typeof value === "number") return undefined;
  return { message: `${key} must be text, not ${describe(value)}, so it stays English`, hint: `Write it on one line: ${key}: followed by the word, such as ${key}: ${english}.` };
}

/** `_data/i18n/<lang>.yml` (or `.yaml`, `.json`) as the tree names it; undefined for data that came from elsewhere. */
function labelFile(sourceDir: string, lang: string): string | undefined {
  return ["yml", "yaml", "json"].map((ext) => `_data/i18n/${lang}.${ext}`).find((file) => fs.existsSync(path.join(sourceDir, file)));
}

/** The line of `key:`, inside `group:` when it is a group's: the first line after the group's that names it. */
function keyLine(lines: readonly string[], key: string, group: string): number | undefined {
  const escaped = escapeRegExp(key);
  const pattern = new RegExp(`^\\s*"?${escaped}"?\\s*:`);
  const start = group ? lines.findIndex((line) => new RegExp(`^${group}\\s*:`).test(line)) + 1 : 0;
  const index = lines.findIndex((line, i) => i >= start && pattern.test(line) && (group !== "" || !/^\s/.test(line)));
  return index === -1 ? undefined : index + 1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
