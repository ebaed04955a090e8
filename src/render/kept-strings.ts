import type { RenderedPage } from "./render-page.ts";

/**
 * One copy of each string that rendered pages keep for the checks to the end of the build: the layout writes
 * the same links and ids on every page (stylesheets, scripts, header, the element's sidebar), and every page
 * names the same include files. Each page held its own copies, and pages from a render thread arrive as copies.
 */
export class KeptStrings {
  private readonly strings = new Map<string, string>();

  /** The page with its facts and dependencies sharing the strings of the pages before it. */
  page(page: RenderedPage): RenderedPage {
    const facts = page.facts && {
      ...page.facts,
      ids: page.facts.ids.map(this.one),
      urls: page.facts.urls.map(this.one),
      kinds: this.one(page.facts.kinds),
    };
    return { ...page, dependencies: page.dependencies.map(this.one), facts };
  }

  private readonly one = (text: string): string => {
    const kept = this.strings.get(text);
    if (kept !== undefined) return kept;
    this.strings.set(text, text);
    return text;
  };
}
