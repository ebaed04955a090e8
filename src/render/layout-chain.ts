import fs from "node:fs";
import path from "node:path";
import { valueLine } from "../config/config-lines.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { LayoutSet, LEGACY_LAYOUTS, type Layout } from "../layouts/layout-set.ts";
import { liquidDiagnostic } from "../liquid/liquid-diagnostic.ts";
import { GENERATOR_ROOT } from "../paths.ts";
import type { Outcome } from "../diagnostics/page-shortfall.ts";
import type { SiteRenderer } from "./site-renderer.ts";

/** A layout the page could not use, and what became of the page. */
export interface LayoutFailure {
  diagnostic: Diagnostic;
  outcome: Extract<Outcome, "our-layout" | "not-written">;
  layout: string;
  ourLayout?: string;
}

/** The layouts a page renders in, and what went wrong with those it asked for. */
export interface PageLayouts {
  /** Innermost first; empty for `layout: none`; undefined when no layout could be had, ours included. */
  chain?: Layout[];
  /** True once our own layouts stand in for the tree's. */
  ours: boolean;
  failures: LayoutFailure[];
}

/**
 * The page's layouts. When one it asks for is unknown, makes a loop, or cannot be parsed, the page gets our own
 * layout of the same kind instead (`ourLayoutsFor`), so that a broken theme never keeps content out of the site.
 */
export function pageLayouts(r: SiteRenderer, page: SourcePage): PageLayouts {
  const own = layoutChain(r, r.layouts, requestedLayout(page), page);
  if (Array.isArray(own)) return { chain: own, ours: false, failures: [] };
  return ourLayoutsFor(r, page, own);
}

/** Our layouts of the page's kind, standing in for the tree's layout that failed as `cause` says. */
export function ourLayoutsFor(r: SiteRenderer, page: SourcePage, cause: { diagnostic: Diagnostic; layout: string }): PageLayouts {
  const ourLayout = ourLayoutFor(r, requestedLayout(page), page);
  const failures: LayoutFailure[] = [{ ...cause, outcome: "our-layout", ourLayout }];
  const ours = layoutChain(r, ourLayoutSet(r), ourLayout, page);
  if (Array.isArray(ours)) return { chain: ours, ours: true, failures };
  failures.push({ ...ours, outcome: "not-written" });
  return { ours: true, failures };
}

function requestedLayout(page: SourcePage): unknown {
  return page.data.layout ?? (page.elementFolder ? "element" : "page");
}

/** The chain of layouts from `requested` up, or what stopped it and at which layout. */
function layoutChain(
  r: SiteRenderer,
  layouts: LayoutSet,
  requested: unknown,
  page: SourcePage,
): Layout[] | { diagnostic: Diagnostic; layout: string } {
  const chain: Layout[] = [];
  let name: unknown = requested;
  let namedBy = "The page";
  while (!isNoLayout(name)) {
    let layout: Layout | undefined;
    try {
      layout = layouts.get(String(name), page);
    } catch (error) {
      // A Liquid syntax error in the layout itself: reported at the layout's line, like any other.
      return { diagnostic: liquidDiagnostic(error, { sourceDir: r.sourceDir, fallbackFile: page.absPath }), layout: String(name) };
    }
    if (!layout || chain.includes(layout)) {
      const hint = `Use one of: ${layouts.knownNames().join(", ")}.`;
      const fromDefaults = !layout && chain.length === 0 ? defaultsLayoutProblem(r.sourceDir, page, String(name), hint) : undefined;
      const diagnostic: Diagnostic = fromDefaults ?? {
        file: page.file,
        line: page.keyLines.layout,
        severity: "error",
        code: "unknown-layout",
        message: layout ? `${namedBy} makes a loop of layouts` : `${namedBy} names an unknown layout "${String(name)}"`,
        hint,
      };
      return { diagnostic, layout: String(name) };
    }
    chain.push(layout);
    namedBy = `Layout "${layout.name}"`;
    name = layout.data.layout;
  }
  return chain;
}

/**
 * An unknown layout that `_config.yml`'s defaults: give the page (it names none itself): reported at the line of
 * defaults: that names it, once for all the pages it reaches (each listed as where it was met), rather than at
 * every page, which the writer cannot fix there.
 */
function defaultsLayoutProblem(sourceDir: string, page: SourcePage, name: string, hint: string): Diagnostic | undefined {
  if (page.keyLines.layout !== undefined || !page.defaultedKeys?.includes("layout")) return undefined;
  let config: string;
  try {
    config = fs.readFileSync(path.join(sourceDir, "_config.yml"), "utf8");
  } catch {
    return undefined;
  }
  return {
    file: "_config.yml",
    line: valueLine(config.split(/\r?\n/), "defaults", "layout", name),
    severity: "error",
    code: "unknown-layout",
    message: `defaults: give pages an unknown layout "${name}"`,
    hint,
    chain: [page.file],
  };
}

const ourLayoutSets = new WeakMap<SiteRenderer, LayoutSet>();

/** The generator's own layouts, without the tree's: what a page falls back on. */
function ourLayoutSet(r: SiteRenderer): LayoutSet {
  let layouts = ourLayoutSets.get(r);
  if (!layouts) ourLayoutSets.set(r, (layouts = new LayoutSet(r.liquid, GENERATOR_ROOT)));
  return layouts;
}

/** Our layout of the same kind as `requested`: its legacy mapping, ours of that name, else by where the page is. */
function ourLayoutFor(r: SiteRenderer, requested: unknown, page: SourcePage): string {
  const name = String(requested);
  if (Object.hasOwn(LEGACY_LAYOUTS, name)) return LEGACY_LAYOUTS[name];
  if (ourLayoutSet(r).knownNames().includes(name)) return name;
  return page.elementFolder ? "element" : "page";
}

function isNoLayout(name: unknown): boolean {
  return name === undefined || name === null || name === false || name === "none" || name === "";
}
