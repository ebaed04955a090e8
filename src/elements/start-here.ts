import type { ElementGuide } from "./element-model.ts";

/** A step of the home page's "Start here" path. */
export interface StartStep {
  title: string;
  text: string;
  url: string;
}

const AUTHENTICATE = /^authenticat/i;
const API_REFERENCE = /\bapi\s*(?:reference|docs?)\b/i;

/**
 * A newcomer's first three stops: what an element is (the catalog's introduction says it), how an instance
 * authenticates, and where an API reference is, each shown on the first element (by name) that has such a page.
 * A step without a page to show is left out.
 */
export function startSteps(elements: Iterable<ElementGuide>, catalogUrl: string): StartStep[] {
  const byName = [...elements].sort((a, b) => a.name.localeCompare(b.name) || a.folder.localeCompare(b.folder));
  const firstPage = (pattern: RegExp) => {
    for (const element of byName) {
      const page = element.pages.find((entry) => pattern.test(entry.title));
      if (page) return { element, page };
    }
    return undefined;
  };
  const steps: StartStep[] = [];
  if (byName.length > 0) {
    steps.push({ title: "What is an element?", text: "A ready-made connector to one provider's API. Elements of one kind form a hub.", url: catalogUrl });
  }
  const authenticate = firstPage(AUTHENTICATE);
  if (authenticate) {
    steps.push({
      title: "Authenticate an instance",
      text: `Connect an account and get the token every request sends, shown for ${authenticate.element.name}.`,
      url: authenticate.page.url,
    });
  }
  const reference = firstPage(API_REFERENCE);
  if (reference) {
    steps.push({
      title: "Find the API reference",
      text: `Each element's endpoints, parameters and responses, such as ${reference.element.name}'s.`,
      url: reference.page.url,
    });
  }
  return steps;
}
