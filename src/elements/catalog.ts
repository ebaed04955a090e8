import type { ElementGuide } from "./element-model.ts";

export interface CatalogEntry {
  name: string;
  key: string | null;
  id: number | null;
  folder: string;
  url: string;
  pageCount: number;
}

export interface CatalogHub {
  key: string;
  name: string;
  elements: CatalogEntry[];
}

/** Every element with a guide, grouped by hub; computed once per build from the element model. */
export interface Catalog {
  elementCount: number;
  hubs: CatalogHub[];
}

const NO_HUB = { key: "other", name: "Other" };

export function buildCatalog(elements: ReadonlyMap<string, ElementGuide>): Catalog {
  const hubs = new Map<string, CatalogHub>();
  for (const element of elements.values()) {
    const key = element.hub ?? NO_HUB.key;
    let hub = hubs.get(key);
    if (!hub) {
      hub = { key, name: element.hubName ?? NO_HUB.name, elements: [] };
      hubs.set(key, hub);
    }
    hub.elements.push({
      name: element.name,
      key: element.key,
      id: element.id,
      folder: element.folder,
      url: element.url,
      pageCount: element.pages.length,
    });
  }
  const sorted = [...hubs.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const hub of sorted) hub.elements.sort((a, b) => a.name.localeCompare(b.name) || a.folder.localeCompare(b.folder));
  return { elementCount: elements.size, hubs: sorted };
}
