import type { SourcePage } from "../content/source-page.ts";
import type { ElementReferences } from "../openapi/element-references.ts";
import type { ReferencePart } from "../reference/reference-pages.ts";

/** Shard `index` of `count` (`--shard 2/4`): 1-based, as CI matrices number their jobs. */
export interface ShardSelection {
  index: number;
  count: number;
}

/** `2/4` -> { index: 2, count: 4 }; undefined when the text is not `K/N` with 1 ≤ K ≤ N. */
export function parseShard(text: string): ShardSelection | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/**
 * A page's cost to render, in the units of source characters: its body and front matter, plus a fixed cost for the
 * layout every page goes through; a generated API reference page costs by the operations it shows (measured: a
 * 25-operation tag page renders as slowly as about 150 KB of guide Markdown).
 */
const PAGE_COST = 2_000;
const OPERATION_COST = 6_000;
/**
 * Shard 1's share of the whole tree (src/build/site-share.ts: the site's files, the tree's checks, llms.txt's plan,
 * a bigger manifest), per page of the site: 0.7 s at 20,000 pages, where a page costs about 4,800 units and 3 ms.
 */
const SITE_SHARE_COST = 60;

/**
 * Which shard renders each page, by position in `pages`. The unit is an element (its guide, translations and
 * reference stay together, so its sidebar and anchors are made in one place) or a page outside any element; pages
 * 2 and on of a paginated index follow their first page (they share its `file`). Units are placed heaviest first on
 * the shard with the least work so far, shard 1 starting with its share of the whole tree (ties: the unit's name,
 * then the lowest shard), so every shard of one tree
 * computes the same plan, and the plan balances work, not page counts.
 */
export function shardOfPages(pages: readonly SourcePage[], count: number, references: ElementReferences): number[] {
  const unitOf = (page: SourcePage) => (page.elementFolder !== undefined ? `element:${page.elementFolder}` : `page:${page.file}`);
  const weights = new Map<string, number>();
  for (const page of pages) weights.set(unitOf(page), (weights.get(unitOf(page)) ?? 0) + pageWeight(page, references));
  const units = [...weights].sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0));
  const load = new Array<number>(count).fill(0);
  load[0] = SITE_SHARE_COST * pages.length;
  const shardOfUnit = new Map<string, number>();
  for (const [unit, weight] of units) {
    let lightest = 0;
    for (let shard = 1; shard < count; shard++) if (load[shard] < load[lightest]) lightest = shard;
    load[lightest] += weight;
    shardOfUnit.set(unit, lightest + 1);
  }
  return pages.map((page) => shardOfUnit.get(unitOf(page))!);
}

function pageWeight(page: SourcePage, references: ElementReferences): number {
  const part = page.globals?.api_reference as ReferencePart | undefined;
  if (part) {
    const tags = references.get(part.element)?.tags ?? [];
    // The overview lists every operation and schema; a tag's page shows its own operations in full.
    const operations = part.tag === null ? tags.reduce((sum, tag) => sum + tag.operations.length, 0) / 4 : (tags.find((tag) => tag.id === part.tag)?.operations.length ?? 0);
    return PAGE_COST + operations * OPERATION_COST;
  }
  return PAGE_COST + page.body.length;
}
