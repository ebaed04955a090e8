import type { SourcePage } from "../../content/source-page.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { pagesByElementFolder } from "../../elements/element-model.ts";
import { hubToken } from "../../elements/hubs.ts";

/**
 * Facts every page of an element states the same way, where it states them. `hub` and `hdOrcrm` are one fact, and
 * `CRM` and `crm` one hub (`same` says when two spellings agree).
 */
interface SharedFact {
  name: string;
  keys: readonly string[];
  same?: (value: string) => string;
}

const SHARED_FACTS: SharedFact[] = [
  { name: "heading", keys: ["heading"] },
  { name: "elementId", keys: ["elementId"] },
  { name: "elementKey", keys: ["elementKey"] },
  { name: "hub", keys: ["hub", "hdOrcrm"], same: hubToken },
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
function disagreements(pages: SourcePage[], fact: SharedFact): Diagnostic[] {
  const stated: { page: SourcePage; key: string; value: string; compared: string }[] = [];
  for (const page of pages) {
    for (const key of fact.keys) {
      const raw = page.data[key];
      if (raw === undefined || raw === null || raw === "") continue;
      const value = String(raw);
      stated.push({ page, key, value, compared: fact.same ? fact.same(value) : value });
    }
  }
  const counts = new Map<string, number>();
  for (const s of stated) counts.set(s.compared, (counts.get(s.compared) ?? 0) + 1);
  if (counts.size < 2) return [];

  const overview = stated.find((s) => s.page.file.endsWith("/index.md")) ?? stated[0];
  let agreed = overview.compared;
  for (const [value, count] of counts) if (count > counts.get(agreed)!) agreed = value;
  const agreedAs = stated.find((s) => s.compared === agreed)!.value;
  const agreeing = [...new Set(stated.filter((s) => s.compared === agreed).map((s) => baseName(s.page.file)))];

  return stated
    .filter((s) => s.compared !== agreed)
    .map((s) => ({
      file: s.page.file,
      line: s.page.keyLines[s.key],
      severity: "error" as const,
      code: "element-mismatch",
      message: `${s.key} "${s.value}" differs from "${agreedAs}" on ${listNames(agreeing)} of the same element`,
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
