import type { SourcePage } from "../content/source-page.ts";
import type { GitDates } from "../content/git-dates.ts";
import { formatDate } from "../i18n/ui-labels.ts";
import type { RecentPage } from "./catalog.ts";
import type { ElementGuide } from "./element-model.ts";

/**
 * The guide pages changed last, by their file's last commit (src/content/git-dates.ts), newest first, one per
 * element so that one busy guide does not fill the list. Ties go by element name, then sidebar order, so the
 * list is the same on every build of one commit. Empty when git gives no dates.
 */
export function recentPages(pages: readonly SourcePage[], elements: ReadonlyMap<string, ElementGuide>, gitDates: GitDates, count: number): RecentPage[] {
  const candidates: Array<RecentPage & { order: number }> = [];
  for (const page of pages) {
    const element = page.elementFolder === undefined ? undefined : elements.get(page.elementFolder);
    const date = gitDates.get(page.file);
    // The element's own list: a page of another language folder is not among its pages.
    const link = element?.pages.find((entry) => entry.url === page.url);
    if (!element || !date || !link) continue;
    candidates.push({ title: link.title, url: page.url, element: element.name, date, dateText: formatDate(date), order: link.order });
  }
  candidates.sort((a, b) => b.date.localeCompare(a.date) || a.element.localeCompare(b.element) || a.order - b.order);
  const seen = new Set<string>();
  const recent: RecentPage[] = [];
  for (const { order: _order, ...page } of candidates) {
    if (seen.has(page.element)) continue;
    seen.add(page.element);
    recent.push(page);
    if (recent.length === count) break;
  }
  return recent;
}
