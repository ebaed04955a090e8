import type { Template } from "liquidjs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { JekyllContext } from "../liquid/jekyll-context.ts";
import { setRenderState } from "../liquid/render-state.ts";
import type { LiquidSourceMap } from "../liquid/source-map.ts";
import { collectTagErrors } from "./lenient-parse.ts";
import type { SiteRenderer } from "./site-renderer.ts";

/**
 * Renders templates with the page's scope; `body` for a page's body, not a layout. `output` is undefined when the render stopped; `errors` holds that
 * error, and those of tags from a lenient parse that rendered as nothing while the rest went on. `report` receives
 * the problems Liquid renders past as Jekyll does (undefined variables, unknown filters: src/liquid/render-loop.ts).
 */
export function renderLiquid(
  r: SiteRenderer,
  templates: Template[],
  scope: Record<string, unknown>,
  dependencies: Set<string>,
  body?: { sourceMap: LiquidSourceMap; markdown: boolean },
  report?: (diagnostic: Diagnostic) => void,
): { output: string | undefined; errors: unknown[] } {
  const ctx = new JekyllContext(scope, r.liquid.options, { sync: true }, { liquid: r.liquid });
  setRenderState(ctx, { roots: r.roots, partials: r.partials, dependencies, ...body, report });
  const errors: unknown[] = [];
  collectTagErrors(ctx, errors);
  // liquidjs throws and catches an error for every `{% if page.x %}` on a page without x; capturing a stack
  // trace for each was a visible share of layout time. Our diagnostics use token positions, not stacks.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return { output: r.liquid.renderSync(templates, ctx) as string, errors };
  } catch (error) {
    errors.push(error);
    return { output: undefined, errors };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
