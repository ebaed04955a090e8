import fs from "node:fs";
import path from "node:path";
import type { Liquid, Template } from "liquidjs";
import { readFrontMatter } from "../content/load-pages.ts";
import { boundOf, fileInside, filesInside } from "../content/inside-tree.ts";
import { readText } from "../content/read-text.ts";
import { lookupDirs } from "../paths.ts";
import type { LayoutChoice } from "./layout-choice.ts";
import { isLegacyLayout, LEGACY_LAYOUTS, legacyParentStandIn, legacyStandIn, type PagePlace } from "./legacy-layouts.ts";

export { LEGACY_LAYOUTS } from "./legacy-layouts.ts";

/** Ours are `.liquid`; a tree's Jekyll theme is `.html`, used only when the tree opts in to it. */
const OUR_EXTENSIONS = [".liquid"];
const OWN_THEME_EXTENSIONS = [".liquid", ".html"];

export interface Layout {
  /** The layout's file name without its extension (the name a legacy name stood for resolves to ours). */
  name: string;
  file: string;
  templates: Template[];
  /** The layout's own front matter, `layout` naming its parent. */
  data: Record<string, unknown>;
  /** It writes the page's Content-Security-Policy tag itself, with `POLICY_LINE_VARIABLE`, as our base layout does. */
  writesPolicyLine: boolean;
}

/** The variable the base layout writes the Content-Security-Policy tag with (src/render/content-security-policy.ts). */
export const POLICY_LINE_VARIABLE = "content_security_policy_line";

/**
 * Finds and parses layouts once per build. A source tree's `.liquid` layouts win over ours on a name clash; its
 * Jekyll `.html` layouts are used only with `element_guides: { layouts: own }` (src/layouts/layout-choice.ts).
 * Otherwise a name that only the old theme has gets ours of the same kind (src/layouts/legacy-layouts.ts).
 */
export class LayoutSet {
  /** Layout name -> its file, or null for none; looked up once per build, not once per page. */
  private readonly found = new Map<string, string | null>();
  /** One parse per file, so that a loop through two names for one file is still seen as a loop. */
  private readonly byFile = new Map<string, Layout>();

  private readonly layoutDirs: readonly string[];
  private readonly treeDir: string;
  private unused: string[] | undefined;
  private treeMarksText: boolean | undefined;

  constructor(
    private readonly liquid: Liquid,
    private readonly sourceDir: string,
    readonly choice: LayoutChoice = "ours",
  ) {
    this.layoutDirs = lookupDirs(sourceDir, "_layouts");
    this.treeDir = this.layoutDirs[0];
  }

  /** Every name a page may use: ours, the tree's, and the legacy aliases. */
  knownNames(): string[] {
    const names = new Set(Object.keys(LEGACY_LAYOUTS));
    for (const dir of this.layoutDirs) {
      for (const file of listDir(dir)) {
        const ext = path.extname(file);
        if (this.extensionsFor(dir).includes(ext)) names.add(path.basename(file, ext));
      }
    }
    return [...names].sort();
  }

  /**
   * The layout for a `layout:` value, or undefined when no such layout exists. `page` is where the page that
   * names it is written: with our theme, the home page and the 404 page get ours made for them.
   */
  get(name: string, page?: PagePlace): Layout | undefined {
    const file = this.resolve(name, page);
    return file ? this.load(file) : undefined;
  }

  /** With our theme, the tree's Jekyll layouts that are left unused: `_layouts/<name>.html`, by name. */
  unusedTreeLayouts(): string[] {
    if (this.choice === "own" || this.treeDir === this.layoutDirs.at(-1)) return [];
    this.unused ??= treeJekyllLayouts(this.sourceDir);
    return this.unused;
  }

  private resolve(name: string, page: PagePlace | undefined): string | undefined {
    const found = this.find(name);
    if (found) return found;
    // A name of the old theme: Jekyll's usual ones, or one the tree's unused `.html` layouts define.
    if (isLegacyLayout(name) || this.unusedTreeLayouts().includes(name)) return this.find(legacyStandIn(name, page));
    return undefined;
  }

  private load(file: string): Layout {
    let layout = this.byFile.get(file);
    if (layout) return layout;
    const text = this.withoutOrphanMarker(file, readText(file, file));
    const parsed = readFrontMatter(text, file);
    const data = { ...parsed?.data };
    // A layout ported from the old theme keeps `layout: default`, which for us means `base`.
    const parent = data.layout;
    if (typeof parent === "string" && !this.find(parent)) data.layout = legacyParentStandIn(parent) ?? parent;
    layout = {
      name: path.basename(file, path.extname(file)),
      file,
      templates: this.liquid.parse(parsed ? parsed.body : text, file),
      data,
      // Read from what it says, not where it is: a tree's copy of our base layout writes the tag too.
      writesPolicyLine: text.includes(POLICY_LINE_VARIABLE),
    };
    this.byFile.set(file, layout);
    return layout;
  }

  /**
   * Our layout's text, less its `data-pagefind-body` where the tree's own layouts (`layouts: own`) mark no text:
   * Pagefind indexes only the pages that mark their text once any page does, so our catalog or home page, marked,
   * would leave every page of the tree's theme out of search.
   */
  private withoutOrphanMarker(file: string, text: string): string {
    if (this.choice !== "own" || path.dirname(file) === this.treeDir || !text.includes(SEARCH_BODY)) return text;
    this.treeMarksText ??= [this.treeDir, path.join(this.sourceDir, "_includes")].some((dir) => this.holdsText(dir, SEARCH_BODY));
    return this.treeMarksText ? text : text.replace(SEARCH_BODY_ATTRIBUTE, "");
  }

  /**
   * Whether any file under the tree's `dir`, at any depth, holds `text`: listed as the tree's files are everywhere,
   * symlinks inside the tree followed. A link that leads out of it is reported where the tree is read, not here.
   */
  private holdsText(dir: string, text: string): boolean {
    const files = filesInside(dir, boundOf(dir, this.sourceDir), () => {});
    return files.some(({ real }) => fs.readFileSync(real, "utf8").includes(text));
  }

  private extensionsFor(dir: string): string[] {
    return dir === this.treeDir && this.choice === "own" ? OWN_THEME_EXTENSIONS : OUR_EXTENSIONS;
  }

  /**
   * A layout symlinked out of its folder (or to nothing) throws a diagnostic at the link, naming its target, for
   * each page that asks for it. Resolving real paths took half a second per 1,500 pages when done for every page.
   */
  private find(name: string): string | undefined {
    let file = this.found.get(name);
    if (file === undefined) this.found.set(name, (file = this.findUncached(name) ?? null));
    return file ?? undefined;
  }

  private findUncached(name: string): string | undefined {
    for (const dir of this.layoutDirs) {
      for (const ext of this.extensionsFor(dir)) {
        const file = path.resolve(dir, name + ext);
        if (path.dirname(file) === path.resolve(dir) && fileInside(file, boundOf(dir, this.sourceDir))) return file;
      }
    }
    return undefined;
  }
}

/** The names of a tree's Jekyll layouts, `_layouts/<name>.html`, sorted. */
export function treeJekyllLayouts(sourceDir: string): string[] {
  return listDir(path.join(sourceDir, "_layouts"))
    .filter((file) => path.extname(file) === ".html")
    .map((file) => path.basename(file, ".html"))
    .sort();
}

/** Pagefind's attribute for the text of a page to index, as our layouts write it. */
const SEARCH_BODY = "data-pagefind-body";
const SEARCH_BODY_ATTRIBUTE = / data-pagefind-body(?![\w-])/g;

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
