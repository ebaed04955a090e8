import { authTypeOf, type AuthType } from "./auth-types.ts";
import type { ElementGuide, HubLink } from "./element-model.ts";
import { findListedHub, type ListedHub } from "./hubs.ts";
import { startSteps, type StartStep } from "./start-here.ts";
import { safeDecode } from "../text/url-escape.ts";

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
  /** The Overview page's `description`, a line or two on the card; null without one. */
  description: string | null;
  /** The element's logo as a site path (src/elements/element-logos.ts); null without one. */
  logo: string | null;
  /** One or two letters drawn in place of a missing logo: `AC` for Autotask CRM. */
  initials: string;
  /** How an instance authenticates (`oauth2`, shown as "OAuth 2.0"), for the card and the filter; null when unsaid. */
  authType: string | null;
  authName: string | null;
  /** What the guide covers beyond setup, from its pages: "Events", "Bulk", "Query". */
  supports: string[];
}

/** A hub and its elements: a section of a catalog grouped by hub, an entry of the hub filter in both kinds. */
export interface CatalogHub {
  /** The hub id (`crm`, `help-desk`), or `other` for the elements without one. */
  key: string;
  name: string;
  /** One line and an icon's path data from `_data/hubs.yml`, for the hub's card on the home page; null without. */
  description: string | null;
  icon: string | null;
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
  /** The hub's icon (path data), null for a letter or a hub without one. */
  icon: string | null;
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
  /** The choices of the authentication filter, by name: those elements name. */
  authTypes: Array<AuthType & { count: number }>;
  /** Guide pages by their last change, newest first (src/elements/recent-pages.ts); empty without git dates. */
  recent: RecentPage[];
  /** The home page's "Start here" path (src/elements/start-here.ts). */
  startHere: StartStep[];
}

/** A guide page on the home page's "Recently updated" list. */
export interface RecentPage {
  title: string;
  url: string;
  element: string;
  /** YYYY-MM-DD, and as readers read it ("March 7, 2024"). */
  date: string;
  dateText: string;
}

/** What the catalog shows besides the element model: read from the pages, `_data/hubs.yml` and git. */
export interface CatalogFacts {
  hubList?: readonly ListedHub[];
  /** By element folder. */
  descriptions?: ReadonlyMap<string, string>;
  logos?: ReadonlyMap<string, string>;
  recent?: RecentPage[];
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

export function buildCatalog(elements: ReadonlyMap<string, ElementGuide>, facts: CatalogFacts = {}): Catalog {
  const byHub = groupsByHub(elements.values());
  const entries = [...elements.values()].map((element) => catalogEntry(element, facts)).sort(byName);
  const hubs = new Map<string, CatalogHub>();
  for (const entry of entries) {
    if (entry.hub === null && !byHub) continue;
    const key = entry.hub ?? NO_HUB.key;
    let hub = hubs.get(key);
    if (!hub) {
      const listed = facts.hubList && findListedHub(key, facts.hubList);
      hub = {
        key,
        name: entry.hubName ?? NO_HUB.name,
        description: listed?.description ?? null,
        icon: listed?.icon ?? null,
        url: byHub ? hubSectionUrl(key) : hubFilterUrl(key),
        elements: [],
      };
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
      ? sortedHubs.map((hub) => ({ id: `hub-${hub.key}`, name: hub.name, url: hub.url, hub: hub.key, icon: hub.icon, elements: hub.elements }))
      : letterSections(entries),
    hubs: sortedHubs,
    hubCount: sortedHubs.filter((hub) => !isOther(hub)).length,
    authTypes: authTypeChoices(entries),
    recent: facts.recent ?? [],
    startHere: startSteps(elements.values(), CATALOG_URL),
  };
}

function catalogEntry(element: ElementGuide, facts: CatalogFacts): CatalogEntry {
  const auth = element.authType === null ? null : authTypeOf(element.authType);
  return {
    name: element.name,
    key: element.key,
    id: element.id,
    folder: element.folder,
    url: element.url,
    pageCount: element.pages.length,
    hub: element.hub,
    hubName: element.hubName,
    description: facts.descriptions?.get(element.folder) ?? null,
    logo: facts.logos?.get(element.folder) ?? null,
    initials: initialsOf(element.name),
    authType: auth?.key ?? null,
    authName: auth?.name ?? null,
    supports: supportedFeatures(element),
  };
}

/** Each way of authenticating that elements use, by name, with how many use it. */
function authTypeChoices(entries: readonly CatalogEntry[]): Catalog["authTypes"] {
  const choices = new Map<string, AuthType & { count: number }>();
  for (const { authType, authName } of entries) {
    if (authType === null || authName === null) continue;
    const choice = choices.get(authType) ?? { key: authType, name: authName, count: 0 };
    choice.count++;
    choices.set(authType, choice);
  }
  return [...choices.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The features a reader looks for, found by the guide's page titles and file names (events.md, "Querying"). */
const FEATURES: Array<[name: string, pattern: RegExp]> = [
  ["Events", /\bevents?\b/i],
  ["Bulk", /\bbulk\b/i],
  ["Query", /\bquer(?:y|ying|ies)\b/i],
];

function supportedFeatures(element: ElementGuide): string[] {
  const names = element.pages.map((page) => `${page.title} ${safeDecode(page.url).split("/").pop()?.replace(/\.html$/, "").replace(/[-_]/g, " ")}`);
  return FEATURES.filter(([, pattern]) => names.some((name) => pattern.test(name))).map(([feature]) => feature);
}

/** `Autotask CRM` -> `AC`, `Box` -> `B`: the first letters of the first two words that start with a letter. */
function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  return words.slice(0, 2).map((word) => word.charAt(0).toUpperCase()).join("") || name.charAt(0).toUpperCase();
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
      section = { id, name: letter.name, url: `${CATALOG_URL}#${id}`, hub: null, icon: null, elements: [] };
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
