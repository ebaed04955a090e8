import type { ElementGuide } from "../../elements/element-model.ts";

interface SidebarEntry {
  url: string;
  /** `<li><a href="…"` and `>Title</a></li>`, joined with or without aria-current for the current page. */
  start: string;
  end: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** What follows an entry's link: its list of nested entries opens, or it closes (with the list it ends). */
function closing(isNested: boolean, nextNested: boolean): string {
  if (nextNested) return isNested ? "</li>" : "<ol>";
  return isNested ? "</li></ol></li>" : "</li>";
}

/**
 * `{{ element | sidebar_links: page.url }}`: the `<li>` links of an element's sidebar, current page marked
 * with aria-current. Each element's list is built once per thread and reused by all its pages.
 */
export function navigationFilters(site: { baseurl: string }) {
  const built = new WeakMap<object, SidebarEntry[]>();
  const entriesOf = (element: ElementGuide): SidebarEntry[] => {
    let entries = built.get(element);
    if (!entries) {
      // A nested entry (an API reference's tag page) goes in a list inside the entry before it.
      const nested = element.pages.map((page, index) => index > 0 && page.nested === true);
      entries = element.pages.map((page, index) => ({
        url: page.url,
        // A page in another language than the guide's (a translation not written yet) says which, for screen readers.
        start: `<li><a href="${escapeHtml(site.baseurl + page.url)}"${page.lang ? ` hreflang="${escapeHtml(page.lang)}" lang="${escapeHtml(page.lang)}"` : ""}`,
        end: `>${escapeHtml(page.title)}</a>${closing(nested[index], nested[index + 1] ?? false)}`,
      }));
      built.set(element, entries);
    }
    return entries;
  };
  return {
    sidebar_links: (element: unknown, currentUrl: unknown): string => {
      if (!element || typeof element !== "object" || !Array.isArray((element as ElementGuide).pages)) return "";
      return entriesOf(element as ElementGuide)
        .map((entry) => entry.start + (entry.url === currentUrl ? ' aria-current="page"' : "") + entry.end)
        .join("\n");
    },
  };
}
