import type { SourcePage } from "../content/source-page.ts";
import type { AgentFiles } from "../agents/agent-files.ts";
import type { BatchResult } from "../render/render-batch.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { ShardIdentity, ShardRecord } from "../render/site-build.ts";

type Rendered = Omit<BatchResult, "highlights">;

/**
 * A shard's render put back in the whole site's order: its pages at their places in the render list, the other
 * shards' pages as pages that did not render here.
 */
export function inPlace<T extends Rendered>(own: T, shardOf: readonly number[], index: number): T {
  const ownPages = own.rendered.values();
  const rendered = shardOf.map((shard) => (shard === index ? ownPages.next().value : undefined));
  return { ...own, rendered };
}

/** What the merge needs of a shard's render (src/build/shard-manifest.ts): each page with its place, and the problems. */
export function shardRecord(
  identity: ShardIdentity,
  own: Rendered,
  list: readonly SourcePage[],
  shardOf: readonly number[],
  index: number,
  agents: AgentFiles,
): ShardRecord {
  const positions = shardOf.flatMap((shard, position) => (shard === index ? [position] : []));
  const pages = own.rendered.flatMap((page: RenderedPage | undefined, i) => {
    if (!page) return [];
    const position = positions[i];
    if (list[position].file !== page.file) throw new Error(`The shard's page ${page.file} is out of place`);
    const breadcrumbs = list[position].data.breadcrumbs;
    return [{ position, page, ...agents.summaryOf(page.file), ...(typeof breadcrumbs === "string" && { breadcrumbs }) }];
  });
  const firstPositions = new Map<string, number>();
  for (const position of positions) if (!firstPositions.has(list[position].file)) firstPositions.set(list[position].file, position);
  return { identity, pages, positions: [...firstPositions], diagnostics: own.diagnostics, shortfalls: own.shortfalls };
}
