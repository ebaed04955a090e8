import fs from "node:fs";
import path from "node:path";
import { GENERATOR_ROOT } from "../paths.ts";

/** `[% name %]`: our placeholder syntax, chosen because it never occurs in Liquid, Markdown or YAML. */
const PLACEHOLDER = /\[%\s*([A-Za-z][A-Za-z0-9]*)\s*%\]/g;

/** The templates folder of the source tree when it has one, else the generator's own. */
export function templatesDir(sourceDir: string): string {
  const own = path.join(sourceDir, "templates");
  return fs.existsSync(own) ? own : path.join(GENERATOR_ROOT, "templates");
}

/**
 * Replaces every placeholder in `text` with its value. A placeholder without a value is a mistake in the
 * template, reported with the template's name so the writer knows which file to fix.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>, templateName: string): string {
  const unknown = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (Object.hasOwn(values, name)) return values[name];
    unknown.add(name);
    return whole;
  });
  if (unknown.size > 0) {
    const names = [...unknown].map((n) => `[% ${n} %]`).join(", ");
    throw new Error(`${templateName} uses ${names}, which is not a known placeholder (see templates/README.md)`);
  }
  return filled;
}
