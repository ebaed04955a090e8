import path from "node:path";
import { filesInside, type Bound } from "../content/inside-tree.ts";
import { readJsonFile } from "../content/json-file.ts";
import { readCsvFile } from "./csv-file.ts";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseYamlFile } from "./yaml-file.ts";

/**
 * `_data/*.yml|yaml|json|csv|tsv` as Jekyll's `site.data`: `_data/hubs.yml` is `site.data.hubs`,
 * and a subfolder `_data/a/b.yml` is `site.data.a.b`. A symlink that leads out of `tree` stops the build.
 */
export function loadDataFolder(dataDir: string, tree: Bound): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const stop = (diagnostic: Diagnostic) => {
    throw new DiagnosticError(diagnostic);
  };
  // As Jekyll's glob of `_data`, names starting with a dot are not read: an editor's lock (Emacs' `.#hubs.yml`, a
  // link to nowhere) or swap file there is not data.
  // Which file gave each name: of two files of one name, the one Jekyll reads last wins (see EXTENSION_ORDER).
  const givenBy = new Map<string, number>();
  const broken: Diagnostic[] = [];
  for (const file of filesInside(dataDir, tree, stop, (name) => name.startsWith("."))) {
    const folders = file.rel.split("/");
    const name = folders.pop()!;
    const ext = path.extname(name);
    const stem = path.basename(name, ext);
    const rank = EXTENSION_ORDER.indexOf(ext);
    const key = path.posix.join(...folders, stem);
    if (rank === -1 || (givenBy.get(key) ?? -1) > rank) continue;
    const parent = folderIn(data, folders);
    // Jekyll reads a folder after the files beside it: `_data/team/` is site.data.team, not `_data/team.yml`.
    if (FOLDERS.has(parent[stem] as object)) continue;
    givenBy.set(key, rank);
    const display = path.relative(tree.displayBase, path.join(dataDir, file.rel)).split(path.sep).join("/");
    try {
      parent[stem] = readDataFile(file.real, display, ext);
    } catch (error) {
      // Each broken file is reported, so that one build names them all.
      if (!(error instanceof DiagnosticError)) throw error;
      broken.push(...error.all);
    }
  }
  if (broken.length > 0) throw new DiagnosticError(broken[0], broken.slice(1));
  return data;
}

/**
 * The extensions of data files in the order Jekyll reads them (its glob `*.{yaml,yml,json,csv,tsv}`): a later one
 * replaces an earlier one of the same name, so `hubs.json` wins over `hubs.yml`.
 */
const EXTENSION_ORDER = [".yaml", ".yml", ".json", ".csv", ".tsv"];

function readDataFile(file: string, display: string, ext: string): unknown {
  if (ext === ".yml" || ext === ".yaml") return parseYamlFile(file, display) ?? null;
  if (ext === ".csv" || ext === ".tsv") return readCsvFile(file, display, ext === ".csv" ? "," : "\t");
  return readJsonFile(file, display, "Fix the JSON at this line: no trailing commas, no comments, double quotes only.");
}

/** The object of `site.data` for a subfolder, made on first use; it replaces a file of the same name read before. */
function folderIn(data: Record<string, unknown>, folders: readonly string[]): Record<string, unknown> {
  let current = data;
  for (const folder of folders) {
    const existing = current[folder];
    let next = existing as Record<string, unknown>;
    if (!FOLDERS.has(existing as object)) FOLDERS.add((next = {}));
    current = current[folder] = next;
  }
  return current;
}

/** The objects of `site.data` made for a subfolder, which win over a file of the same name. */
const FOLDERS = new WeakSet<object>();
