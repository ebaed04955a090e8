import type { Context } from "liquidjs";
import type { PartialCache, PartialRoots } from "./partial-files.ts";

/** What include tags need during one page render, kept in the Liquid context's registers. */
export interface RenderState {
  roots: PartialRoots;
  partials: PartialCache;
  /** Every partial file this page pulled in: a change to one of them re-renders the page. */
  dependencies: Set<string>;
}

const KEY = "elementGuides";

export function setRenderState(ctx: Context, state: RenderState): void {
  ctx.setRegister(KEY, state);
}

export function getRenderState(ctx: Context): RenderState {
  return ctx.getRegister(KEY) as RenderState;
}
