// The live preview's state: the tree loaded once, each page rendered when a browser asks for it, the rest
// rendered and checked in the background, and each save applied to what it affects.
import fs from "node:fs";
import path from "node:path";
import { outputPathFor, urlFor } from "../content/urls.ts";
import type { Diagnostic, DiagnosticList } from "../diagnostics/diagnostic.ts";
import { withLevel } from "../diagnostics/severity.ts";
import { copyStaticFiles } from "../build/copy-static-files.ts";
import { PartialCache } from "../liquid/partial-files.ts";
import type { BuildOptions } from "../build/build-site.ts";
import { createRenderer } from "../render/create-renderer.ts";
import { errorPage, withDiagnosticBanner } from "./error-page.ts";
import { OutputFiles } from "./output-files.ts";
import { renderPreviewPage, type PageRender } from "./page-render.ts";
import { replacePage, rereadPage } from "./page-reread.ts";
import type { SiteFiles } from "./preview-checks.ts";
import { loadPreviewSite, type PreviewSite } from "./preview-site.ts";
import { planSave } from "./save-plan.ts";
import { allProblems, fileProblems, pageProblems, type FiledProblems } from "./site-problems.ts";

/** What the session tells the terminal and the browsers. */
export interface PreviewEvents {
  /** Problems not printed before (each is printed once while it lasts). */
  problems(problems: Diagnostic[]): void;
  /** Every page is rendered and checked again: where the preview stands, in one line. */
  settled(summary: string): void;
  /** Each file written into the output folder, as it is written. */
  wrote?(outputPath: string): void;
  /**
   * Browsers should show what changed: `pages` were shown in a browser lately and are re-rendered (their new
   * HTML, to update them in place); any other page a browser shows reloads, rendering on request if it must.
   */
  reload(changed: { pages: Array<{ outputPath: string; html: string }>; files: string[] }): void;
}

export interface PreviewSessionOptions extends BuildOptions {
  outputDir: string;
  events: PreviewEvents;
}

/** Pages shown last in a browser that a save re-renders at once; any other page renders when asked for. */
const HOT_PAGES = 3;
/** How many pages shown lately make a save reload the browsers when it changes them. */
const SHOWN_PAGES = 20;
/**
 * The whole-site checks wait for saves to pause this long: they hold the thread for a while (0.25 s on 1,500
 * pages), and a writer saving again and again should see each save at once, not after the checks of the last.
 */
const CHECKS_AFTER_QUIET_MS = 1_000;

export class PreviewSession {
  private site: PreviewSite | undefined;
  /** Set when the tree does not load (its _config.yml or _data is broken): every page shows these problems. */
  private failed: DiagnosticList | undefined;
  private loading: Promise<void> = Promise.resolve();
  /** The latest render of each page, by output path. A page not here, or in `stale`, renders when next needed. */
  private readonly renders = new Map<string, PageRender>();
  private readonly stale = new Set<string>();
  /** Pages whose front matter broke since the tree loaded, with the problem. */
  private readonly unreadable = new Map<string, Diagnostic>();
  /** The site's files besides its pages, once made for the current load. */
  private siteFiles: SiteFiles | undefined;
  private siteFilesMade: Promise<SiteFiles> | undefined;
  private checkProblems: Diagnostic[] = [];
  /** Problems of the load, the site's files and the checks, by the page they show on. */
  private filed: FiledProblems = { byPage: new Map(), elsewhere: [] };
  /** Each page's render and the problems it was last written with, so that an unchanged page is not dressed again. */
  private readonly dressed = new Map<string, { render: PageRender; problems: string }>();
  /** Output paths browsers asked for, the latest first. */
  private readonly shown: string[] = [];
  private readonly outputs: OutputFiles;
  private printed = new Set<string>();
  private saves: Promise<void> = Promise.resolve();
  private background: Promise<void> | undefined;
  private moreWork = false;
  /** Counts loads of the tree: background work of an earlier load stops. */
  private generation = 0;
  private counts = { onRequest: 0, inBackground: 0 };
  private lastSaveAt = -Infinity;

  constructor(private readonly options: PreviewSessionOptions) {
    this.outputs = new OutputFiles(options.outputDir);
  }

  /** The base path the site's pages link each other under (`--base`, else `baseurl` of _config.yml). */
  get baseurl(): string {
    return this.site?.build.site.baseurl ?? this.options.baseurl ?? "";
  }

