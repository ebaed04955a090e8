import type { ElementsJson } from "../schema/elements-json.ts";
import type { ElementGuide } from "./element-model.ts";

/**
 * `elements.json`: the element model as data for other tools, in a stable order, with base-path URLs. Tools look
 * elements up by key and id, so each appears once: a second folder claiming one (an error the build reports,
 * src/checks/elements/check-element-identity.ts) is listed without it.
 */
export function elementsJson(elements: ReadonlyMap<string, ElementGuide>, baseurl: string): string {
  const keys = new Set<string>();
  const ids = new Set<number>();
  const firstClaim = <T>(value: T | null, seen: Set<T>): T | null => {
    if (value === null || seen.has(value)) return null;
    seen.add(value);
    return value;
  };
  const data: ElementsJson = {
    elements: [...elements.values()]
      .sort((a, b) => a.folder.localeCompare(b.folder))
      .map((element) => ({
        id: firstClaim(element.id, ids),
        key: firstClaim(element.key, keys),
        name: element.name,
        hub: element.hub,
        authType: element.authType,
        folder: element.folder,
        url: baseurl + element.url,
        pages: element.pages.map((page) => ({ title: page.title, order: page.order, url: baseurl + page.url })),
      })),
  };
  return JSON.stringify(data, null, 2) + "\n";
}
