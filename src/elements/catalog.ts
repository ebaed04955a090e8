import type { ElementGuide, HubLink } from "./element-model.ts";

/** Where the catalog is served: the tree's `docs/elements.md`, or the one generated for a tree without it. */
export const CATALOG_URL = "/docs/elements.html";
export const CATALOG_OUTPUT = CATALOG_URL.slice(1);

export interface CatalogEntry {
  name: string;
  key: string | null;
  id: number | null;
  folder: string;
  url: string;
  pageCount: number;
  /** Hub id and name, shown as a badge in an A–Z catalog; null without a hub. */
  hub: string | null;
  hubName: string | null;
}

/** A hub and its elements: a section of a catalog grouped by hub, an entry of the hub filter in both kinds. */
export interface CatalogHub {
  /** The hub id (`crm`, `help-desk`), or `other` for the elements without one. */
  key: string;
  name: string;
  /** Where the hub is shown: its section (`#hub-crm`), or the catalog filtered to it (`?hub=crm`) in an A–Z catalog. */
  url: string;
  elements: CatalogEntry[];
}

/** One section of the catalog page: a hub, or an initial letter in an A–Z catalog. */
export interface CatalogSection {
  /** The section's HTML id: `hub-crm`, `letter-a`. */
  id: string;
  name: string;
  url: string;
  /** The hub id of a hub section (what the hub filter compares), null for a letter. */
  hub: string | null;
  elements: CatalogEntry[];
}

/** Every element with a guide, in sections, computed once per build from the element model. */
export interface Catalog {
  url: string;
  elementCount: number;
  /** `hub` when at least half of the elements name a hub, else `letter` (A–Z); see groupsByHub. */
  groupedBy: "hub" | "letter";
  sections: CatalogSection[];
  /** The choices of the hub filter: the hubs elements name, by name; grouped by hub, Other (elements without one) last. */
  hubs: CatalogHub[];
  /** How many hubs elements name (Other is none). */
  hubCount: number;
}

const NO_HUB = { key: "other", name: "Other" };
const NOT_A_LETTER = { key: "other", name: "#" };

/**
 * Hub sections help only when most elements have a hub: a Jekyll portal where 7 of 159 elements name one would
 * otherwise show a few small hubs and an "Other" of 152. So a catalog is grouped by hub when at least half of its
 * elements have one, and A–Z by name otherwise (hubs then show as a badge on the card and in the filter).
 */
export function groupsByHub(elements: Iterable<ElementGuide>): boolean {
  let total = 0;
  let withHub = 0;
  for (const element of elements) {
    total++;
    if (element.hub !== null) withHub++;
  }
  return withHub * 2 >= total;
}

/** Where the breadcrumb trail's hub step leads: the hub's section, or the A–Z catalog filtered to the hub. */
export function catalogHubLink(element: ElementGuide, byHub: boolean): HubLink | null {
  if (byHub) return { name: element.hubName ?? NO_HUB.name, url: hubSectionUrl(element.hub ?? NO_HUB.key) };
  return element.hub === null ? null : { name: element.hubName ?? element.hub, url: hubFilterUrl(element.hub) };
}

export function buildCatalog(elements: ReadonlyMap<string, ElementGuide>): Catalog {
  const byHub = groupsByHub(elements.values());
  const entries = [...elements.values()].map(catalogEntry).sort(byName);
  const hubs = new Map<string, CatalogHub>();
  for (const entry of entries) {
    if (entry.hub === null && !byHub) continue;
    const key = entry.hub ?? NO_HUB.key;
    let hub = hubs.get(key);
    if (!hub) {
      hub = { key, name: entry.hubName ?? NO_HUB.name, url: byHub ? hubSectionUrl(key) : hubFilterUrl(key), elements: [] };
      hubs.set(key, hub);
    }
    hub.elements.push(entry);
  }
  const isOther = (hub: CatalogHub) => Number(hub.key === NO_HUB.key);
  const sortedHubs = [...hubs.values()].sort((a, b) => isOther(a) - isOther(b) || a.name.localeCompare(b.name));
  return {
    url: CATALOG_URL,
    elementCount: elements.size,
    groupedBy: byHub ? "hub" : "letter",
    sections: byHub
      ? sortedHubs.map((hub) => ({ id: `hub-${hub.key}`, name: hub.name, url: hub.url, hub: hub.key, elements: hub.elements }))
      : letterSections(entries),
    hubs: sortedHubs,
    hubCount: sortedHubs.filter((hub) => !isOther(hub)).length,
  };
}

function catalogEntry(element: ElementGuide): CatalogEntry {
  return {
    name: element.name,
    key: element.key,
    id: element.id,
    folder: element.folder,
    url: element.url,
    pageCount: element.pages.length,
    hub: element.hub,
    hubName: element.hubName,
  };
}

/** Sections by initial letter (accents dropped: Émile under E); names starting with a digit or sign come first, under #. */
function letterSections(entries: readonly CatalogEntry[]): CatalogSection[] {
  const sections = new Map<string, CatalogSection>();
  for (const entry of entries) {
    const initial = entry.name.normalize("NFKD").replace(/\p{M}/gu, "").charAt(0).toUpperCase();
    const letter = /\p{L}/u.test(initial) ? { key: initial.toLowerCase(), name: initial } : NOT_A_LETTER;
    let section = sections.get(letter.key);
    if (!section) {
      const id = `letter-${letter.key}`;
      section = { id, name: letter.name, url: `${CATALOG_URL}#${id}`, hub: null, elements: [] };
      sections.set(letter.key, section);
    }
    section.elements.push(entry);
  }
  return [...sections.values()].sort((a, b) => Number(b.name === NOT_A_LETTER.name) - Number(a.name === NOT_A_LETTER.name) || a.name.localeCompare(b.name));
}

function byName(a: CatalogEntry, b: CatalogEntry): number {
  return a.name.localeCompare(b.name) || a.folder.localeCompare(b.folder);
}

function hubSectionUrl(hub: string): string {
  return `${CATALOG_URL}#hub-${hub}`;
}

/** The catalog's script narrows the cards to one hub from `?hub=` (assets/js/catalog.js); without it, all show. */
function hubFilterUrl(hub: string): string {
  return `${CATALOG_URL}?hub=${encodeURIComponent(hub)}`;
}
