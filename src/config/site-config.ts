import fs from "node:fs";
import path from "node:path";
import { fileInside, sourceBound } from "../content/inside-tree.ts";
import { loadDataFolder } from "./data-files.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import { siteValueProblem } from "./site-values.ts";
import { parseYamlFile } from "./yaml-file.ts";
import { siteTime } from "./site-time.ts";
import { printedAsJekyll } from "../content/word-keys.ts";

/** `site.*` as Jekyll exposes it: `_config.yml` values plus `site.data` from `_data/`. */
export interface SiteConfig {
  title: string;
  description: string;
  /** Origin for canonical and sitemap URLs, without a trailing slash; "" when unknown. */
  url: string;
  /** Path prefix the site is served under, e.g. "/guides"; "" at the root. */
  baseurl: string;
  data: Record<string, unknown>;
  [key: string]: unknown;
}

const DEFAULTS = { title: "Element Guides", description: "", url: "", baseurl: "" };

/** Reads `_config.yml` and `_data/` of a source tree. The result is frozen: it is shared by every page. */
export function loadSiteConfig(sourceDir: string, overrides: { baseurl?: string } = {}): SiteConfig {
  const configFile = path.join(sourceDir, "_config.yml");
  const tree = sourceBound(sourceDir);
  // A `_config.yml` symlinked out of the tree (or to nothing) throws a diagnostic naming the link and its target.
  const realConfig = fileInside(configFile, tree);
  const fromFile = (realConfig && parseYamlFile(realConfig, "_config.yml")) || {};
  const site: SiteConfig = {
    ...DEFAULTS,
    ...fromFile,
    data: loadDataFolder(path.join(sourceDir, "_data"), tree),
    // Jekyll's own, which _config.yml cannot change.
    time: siteTime(sourceDir),
  } as SiteConfig;
  if (overrides.baseurl !== undefined) site.baseurl = overrides.baseurl;
  const problem = siteValueProblem(configFile, site);
  if (problem) throw new DiagnosticError(problem);
  // `title: 1984` or `title: 2.0` print as Jekyll prints them; every use of them here takes text.
  for (const key of ["title", "description"] as const) {
    const value: unknown = site[key];
    site[key] = typeof value === "number" || typeof value === "boolean" ? printedAsJekyll(value, fs.readFileSync(realConfig!, "utf8"), key) : String(value ?? "");
  }
  site.url = String(site.url ?? "").replace(/\/+$/, "");
  site.baseurl = normalizeBaseUrl(String(site.baseurl ?? ""));
  return deepFreeze(site);
}

/** "/guides/" and "guides" both become "/guides"; "/" and "" become "". */
export function normalizeBaseUrl(baseurl: string): string {
  const trimmed = baseurl.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}` : "";
}

/** Freezing shared data lets nothing mutate it by accident and keeps copies from being made per page. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
