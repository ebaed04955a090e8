import fs from "node:fs";
import path from "node:path";
import { readText } from "../content/read-text.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import { parseYamlFile } from "./yaml-file.ts";

/**
 * `_data/*.yml|yaml|json` as Jekyll's `site.data`: `_data/hubs.yml` is `site.data.hubs`,
 * and a subfolder `_data/a/b.yml` is `site.data.a.b`.
 */
export function loadDataFolder(dataDir: string, relativeTo = path.dirname(dataDir)): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (!fs.existsSync(dataDir)) return data;
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dataDir, entry.name);
    const display = path.relative(relativeTo, full).split(path.sep).join("/");
    if (entry.isDirectory()) {
      data[entry.name] = loadDataFolder(full, relativeTo);
      continue;
    }
    const ext = path.extname(entry.name);
    const key = path.basename(entry.name, ext);
    if (ext === ".yml" || ext === ".yaml") {
      data[key] = parseYamlFile(full, display) ?? null;
    } else if (ext === ".json") {
      data[key] = parseJsonFile(full, display);
    }
  }
  return data;
}

function parseJsonFile(file: string, display: string): unknown {
  const text = readText(file, display);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DiagnosticError({
      file: display,
      severity: "error",
      code: "json-syntax",
      message: `Invalid JSON: ${(error as Error).message}`,
    });
  }
}
