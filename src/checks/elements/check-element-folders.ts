import type { SourcePage } from "../../content/source-page.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { pagesByElementFolder } from "../../elements/element-model.ts";

/** Facts every page of an element states the same way, where it states them. `hub` and `hdOrcrm` are one fact. */
const SHARED_FACTS: { name: string; keys: readonly string[] }[] = [
  { name: "heading", keys: ["heading"] },
  { name: "elementId", keys: ["elementId"] },
  { name: "elementKey", keys: ["elementKey"] },
  { name: "hub", keys: ["hub", "hdOrcrm"] },
];

/**
 * The pages of one `docs/elements/<folder>/` describe one element: they agree on its name, id, key and hub,
 * no two share a sidebar `order`, and the folder has an Overview (`index.md`).
 */
export function checkElementFolders(pages: Iterable<SourcePage>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [folder, folderPages] of pagesByElementFolder(pages)) {
    folderPages.sort((a, b) => a.file.localeCompare(b.file));
    for (const fact of SHARED_FACTS) diagnostics.push(...disagreements(folderPages, fact));
    diagnostics.push(...duplicateOrders(folderPages));
    if (!folderPages.some((p) => p.file.endsWith("/index.md"))) {
      diagnostics.push({
        file: folderPages[0].file,
        severity: "warning",
        code: "element-missing-index",
        message:
          `The element folder docs/elements/${folder}/ has no index.md: its catalog card and element link ` +
          `go to ${baseName(folderPages[0].file)} instead`,
        hint: `Add docs/elements/${folder}/index.md, the element's Overview, with order: 1.`,
      });
    }
  }
  return diagnostics;
}

/** Pages whose value differs from the one most pages give (ties: the Overview's, else the first file's). */
function disagreements(pages: SourcePage[], fact: { name: string; keys: readonly string[] }): Diagnostic[] {
  const stated: { page: SourcePage; key: string; value: string }[] = [];
  for (const page of pages) {
    for (const key of fact.keys) {
      const value = page.data[key];
      if (value !== undefined && value !== null && value !== "") stated.push({ page, key, value: String(value) });
    }
  }
  const counts = new Map<string, number>();
  for (const s of stated) counts.set(s.value, (counts.get(s.value) ?? 0) + 1);
  if (counts.size < 2) return [];

  const overview = stated.find((s) => s.page.file.endsWith("/index.md"));
  let agreed = overview?.value ?? stated[0].value;
  for (const [value, count] of counts) if (count > counts.get(agreed)!) agreed = value;
  const agreeing = [...new Set(stated.filter((s) => s.value === agreed).map((s) => baseName(s.page.file)))];

  return stated
    .filter((s) => s.value !== agreed)
    .map((s) => ({
      file: s.page.file,
      line: s.page.keyLines[s.key],
      severity: "error" as const,
      code: "element-mismatch",
      message: `${s.key} "${s.value}" differs from "${agreed}" on ${listNames(agreeing)} of the same element`,
      hint: `Every page of an element states the same ${fact.name}; change one side so they agree.`,
    }));
}

function duplicateOrders(pages: SourcePage[]): Diagnostic[] {
  const firstWith = new Map<number, SourcePage>();
  const diagnostics: Diagnostic[] = [];
  const used = [...new Set(pages.map((p) => p.data.order).filter((o): o is number => typeof o === "number"))].sort((a, b) => a - b);
  for (const page of pages) {
    const order = page.data.order;
    if (typeof order !== "number") continue;
    const first = firstWith.get(order);
    if (!first) {
      firstWith.set(order, page);
      continue;
    }
    diagnostics.push({
      file: page.file,
      line: page.keyLines.order,
      severity: "error",
      code: "element-duplicate-order",
      message: `order ${order} is also the order of ${baseName(first.file)}: the sidebar position of these pages is undefined`,
      hint: `Give each page of the element its own order (in use: ${used.join(", ")}).`,
    });
  }
  return diagnostics;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

function listNames(names: string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
}
