import type { Context } from "liquidjs";
import type { PartialCache, PartialRoots } from "./partial-files.ts";
import type { LiquidSourceMap } from "./source-map.ts";

/** What include tags need during one page render, kept in the Liquid context's registers. */
export interface RenderState {
  roots: PartialRoots;
  partials: PartialCache;
  /** Every partial file this page pulled in: a change to one of them re-renders the page. */
  dependencies: Set<string>;
  /** Set for a page body's render: records where each piece of output came from, for checks to point at. */
  sourceMap?: LiquidSourceMap;
}

const KEY = "elementGuides";

export function setRenderState(ctx: Context, state: RenderState): void {
  ctx.setRegister(KEY, state);
}

export function getRenderState(ctx: Context): RenderState {
  return ctx.getRegister(KEY) as RenderState;
}
