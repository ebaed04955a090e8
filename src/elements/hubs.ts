import { closestMatch } from "../diagnostics/did-you-mean.ts";
import { titleizeSlug } from "../text/titleize-slug.ts";

/** One entry of `_data/hubs.yml`. */
export interface ListedHub {
  key: string;
  name: string;
  /** One line for the hub's card on the home page. */
  description?: string;
  /** The path data (`d`) of the hub's 24×24 line icon on the home page (_data/hubs.yml has examples). */
  icon?: string;
}

/** A hub as the site shows it: `id` is a slug for HTML ids, URLs, filters and elements.json; `name` is for readers. */
export interface Hub {
  id: string;
  name: string;
}

/** `_data/hubs.yml` as a list of `{ key, name }`, or undefined when the site has no such file. */
export function readHubList(data: Record<string, unknown>): ListedHub[] | undefined {
  const hubs = data.hubs;
  if (hubs === undefined) return undefined;
  const list: ListedHub[] = [];
  for (const hub of Array.isArray(hubs) ? hubs : []) {
    if (hub && typeof hub === "object" && "key" in hub) {
      const { key, name, description, icon } = hub as { key: unknown; name?: unknown; description?: unknown; icon?: unknown };
      list.push({
        key: String(key),
        name: typeof name === "string" ? name : String(key),
        ...(typeof description === "string" ? { description: description.trim() } : {}),
        ...(typeof icon === "string" ? { icon: icon.trim() } : {}),
      });
    }
  }
  return list;
}

/** A spelling as a slug, safe in an HTML id and a URL: `Help Desk` -> `help-desk`, `CRM` -> `crm`. */
export function hubSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * What every spelling of one hub reduces to: its letters and digits in lower case, so that `CRM` and `crm`, or
 * `Help Desk`, `helpdesk` and `help-desk`, are one hub. Empty for a value with no letter or digit.
 */
export function hubToken(text: string): string {
  return hubSlug(text).replace(/-/g, "");
}

/** The hub of `_data/hubs.yml` whose key or name is `written`, ignoring case, spacing and punctuation. */
export function findListedHub(written: string, list: readonly ListedHub[]): ListedHub | undefined {
  const token = hubToken(written);
  if (!token) return undefined;
  return list.find((hub) => hubToken(hub.key) === token || hubToken(hub.name) === token);
}

/** The listed hub `written` is probably a typo of (`Hepldesk` -> helpdesk), compared on key and name. */
export function suggestListedHub(written: string, list: readonly ListedHub[]): ListedHub | undefined {
  const byToken = new Map<string, ListedHub>();
  for (const hub of list) {
    for (const spelling of [hub.key, hub.name]) if (!byToken.has(hubToken(spelling))) byToken.set(hubToken(spelling), hub);
  }
  const guess = closestMatch(hubToken(written), [...byToken.keys()]);
  return guess === undefined ? undefined : byToken.get(guess);
}

/**
 * The hub each spelling stands for. A spelling `_data/hubs.yml` lists (by key or name) is that hub: its key as a
 * slug, its name. Other spellings (every one, in a tree without the file) are gathered by token: the id is the
 * slug with the most words (`Help Desk` beats `helpdesk`, so `help-desk`; ties go to the alphabetically first),
 * which does not depend on which page is read first; the name is the first spelling given that is not all lower
 * case (`CRM`, `Help Desk`), else the id in title case (`scheduling` -> `Scheduling`). Spellings without a letter
 * or digit have no hub.
 */
export function resolveHubs(spellings: Iterable<string>, list: readonly ListedHub[] | undefined): Map<string, Hub> {
  const resolved = new Map<string, Hub>();
  const unlisted = new Map<string, string[]>();
  for (const spelling of spellings) {
    if (resolved.has(spelling)) continue;
    const listed = list && findListedHub(spelling, list);
    if (listed) {
      resolved.set(spelling, { id: hubSlug(listed.key) || hubSlug(listed.name), name: listed.name });
      continue;
    }
    const token = hubToken(spelling);
    if (!token) continue;
    const group = unlisted.get(token);
    if (!group) unlisted.set(token, [spelling]);
    else if (!group.includes(spelling)) group.push(spelling);
  }
  for (const group of unlisted.values()) {
    const hub = { id: gatheredId(group), name: gatheredName(group) };
    for (const spelling of group) resolved.set(spelling, hub);
  }
  return resolved;
}

function gatheredId(spellings: readonly string[]): string {
  const words = (slug: string) => slug.split("-").length;
  return spellings.map(hubSlug).sort((a, b) => words(b) - words(a) || a.localeCompare(b))[0];
}

function gatheredName(spellings: readonly string[]): string {
  const chosen = spellings.find((spelling) => spelling !== spelling.toLowerCase());
  if (chosen) return chosen.trim().replace(/\s+/g, " ");
  return titleizeSlug(gatheredId(spellings));
}
