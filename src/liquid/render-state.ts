import type { Context } from "liquidjs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ChainLink } from "./include-chain.ts";
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
  /**
   * Set when the output is a Markdown page's body: Markdown puts its root-relative links under the base path
   * (src/markdown/plugins/link-policy.ts), so tags write them without it, or the base would come twice.
   */
  markdown?: boolean;
  /**
   * Receives the problems a render goes on after, as Jekyll does (an undefined variable, an unknown filter).
   * Without it they stop the render, as errors.
   */
  report?: (diagnostic: Diagnostic) => void;
  /** The include tags being rendered now, outermost first: the chain of a problem reported on the way. */
  includes?: ChainLink[];
}

const KEY = "elementGuides";

export function setRenderState(ctx: Context, state: RenderState): void {
  ctx.setRegister(KEY, state);
}

/** The render's state; every render through src/render sets one, so only a bare liquidjs render lacks it. */
export function getRenderState(ctx: Context): RenderState {
  return ctx.getRegister(KEY) as RenderState;
}
