// The live preview's build state: the last good build kept in memory, re-rendering only what a save affects, and
// turning problems into error pages and banners so that the browser never shows a stale page.
import fs from "node:fs";
import path from "node:path";
import { checkSite } from "../checks/check-site.ts";
import type { SiteConfig } from "../config/site-config.ts";
import { DirectoryData, isDirectoryDataFile } from "../content/directory-data.ts";
import { contentSettings } from "../content/jekyll-settings.ts";
import { readFrontMatter, sourcePage } from "../content/load-pages.ts";
import type { SourcePage } from "../content/source-page.ts";
import { outputPathFor, urlFor } from "../content/urls.ts";
import { DiagnosticError, DiagnosticList, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { severitySettings, withLevel, type SeverityLevel } from "../diagnostics/severity.ts";
import { buildElements } from "../elements/element-model.ts";
import { readHubList } from "../elements/hubs.ts";
import { siteCatalog } from "../elements/site-catalog.ts";
import { liquidDiagnostic } from "../liquid/liquid-diagnostic.ts";
import { PartialCache } from "../liquid/partial-files.ts";
import { lookupDirs } from "../paths.ts";
import { buildSite, type BuildOptions, type SiteBuild } from "../render/build-site.ts";
import { createRenderer } from "../render/create-renderer.ts";
import { renderBatch } from "../render/render-batch.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteModel } from "../render/site-model.ts";
import type { SiteOutput } from "../render/site-output.ts";
import type { SiteRenderer } from "../render/site-renderer.ts";
import type { StaticFile } from "../render/static-files.ts";
import { errorPage, withDiagnosticBanner } from "./error-page.ts";

/** What one preview build hands to Eleventy and the terminal. */
export interface DevBuildResult {
  kind: "full" | "incremental" | "failed";
  /** Outputs whose content differs from what the previous preview build wrote: the only ones to write. */
  changed: SiteOutput[];
  /** Output paths the previous build wrote and this one no longer produces. */
  removed: string[];
  /** Every current problem of the site (render, load and whole-site checks). */
  diagnostics: DiagnosticList;
  /** Pages rendered by this build. */
  renderedCount: number;
  pageCount: number;
  staticFiles: StaticFile[];
}

/** The last build whose site config loaded, page by page, so that one page can be replaced. */
interface State {
  site: SiteConfig;
  model: SiteModel;
  /** Published pages in source order, by file. */
  pages: Map<string, SourcePage>;
  rendered: Map<string, RenderedPage>;
  /** Problems found while loading or rendering, by the page (or other file) they belong to. */
  problems: Map<string, Diagnostic[]>;
  /** The problem that left a page incomplete (a layout that failed, a tag that rendered as nothing), by page. */
  shortfalls: Map<string, Diagnostic>;
  /** Pages whose front matter no longer parses (they keep their old place in the model until fixed). */
  brokenFrontMatter: Set<string>;
  /** 404, robots.txt, redirects, sitemap, elements.json. */
  siteOutputs: SiteOutput[];
  staticFiles: StaticFile[];
  /** Source files (relative) the last full build saw: pages, fragments, static files under docs/. */
  knownFiles: Set<string>;
  modelKey: string;
  renderer?: Promise<SiteRenderer>;
}

const PAGE_FILE = /^(docs\/.+|index)\.md$/;

export class DevSession {
  private state: State | undefined;
  /** Output path -> content last handed to Eleventy (what is on disk). */
  private readonly written = new Map<string, string>();
  /** How long the whole-site checks of the last build took. */
  checkMs = 0;

  constructor(private readonly options: BuildOptions) {}

  get sourceDir(): string {
    return path.resolve(this.options.sourceDir);
  }

  /**
   * Rebuilds after `changedFiles` (absolute or cwd-relative paths) were saved; everything when undefined. Never
   * throws for content problems.
   */
  async rebuild(changedFiles?: readonly string[]): Promise<DevBuildResult> {
    try {
      const plan = changedFiles && this.state ? this.plan(changedFiles.map((f) => path.resolve(f))) : "full";
      if (plan === "full") return await this.fullRebuild();
      return await this.incremental(plan);
    } catch (error) {
      // A problem the build does not report as a diagnostic (a layout that does not parse throws out of the
      // renderer): the preview shows it on every page rather than stopping.
      const diagnostics = new DiagnosticList();
      diagnostics.add(liquidDiagnostic(error, { sourceDir: this.sourceDir, fallbackFile: this.sourceDir }));
      return this.failed({ diagnostics, staticFiles: this.state?.staticFiles ?? [] });
    }
  }

  /** Which pages to re-render for the saved files, or "full" when the element model or shared templates may change. */
  private plan(changed: string[]): "full" | { pages: Set<string>; reread: Set<string> } {
    const state = this.state!;
    const sourceDir = this.sourceDir;
    const includeDirs = lookupDirs(sourceDir, "_includes");
    const pages = new Set<string>();
    const reread = new Set<string>();
    const dependents = (abs: string) => {
      for (const page of state.rendered.values()) if (page.dependencies.includes(abs)) pages.add(page.file);
      // A page that failed may have failed for want of this very file.
      for (const file of state.pages.keys()) if (!state.rendered.has(file)) pages.add(file);
    };
    for (const abs of changed) {
      if (includeDirs.some((dir) => abs.startsWith(dir + path.sep))) {
        dependents(abs);
        continue;
      }
      const rel = path.relative(sourceDir, abs).split(path.sep).join("/");
      if (rel.startsWith("..") || path.isAbsolute(rel)) return "full";
      if (!fs.existsSync(abs) || !state.knownFiles.has(rel)) return "full"; // added or deleted
      if (!PAGE_FILE.test(rel)) {
        if (isDirectoryDataFile(rel)) return "full"; // front matter of a whole folder of pages
        // A static file under docs/ is copied after the build; an .html page there (front matter) is a page.
        if (rel.startsWith("docs/") && !state.pages.has(rel)) continue;
        return "full"; // _config.yml, _data, _layouts, assets (versioned URLs), anything else
      }
      if (state.pages.has(rel)) {
        reread.add(rel);
        pages.add(rel);
      } else if (state.brokenFrontMatter.has(rel)) {
        reread.add(rel);
      } else {
        // A fragment for include_relative, or a page that was unpublished: the model may change.
        const text = fs.readFileSync(abs, "utf8");
        if (/^---\r?\n/.test(text)) return "full";
        dependents(abs);
      }
    }
    return { pages, reread };
  }

  private async fullRebuild(): Promise<DevBuildResult> {
    const build = await buildSite({ ...this.options, onProgress: undefined });
    if (!build.site || !build.model) return this.failed(build);

    const sourceDir = this.sourceDir;
    const rendered = new Map(build.rendered.map((page) => [page.file, page]));
    const renderedPaths = new Set(build.rendered.map((page) => page.outputPath));
    const state: State = {
      site: build.site,
      model: build.model,
      pages: build.sourcePages,
      rendered,
      problems: new Map(),
      shortfalls: new Map((build.pages?.shortfalls ?? []).map((s) => [s.file, s.diagnostic])),
      brokenFrontMatter: new Set(),
      siteOutputs: build.outputs.filter((o) => !renderedPaths.has(o.outputPath)),
      staticFiles: build.staticFiles,
      knownFiles: new Set([...build.sourcePages.keys(), ...build.staticFiles.map((f) => f.to), ...listMarkdown(sourceDir)]),
      modelKey: modelKey(build.model, build.sourcePages.values()),
    };
    for (const d of build.diagnostics.items) {
      if (d.code === "front-matter-yaml") state.brokenFrontMatter.add(d.file);
      addTo(state.problems, ownerOf(d), d);
    }
    // The renderer for single-page re-renders is made now, in the background, so the first save is fast.
    state.renderer = createRenderer(sourceDir, build.site, build.model);
    state.renderer.catch(() => {});
    this.state = state;
    return this.finish("full", build.rendered.length);
  }

  /** The site config or data did not load: every page of the last good build shows that error. */
  private failed(build: Pick<SiteBuild, "diagnostics" | "staticFiles">): DevBuildResult {
    this.state = undefined;
    const diagnostics = build.diagnostics;
    const changed: SiteOutput[] = [];
    for (const [outputPath, old] of this.written) {
      if (!outputPath.endsWith(".html")) continue;
      const url = urlFor(outputPath);
      const html = errorPage({ url, diagnostics: diagnostics.sorted(), sourceDir: this.sourceDir, title: "The site did not build" });
      if (html !== old) changed.push({ outputPath, url, html });
    }
    if (!this.written.has("index.html")) {
      changed.push({
        outputPath: "index.html",
        url: "/index.html",
        html: errorPage({ url: "/", diagnostics: diagnostics.sorted(), sourceDir: this.sourceDir, title: "The site did not build" }),
      });
    }
    for (const output of changed) this.written.set(output.outputPath, output.html);
    return { kind: "failed", changed, removed: [], diagnostics, renderedCount: 0, pageCount: 0, staticFiles: build.staticFiles };
  }

  private async incremental(plan: { pages: Set<string>; reread: Set<string> }): Promise<DevBuildResult> {
    const state = this.state!;
    const sourceDir = this.sourceDir;
    // Re-read saved pages; a front matter change that moves the sidebar or catalog means a full rebuild.
    const newPages = new Map(state.pages);
    const directoryData = new DirectoryData(sourceDir);
    for (const file of plan.reread) {
      let parsed: ReturnType<typeof readFrontMatter>;
      state.problems.delete(file);
      try {
        parsed = readFrontMatter(fs.readFileSync(path.join(sourceDir, file), "utf8"), file);
      } catch (error) {
        if (!(error instanceof DiagnosticError)) throw error;
        state.brokenFrontMatter.add(file);
        state.rendered.delete(file);
        plan.pages.delete(file);
        addTo(state.problems, file, error.diagnostic);
        continue;
      }
      if (!parsed) return this.fullRebuild();
      const data = { ...directoryData.forPage(file), ...parsed.data };
      if (data.published === false) return this.fullRebuild();
      const wasBroken = state.brokenFrontMatter.delete(file);
      if (wasBroken && !state.pages.has(file)) return this.fullRebuild();
      // Where the page is written depends on _config.yml (markdown_ext, permalink:), as in the full build.
      newPages.set(file, sourcePage(sourceDir, file, data, parsed, contentSettings(state.site).settings));
      plan.pages.add(file);
    }
    const elements = buildElements([...newPages.values()], readHubList(state.site.data));
    const model: SiteModel = { ...state.model, elements, catalog: siteCatalog([...newPages.values()], elements, state.site.data, state.model.gitDates) };
    if (modelKey(model, newPages.values()) !== state.modelKey) return this.fullRebuild();
    state.pages = newPages;

    if (plan.pages.size) {
      const base = await state.renderer!;
      // Partials are parsed once per renderer; a save must be seen, so re-renders get a fresh parse cache.
      const renderer: SiteRenderer = { ...base, partials: new PartialCache(base.liquid) };
      for (const file of plan.pages) {
        const page = newPages.get(file)!;
        const result = renderBatch(renderer, [page]);
        // Problems of a page's render belong to it (and are replaced when it renders again).
        state.problems.set(file, result.diagnostics);
        const rendered = result.rendered[0];
        if (rendered) state.rendered.set(file, rendered);
        else state.rendered.delete(file);
        const shortfall = result.shortfalls[0];
        if (shortfall) state.shortfalls.set(file, shortfall.diagnostic);
        else state.shortfalls.delete(file);
      }
    }
    return this.finish("incremental", plan.pages.size);
  }

  /** Runs the whole-site checks, dresses pages with their problems, and works out what changed on disk. */
  private finish(kind: DevBuildResult["kind"], renderedCount: number): DevBuildResult {
    const state = this.state!;
    const diagnostics = new DiagnosticList();
    // The levels `_config.yml` sets apply to re-rendered pages' problems too, banners included.
    const levels = severitySettings(this.sourceDir, state.site).levels;
    diagnostics.useLevels(levels);
    // The same problem can be on record twice (found by the full build, then again by a page's re-render).
    const seen = new Set<string>();
    const byOwner = new Map<string, Diagnostic[]>();
    const record = (owner: string, d: Diagnostic) => {
      const key = JSON.stringify([d.file, d.line, d.column, d.code, d.message]);
      if (seen.has(key)) return;
      seen.add(key);
      const entry = diagnostics.add(d);
      if (entry) addTo(byOwner, owner, entry);
    };
    // A page's re-render files its problems under the page, even those pointing into a layout or include.
    for (const [owner, list] of state.problems) for (const d of list) record(state.pages.has(owner) ? owner : ownerOf(d), d);
    const fromRenders = diagnostics.items.length;
    const renderedInOrder = [...state.pages.keys()].flatMap((file) => state.rendered.get(file) ?? []);
    const build: SiteBuild = {
      sourceDir: this.sourceDir,
      site: state.site,
      model: state.model,
      outputs: [...renderedInOrder.map((p) => ({ outputPath: p.outputPath, url: p.url, html: p.html })), ...state.siteOutputs],
      staticFiles: state.staticFiles,
      diagnostics,
      pageCount: renderedInOrder.length,
      sourcePages: new Map([...state.pages].filter(([file]) => !state.brokenFrontMatter.has(file))),
      rendered: renderedInOrder,
    };
    const checksStarted = performance.now();
    checkSite(build);
    this.checkMs = Math.round(performance.now() - checksStarted);

    const checks = diagnostics.items.splice(fromRenders);
    for (const d of checks) record(ownerOf(d), d);
    for (const list of byOwner.values()) list.sort(byPosition);
    const pageOwners = new Set<string>([...state.pages.keys(), ...state.brokenFrontMatter]);
    let elsewhere = 0;
    // Errors in no page's name (a broken layout found by the full build) are the likely cause of a failed page.
    const orphanErrors: Diagnostic[] = [];
    for (const [owner, list] of byOwner) {
      if (pageOwners.has(owner)) continue;
      elsewhere += list.length;
      orphanErrors.push(...list.filter((d) => d.severity === "error"));
    }
    const outputs: SiteOutput[] = [];
    for (const page of state.pages.values()) {
      const own = withCause(byOwner.get(page.file) ?? [], state.shortfalls.get(page.file), levels);
      const rendered = state.brokenFrontMatter.has(page.file) ? undefined : state.rendered.get(page.file);
      outputs.push({
        outputPath: page.outputPath,
        url: page.url,
        html: rendered
          ? withDiagnosticBanner(rendered.html, own, own.length || page.outputPath === "index.html" ? elsewhere : 0)
          : errorPage({
              url: page.url,
              diagnostics: own.some((d) => d.severity === "error") ? own : [...own, ...orphanErrors],
              sourceDir: this.sourceDir,
            }),
      });
    }
    // Pages that never loaded (broken front matter on the first build) still get an error page at their URL.
    for (const file of state.brokenFrontMatter) {
      if (state.pages.has(file)) continue;
      const outputPath = outputPathFor(file);
      const url = urlFor(outputPath);
      outputs.push({ outputPath, url, html: errorPage({ url, diagnostics: byOwner.get(file) ?? [], sourceDir: this.sourceDir }) });
    }
    const taken = new Set(outputs.map((o) => o.outputPath));
    outputs.push(...state.siteOutputs.filter((o) => !taken.has(o.outputPath)));

    const changed: SiteOutput[] = [];
    const current = new Set<string>();
    for (const output of outputs) {
      current.add(output.outputPath);
      if (this.written.get(output.outputPath) === output.html) continue;
      changed.push(output);
      this.written.set(output.outputPath, output.html);
    }
    const removed = [...this.written.keys()].filter((p) => !current.has(p));
    for (const p of removed) this.written.delete(p);
    return {
      kind,
      changed,
      removed,
      diagnostics,
      renderedCount,
      pageCount: state.pages.size,
      staticFiles: state.staticFiles,
    };
  }
}

/**
 * A page's own problems plus the one that left it incomplete, when that was filed elsewhere (a layout shared by
 * every page is reported once, at the layout): the page's banner says why it looks as it does.
 */
function withCause(own: Diagnostic[], cause: Diagnostic | undefined, levels: ReadonlyMap<string, SeverityLevel>): Diagnostic[] {
  const shown = cause && withLevel(cause, levels);
  if (!shown || own.some((d) => d.code === shown.code && d.message === shown.message && d.file === shown.file)) return own;
  return [shown, ...own];
}

/** The page a problem belongs to: the outermost file of its include chain, else its own file. */
function ownerOf(d: Diagnostic): string {
  const outer = d.chain?.[0];
  return outer ? outer.replace(/:\d+$/, "") : d.file;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function addTo(map: Map<string, Diagnostic[]>, key: string, d: Diagnostic): void {
  const list = map.get(key);
  if (list) list.push(d);
  else map.set(key, [d]);
}

/** What other pages see of the site: the element model, catalog and redirects; a change here means a full rebuild. */
function modelKey(model: SiteModel, pages: Iterable<SourcePage>): string {
  const redirects: unknown[] = [];
  for (const page of pages) if (page.data.redirect_from !== undefined) redirects.push([page.file, page.data.redirect_from]);
  return JSON.stringify([[...model.elements], model.catalog, redirects]);
}

/** Every Markdown file under docs/ and a root index.md, relative (fragments included). */
function listMarkdown(sourceDir: string): string[] {
  const found: string[] = [];
  if (fs.existsSync(path.join(sourceDir, "index.md"))) found.push("index.md");
  const docs = path.join(sourceDir, "docs");
  if (!fs.existsSync(docs)) return found;
  for (const entry of fs.readdirSync(docs, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    found.push(path.relative(sourceDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  }
  return found;
}
