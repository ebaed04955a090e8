import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";

/** One page of an existing element guide, with the front matter facts the authoring commands compare against. */
export interface ExistingPage {
  /** `docs/elements/autotask-crm/index.md`, relative to the source tree. */
  file: string;
  folder: string;
  data: Record<string, unknown>;
}

export const ELEMENTS_DIR = "docs/elements";

/** Hub keys and names from `_data/hubs.yml`, in file order. */
export function readHubs(sourceDir: string): Map<string, string> {
  const file = path.join(sourceDir, "_data/hubs.yml");
  const hubs = new Map<string, string>();
  if (!fs.existsSync(file)) return hubs;
  const list = yaml.load(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(list)) return hubs;
  for (const entry of list) {
    if (entry && typeof entry === "object" && "key" in entry) {
      const { key, name } = entry as { key: unknown; name?: unknown };
      hubs.set(String(key), typeof name === "string" ? name : String(key));
    }
  }
  return hubs;
}

/**
 * Every Markdown page directly inside `docs/elements/<folder>/` that has front matter, published or not: an
 * unpublished draft still owns its elementId and elementKey.
 */
export function readElementPages(sourceDir: string): ExistingPage[] {
  const root = path.join(sourceDir, ELEMENTS_DIR);
  if (!fs.existsSync(root)) return [];
  const pages: ExistingPage[] = [];
  for (const folder of fs.readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name.startsWith(".") || folder.name.startsWith("_")) continue;
    for (const entry of fs.readdirSync(path.join(root, folder.name), { withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      const file = `${ELEMENTS_DIR}/${folder.name}/${entry.name}`;
      const text = fs.readFileSync(path.join(sourceDir, file), "utf8");
      if (!/^---\r?\n/.test(text)) continue;
      let data: Record<string, unknown>;
      try {
        // Passing options skips gray-matter's cache, as the build does.
        data = matter(text, {}).data as Record<string, unknown>;
      } catch {
        // A page with broken front matter is the build's to report; it owns no facts here.
        continue;
      }
      pages.push({ file, folder: folder.name, data });
    }
  }
  return pages.sort((a, b) => a.file.localeCompare(b.file));
}

/** The hub a page names, under its current key or the Jekyll-era `hdOrcrm`. */
export function hubOf(data: Record<string, unknown>): string | undefined {
  const hub = data.hub ?? data.hdOrcrm;
  return typeof hub === "string" ? hub : undefined;
}
