import path from "node:path";
import { parseYamlFile } from "../config/yaml-file.ts";
import { DiagnosticError, type DiagnosticList } from "../diagnostics/diagnostic.ts";
import { fileInside, sourceBound } from "./inside-tree.ts";
import { readJsonFile } from "./json-file.ts";

const DATA_EXTENSIONS = [".yml", ".yaml", ".json"];

/**
 * `docs/elements/acme-crm/acme-crm.11tydata.yml` (or `.yaml`, `.json`): front matter shared by every page in
 * that folder and below, named as Eleventy names directory data files. An element's heading, elementId,
 * elementKey, hub, layout, breadcrumbs and parent can be written once; a page's own front matter wins,
 * and a nearer folder's file wins over a farther one. (A plain `acme-crm/acme-crm.json` stays content.)
 */
export function isDirectoryDataFile(rel: string): boolean {
  const folder = path.posix.basename(path.posix.dirname(rel));
  return DATA_EXTENSIONS.some((ext) => path.posix.basename(rel) === `${folder}.11tydata${ext}`);
}

/** Reads each folder's data file once, for all the pages below it. */
export class DirectoryData {
  private readonly byFolder = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly sourceDir: string,
    private readonly diagnostics?: DiagnosticList,
  ) {}

  /** The data a page inherits: every ancestor folder's file merged, nearest last. */
  forPage(file: string): Record<string, unknown> {
    const folders: string[] = [];
    for (let dir = path.posix.dirname(file); dir !== "." && dir !== ""; dir = path.posix.dirname(dir)) folders.unshift(dir);
    let merged: Record<string, unknown> = {};
    for (const folder of folders) {
      const own = this.ofFolder(folder);
      if (Object.keys(own).length) merged = { ...merged, ...own };
    }
    return merged;
  }

  private ofFolder(folder: string): Record<string, unknown> {
    let data = this.byFolder.get(folder);
    if (!data) {
      data = this.read(folder);
      this.byFolder.set(folder, data);
    }
    return data;
  }

  private read(folder: string): Record<string, unknown> {
    for (const ext of DATA_EXTENSIONS) {
      const rel = `${folder}/${path.posix.basename(folder)}.11tydata${ext}`;
      try {
        // A data file symlinked out of the tree (or to nothing) is reported like a syntax error, and never read.
        const abs = fileInside(path.join(this.sourceDir, rel), sourceBound(this.sourceDir));
        if (!abs) continue;
        const data = ext === ".json" ? (readJsonFile(abs, rel, DIRECTORY_DATA_HINT) as Record<string, unknown>) : parseYamlFile(abs, rel);
        return data && typeof data === "object" && !Array.isArray(data) ? data : {};
      } catch (error) {
        if (!(error instanceof DiagnosticError) || !this.diagnostics) throw error;
        this.diagnostics.add(error.diagnostic);
        return {};
      }
    }
    return {};
  }
}

const DIRECTORY_DATA_HINT = "Directory data files hold one JSON object of front matter keys; fix the JSON at this line.";
