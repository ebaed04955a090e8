import type { ElementsJson } from "../schema/elements-json.ts";
import type { ElementGuide } from "./element-model.ts";

/** `elements.json`: the element model as data for other tools, in a stable order, with base-path URLs. */
export function elementsJson(elements: ReadonlyMap<string, ElementGuide>, baseurl: string): string {
  const data: ElementsJson = {
    elements: [...elements.values()]
      .sort((a, b) => a.folder.localeCompare(b.folder))
      .map((element) => ({
        id: element.id,
        key: element.key,
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
