import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { CATALOG_OUTPUT } from "../../elements/catalog.ts";
import type { CheckedPage } from "../links/check-links.ts";
import { pageLinks } from "../../render/inspect/page-facts.ts";
import { resolveLink, type SiteAddress } from "../links/resolve-link.ts";
import type { SiteFiles } from "../links/site-files.ts";

/** The element catalog page, as Jekyll-era sites and ours have it. */
export { CATALOG_OUTPUT };

const ELEMENT_PATH = /^docs\/elements\/([^/]+)(?:\/|$)/;

/**
 * The written catalog links to every element (whether the layout lists them or the writer did) and to no element
 * that does not exist. Links whose target is missing altogether are the link check's to report.
 */
export function checkCatalog(
  catalog: CheckedPage | undefined,
  elementFolders: ReadonlySet<string>,
  files: SiteFiles,
  site: SiteAddress,
): Diagnostic[] {
  if (!catalog?.facts) return [];
  const listed = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const link of pageLinks(catalog.facts)) {
    const resolved = resolveLink(link.value, catalog.url, site);
    if (resolved.kind !== "internal" || resolved.samePage) continue;
    const folder = ELEMENT_PATH.exec(resolved.path)?.[1];
    if (!folder) continue;
    listed.add(folder);
    if (elementFolders.has(folder) || !link.origin || files.find(resolved.path) === undefined) continue;
    diagnostics.push({
      ...link.origin,
      severity: "error",
      code: "catalog-unknown-element",
      message: `The catalog lists "${folder}", which is not an element: docs/elements/${folder}/ has no published page`,
      hint: "Remove the entry, or link to the element's new folder.",
    });
  }
  for (const folder of elementFolders) {
    if (listed.has(folder)) continue;
    diagnostics.push({
      file: catalog.file,
      severity: "warning",
      code: "catalog-missing-element",
      message: `The catalog does not list the element "${folder}" (docs/elements/${folder}/)`,
      hint: `Add a link to /docs/elements/${folder}/, or use the catalog layout (sidebarelementtile), which lists every element.`,
    });
  }
  return diagnostics;
}