  /** Loads the tree; nothing is rendered until a browser asks, or `startBackground()`. */
  start(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  /**
   * Makes sure the file a browser asks for is up to date in the output folder: a page renders now when it never
   * did, or a save changed it. `candidates` are the output paths the address may stand for, most likely first.
   * Returns the HTML to answer with instead (an error page while the tree does not load), or undefined.
   */
  async request(candidates: readonly string[], navigation: boolean): Promise<string | undefined> {
    await this.loading;
    const site = this.site;
    if (!site) {
      const page = candidates.find((candidate) => candidate.endsWith(".html"));
      return page === undefined ? undefined : this.failedPage(page);
    }
    const outputPath = candidates.find((candidate) => site.byOutput.has(candidate));
    if (outputPath === undefined) {
      // The 404 page, the sitemap or redirects may not be written yet (static files are copied as the tree loads).
      const onDisk = candidates.some((candidate) => fs.existsSync(path.join(this.options.outputDir, candidate)));
      if (!onDisk) await this.makeSiteFiles(site);
      return undefined;
    }
    if (this.needsRender(outputPath)) this.counts.onRequest++;
    this.ensure(outputPath);
    if (navigation) {
      this.shown.splice(0, this.shown.length, outputPath, ...this.shown.filter((p) => p !== outputPath).slice(0, SHOWN_PAGES - 1));
    }
    return undefined;
  }

  /** Applies saved (or deleted) files, as absolute paths, one batch after the other; resolves once browsers were told. */
  saved(files: readonly string[]): Promise<void> {
    this.saves = this.saves.then(() => this.applySave(files));
    return this.saves;
  }

  /** Renders every page not rendered yet, writes the site's other files and runs the whole-site checks. */
  startBackground(): Promise<void> {
    this.moreWork = true;
    this.background ??= (async () => {
      while (this.moreWork) {
        this.moreWork = false;
        await this.fill();
      }
      this.background = undefined;
    })();
    return this.background;
  }

  /** Resolves once no save and no background work is left. */
  async idle(): Promise<void> {
    for (;;) {
      const saves = this.saves;
      await saves;
      const background = this.background;
      if (background) await background;
      else if (saves === this.saves) return;
    }
  }

  private async load(): Promise<void> {
    this.generation++;
    const loaded = await loadPreviewSite(this.options);
    this.renders.clear();
    this.stale.clear();
    this.unreadable.clear();
    this.dressed.clear();
    this.siteFiles = undefined;
    this.siteFilesMade = undefined;
    this.checkProblems = [];
    if ("failed" in loaded) {
      this.site = undefined;
      this.failed = loaded.failed;
      this.printNew(loaded.failed.sorted());
      this.options.events.settled("Preview: the site did not load; every page shows why until it is fixed");
      return;
    }
    this.site = loaded;
    this.failed = undefined;
    this.filed = fileProblems(loaded, loaded.build.diagnostics.items);
    // Pages whose front matter does not load show an error page at their address from the start.
    for (const file of loaded.unloaded) this.writeErrorPage(file);
    await copyStaticFiles(loaded.staticFiles, this.options.outputDir);
  }

  private async applySave(files: readonly string[]): Promise<void> {
    this.lastSaveAt = performance.now();
    await this.loading;
    const outcome = this.site ? await this.applyToSite(this.site, files) : "reload";
    if (outcome === "reload") {
      this.loading = this.load();
      await this.loading;
    }
    // A page added or deleted may be the one a browser shows (as the 404 page, or the page gone): all reload.
    this.refreshShown(typeof outcome === "object" ? outcome.copied : [], outcome === "reload");
    void this.startBackground();
  }

  /** Marks what the saved files change; "reload" when the tree must be loaded again. */
  private async applyToSite(site: PreviewSite, files: readonly string[]): Promise<"reload" | { copied: string[] }> {
    const plan = planSave(site, files);
    if (plan.kind === "reload") return "reload";
    if (plan.kind === "renderer") {
      site.renderer = await createRenderer(site.sourceDir, site.build.site, site.loaded.model, []);
      for (const outputPath of this.renders.keys()) this.stale.add(outputPath);
      // The 404 page is dressed in a layout too.
      this.siteFilesMade = undefined;
      return { copied: [] };
    }
    for (const file of plan.reread) {
      const reread = rereadPage(site, file);
      if (reread.kind === "reload") return "reload";
      if (reread.kind === "unreadable") this.unreadable.set(file, reread.problem);
      else {
        this.unreadable.delete(file);
        replacePage(site, reread);
      }
      this.stale.add(site.build.sourcePages.get(file)!.outputPath);
    }
    if (plan.partials.size) {
      // A fresh parse cache, so that saved includes are read again; pages with problems may have wanted them.
      site.renderer = { ...site.renderer, partials: new PartialCache(site.renderer.liquid) };
      for (const [outputPath, render] of this.renders) {
        if (render.problems.length || render.rendered?.dependencies.some((file) => plan.partials.has(file))) this.stale.add(outputPath);
      }
    }
    const copy = (this.siteFiles?.staticFiles ?? site.staticFiles).filter((file) => plan.copy.has(file.from));
    await copyStaticFiles(copy, this.options.outputDir);
    return { copied: copy.map((file) => file.to) };
  }

  /** Re-renders the pages browsers showed last that a save changed, and tells the browsers. */
  private refreshShown(copied: string[], always: boolean): void {
    const pages: Array<{ outputPath: string; html: string }> = [];
    if (this.site) {
      for (const outputPath of this.shown.slice(0, HOT_PAGES)) {
        if (!this.site.byOutput.has(outputPath) || !this.needsRender(outputPath)) continue;
        const html = this.ensure(outputPath);
        if (html !== undefined) pages.push({ outputPath, html });
      }
    }
    const site = this.site;
    const otherShownChanged = !site || this.shown.some((outputPath) => site.byOutput.has(outputPath) && this.needsRender(outputPath));
    if (always || pages.length || copied.length || otherShownChanged) this.options.events.reload({ pages, files: copied });
  }

  /** The background: the site's files, then every page not rendered yet, then the checks and what they change. */
  private async fill(): Promise<void> {
    await this.loading;
    const { site, generation } = this;
    if (!site) return;
    const siteFiles = await this.makeSiteFiles(site);
    if (generation !== this.generation) return;
    for (;;) {
      for (let next = this.nextToRender(site); next !== undefined; next = this.nextToRender(site)) {
        this.ensure(next);
        this.counts.inBackground++;
        // Requests and saves come first: they wait for one page at most.
        await new Promise((resolve) => setImmediate(resolve));
        if (generation !== this.generation) return;
      }
      const quietFor = performance.now() - this.lastSaveAt;
      if (quietFor >= CHECKS_AFTER_QUIET_MS) break;
      await new Promise((resolve) => setTimeout(resolve, CHECKS_AFTER_QUIET_MS - quietFor));
      if (generation !== this.generation) return;
    }
    // Imported when first needed: the checks' modules (schemas and all) are not needed for the first page.
    const { checkPreviewSite } = await import("./preview-checks.ts");
    if (generation !== this.generation) return;
    const checksStarted = performance.now();
    this.checkProblems = checkPreviewSite(site, this.renders, siteFiles, new Set(this.unreadable.keys()));
    const checkMs = performance.now() - checksStarted;
    const problems = [...site.build.diagnostics.items, ...siteFiles.problems, ...this.checkProblems];
    this.filed = fileProblems(site, problems);
    const rewritten: Array<{ outputPath: string; html: string }> = [];
    for (const outputPath of this.renders.keys()) {
      const html = this.writePage(outputPath);
      if (html !== undefined && this.shown.includes(outputPath)) rewritten.push({ outputPath, html });
    }
    for (const file of site.unloaded) this.writeErrorPage(file);
    this.outputs.removeAllBut(this.currentOutputs(site, siteFiles));
    if (rewritten.length) this.options.events.reload({ pages: rewritten.slice(0, HOT_PAGES), files: [] });
    const all = allProblems(site, this.renders, problems);
    this.printNew(all.sorted());
    // A problem fixed since is printed again should it come back.
    this.printed = new Set(all.items.map(problemKey));
    const { onRequest, inBackground } = this.counts;
    this.counts = { onRequest: 0, inBackground: 0 };
    this.options.events.settled(
      `Preview: ${site.pages.length} pages up to date (${onRequest} rendered on request, ${inBackground} in the background); ` +
        `checks ${Math.round(checkMs)} ms; ${all.errorCount} ${all.errorCount === 1 ? "error" : "errors"}, ` +
        `${all.warningCount} ${all.warningCount === 1 ? "warning" : "warnings"}`,
    );
  }

  /** The site's files besides its pages, made once per load of the tree (the 404 page takes a renderer of its own). */
  private makeSiteFiles(site: PreviewSite): Promise<SiteFiles> {
    this.siteFilesMade ??= import("./site-files.ts").then(async ({ makeSiteFiles }) => {
      const siteFiles = await makeSiteFiles(site);
      if (site !== this.site) return siteFiles;
      for (const output of siteFiles.outputs) this.write(output.outputPath, output.html);
      await copyStaticFiles(siteFiles.staticFiles, this.options.outputDir);
      this.siteFiles = siteFiles;
      return siteFiles;
    });
    return this.siteFilesMade;
  }

  private needsRender(outputPath: string): boolean {
    return !this.renders.has(outputPath) || this.stale.has(outputPath);
  }

  /** The page browsers showed last first, then the tree's order. */
  private nextToRender(site: PreviewSite): string | undefined {
    const shown = this.shown.find((outputPath) => site.byOutput.has(outputPath) && this.needsRender(outputPath));
    return shown ?? site.pages.find((page) => this.needsRender(page.outputPath))?.outputPath;
  }

  /** Renders the page if it must, and writes it dressed with its problems; returns its HTML when it wrote. */
  private ensure(outputPath: string): string | undefined {
    if (this.needsRender(outputPath)) {
      const site = this.site!;
      const page = site.byOutput.get(outputPath)!;
      const unreadable = this.unreadable.get(page.file);
      const render = unreadable
        ? { rendered: undefined, twin: undefined, problems: [unreadable], shortfall: undefined }
        : renderPreviewPage(site, page);
      this.renders.set(outputPath, render);
      if (render.twin) this.write(render.twin.outputPath, render.twin.html);
      this.stale.delete(outputPath);
      // Printed at once: the terminal says what the browser shows.
      this.printNew(render.problems.flatMap((d) => withLevel(d, site.levels) ?? []));
    }
    return this.writePage(outputPath);
  }

  /** Writes a rendered page with its problems' banner (or its error page); returns the HTML when it wrote. */
  private writePage(outputPath: string): string | undefined {
    const site = this.site!;
    const render = this.renders.get(outputPath)!;
    const own = pageProblems(site, outputPath, render, this.filed);
    const elsewhere = own.length || outputPath === "index.html" ? this.filed.elsewhere.length : 0;
    const key = JSON.stringify([own, elsewhere]);
    const last = this.dressed.get(outputPath);
    if (last?.render === render && last.problems === key) return undefined;
    this.dressed.set(outputPath, { render, problems: key });
    const html = render.rendered
      ? withDiagnosticBanner(render.rendered.html, own, elsewhere)
      : errorPage({
          url: urlFor(outputPath),
          // A page that failed for a reason filed elsewhere (a layout that does not parse) names it.
          diagnostics: own.some((d) => d.severity === "error") ? own : [...own, ...this.filed.elsewhere.filter((d) => d.severity === "error")],
          sourceDir: site.sourceDir,
        });
    return this.write(outputPath, html) ? html : undefined;
  }

  private writeErrorPage(file: string): void {
    const site = this.site!;
    const outputPath = outputPathFor(file, site.loaded.settings.markdownExts);
    const url = urlFor(outputPath);
    this.write(outputPath, errorPage({ url, diagnostics: this.filed.byPage.get(outputPath) ?? [], sourceDir: site.sourceDir }));
  }

  private failedPage(outputPath: string): string {
    const diagnostics = this.failed!.sorted();
    return errorPage({ url: urlFor(outputPath), diagnostics, sourceDir: this.options.sourceDir, title: "The site did not build" });
  }

  private write(outputPath: string, content: string): boolean {
    const wrote = this.outputs.write(outputPath, content);
    if (wrote) this.options.events.wrote?.(outputPath);
    return wrote;
  }

  /** Every file the site has now; others written earlier (a page since deleted) are removed. */
  private currentOutputs(site: PreviewSite, siteFiles: SiteFiles): Set<string> {
    const current = new Set<string>([...site.byOutput.keys(), ...siteFiles.outputs.map((output) => output.outputPath)]);
    for (const render of this.renders.values()) if (render.twin) current.add(render.twin.outputPath);
    for (const file of site.unloaded) current.add(outputPathFor(file, site.loaded.settings.markdownExts));
    return current;
  }

  /** Prints the problems not printed before. */
  private printNew(problems: readonly Diagnostic[]): void {
    const fresh = problems.filter((d) => !this.printed.has(problemKey(d)));
    for (const d of fresh) this.printed.add(problemKey(d));
    if (fresh.length) this.options.events.problems(fresh);
  }
}

function problemKey(d: Diagnostic): string {
  return JSON.stringify([d.file, d.line, d.column, d.code, d.message]);
}
