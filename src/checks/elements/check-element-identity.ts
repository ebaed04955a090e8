import type { SourcePage } from "../../content/source-page.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { pagesByElementFolder } from "../../elements/element-model.ts";

/** The front matter keys that name one element and no other. */
const IDENTITY_KEYS = ["elementKey", "elementId"] as const;

/**
 * Two element folders stating the same `elementKey` or `elementId` describe one element twice (often a copied
 * folder whose facts were never changed): a tool reading `elements.json` by key or id would find either. Each
 * folder gets the error, at the line of the key on the page that states it for the folder (its Overview first).
 */
export function checkElementIdentity(pages: Iterable<SourcePage>): Diagnostic[] {
  const byFolder = pagesByElementFolder(pages);
  const diagnostics: Diagnostic[] = [];
  for (const key of IDENTITY_KEYS) {
    const statedBy = new Map<string, { folder: string; page: SourcePage }[]>();
    for (const folder of [...byFolder.keys()].sort()) {
      const stated = statement(byFolder.get(folder)!, key);
      if (!stated) continue;
      const list = statedBy.get(stated.value);
      if (list) list.push({ folder, page: stated.page });
      else statedBy.set(stated.value, [{ folder, page: stated.page }]);
    }
    for (const [value, folders] of statedBy) {
      if (folders.length < 2) continue;
      for (const own of folders) {
        const others = folders.filter((other) => other !== own).map((other) => `${folderOf(other.folder)} (${where(other.page, key)})`);
        diagnostics.push({
          file: own.page.file,
          line: own.page.keyLines[key],
          severity: "error",
          code: "element-duplicate-identity",
          message: `${key} "${value}" of ${folderOf(own.folder)} is also the ${key} of ${others.join(", ")}`,
          hint: `Each element has its own ${key}: change it in one of the folders (a copied folder keeps the original's).`,
        });
      }
    }
  }
  return diagnostics;
}

/** The value an element folder gives `key`, from its Overview if that states it, else from its first page that does. */
function statement(pages: SourcePage[], key: string): { value: string; page: SourcePage } | undefined {
  const ordered = [...pages].sort((a, b) => Number(isOverview(b)) - Number(isOverview(a)) || a.file.localeCompare(b.file));
  for (const page of ordered) {
    const value = page.data[key];
    if (typeof value === "number" || (typeof value === "string" && value.trim() !== "")) return { value: String(value).trim(), page };
  }
  return undefined;
}

function where(page: SourcePage, key: string): string {
  const line = page.keyLines[key];
  return line ? `${page.file}:${line}` : page.file;
}

function isOverview(page: SourcePage): boolean {
  return page.file.endsWith("/index.md");
}

function folderOf(folder: string): string {
  return `docs/elements/${folder}/`;
}
