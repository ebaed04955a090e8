import fs from "node:fs";
import path from "node:path";
import type { Liquid, Template } from "liquidjs";
import { readFrontMatter } from "../content/load-pages.ts";
import { boundOf, fileInside } from "../content/inside-tree.ts";
import { readText } from "../content/read-text.ts";
import { lookupDirs } from "../paths.ts";

/** Layout names of Jekyll-era element guide sites, mapped to ours. */
export const LEGACY_LAYOUTS: Readonly<Record<string, string>> = {
  sidebarelementdoc: "element",
  sidebarelementtile: "catalog",
  sidebarapidocs: "element",
  "swagger-only": "page",
  sidebarleft: "page",
  docs: "page",
  default: "page",
};

const EXTENSIONS = [".liquid", ".html"];

export interface Layout {
  name: string;
  file: string;
  templates: Template[];
  /** The layout's own front matter, `layout` naming its parent. */
  data: Record<string, unknown>;
}

/** Finds and parses layouts once per build; a source tree's `_layouts` win over ours on a name clash. */
export class LayoutSet {
  private readonly cache = new Map<string, Layout | null>();

  private readonly layoutDirs: readonly string[];

  constructor(
    private readonly liquid: Liquid,
    private readonly sourceDir: string,
  ) {
    this.layoutDirs = lookupDirs(sourceDir, "_layouts");
  }

  /** Every name a page may use: ours, the tree's, and the legacy aliases. */
  knownNames(): string[] {
    const names = new Set(Object.keys(LEGACY_LAYOUTS));
    for (const dir of this.layoutDirs) {
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir)) {
        const ext = path.extname(file);
        if (EXTENSIONS.includes(ext)) names.add(path.basename(file, ext));
      }
    }
    return [...names].sort();
  }

  /** The layout for a front matter `layout:` value, or undefined when no such layout exists. */
  get(name: string): Layout | undefined {
    if (!this.cache.has(name)) this.cache.set(name, this.load(name) ?? null);
    return this.cache.get(name) ?? undefined;
  }

  private load(name: string): Layout | undefined {
    const file = this.find(name) ?? (LEGACY_LAYOUTS[name] ? this.find(LEGACY_LAYOUTS[name]) : undefined);
    if (!file) return undefined;
    const text = readText(file, file);
    const parsed = readFrontMatter(text, file);
    return {
      name,
      file,
      templates: this.liquid.parse(parsed ? parsed.body : text, file),
      data: parsed?.data ?? {},
    };
  }

  /** A layout symlinked out of its folder (or to nothing) throws a diagnostic at the link, naming its target. */
  private find(name: string): string | undefined {
    for (const dir of this.layoutDirs) {
      for (const ext of EXTENSIONS) {
        const file = path.resolve(dir, name + ext);
        if (path.dirname(file) === path.resolve(dir) && fileInside(file, boundOf(dir, this.sourceDir))) return file;
      }
    }
    return undefined;
  }
}
