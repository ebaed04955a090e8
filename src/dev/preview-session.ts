// The live preview's state: the tree loaded once, each page rendered when a browser asks for it, the rest
// rendered and checked in the background, and each save applied to what it affects.
import fs from "node:fs";
import path from "node:path";
import { outputPathFor } from "../content/urls.ts";
import { copyStaticFiles } from "../build/copy-static-files.ts";
import { DiagnosticList, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { withLevel } from "../diagnostics/severity.ts";
import { applySave } from "./apply-save.ts";
import { renderPreviewPage } from "./page-render.ts";
import { PageStates } from "./page-states.ts";
import { PageWriter, siteFailedPage, unloadedPage } from "./page-writer.ts";
import type { SiteFiles } from "./preview-checks.ts";
import type { PreviewSessionOptions } from "./preview-events.ts";
import { missedChanges } from "./missed-changes.ts";
import { loadPreviewSite, remadePreviewSite, type PreviewSite } from "./preview-site.ts";
import { PrintedProblems } from "./printed-problems.ts";
import type { PreviewAnswer } from "./preview-server.ts";
import { readFailure } from "./read-failure.ts";
import { RoundSummary } from "./round-summary.ts";
import { ShownPages } from "./shown-pages.ts";
import { claimsOfUnloaded } from "./unloaded-page.ts";
import { allProblems, fileProblems, type FiledProblems } from "./site-problems.ts";

/**
 * The whole-site checks wait for saves to pause this long: they hold the thread for a while (0.25 s on 1,500
 * pages), and a writer saving again and again should see each save at once, not after the checks of the last.
 */
const CHECKS_AFTER_QUIET_MS = 1_000;

/** What ensure() returns, writing nothing, for a page with code to highlight before Shiki is loaded. */
const NEEDS_SHIKI = Symbol("needs Shiki");
/** How soon a tree that changed while it was read is read again, saved or not: a checkout is over by then. */
const READ_AGAIN_MS = 300;

export class PreviewSession {
  private site: PreviewSite | undefined;
  /** Set when the tree does not load (its _config.yml or _data is broken): every page shows these problems. */
  private failed: DiagnosticList | undefined;
  /** The reading again of a tree that changed while it was read, when one is due. */
  private retrying: NodeJS.Timeout | undefined;
  private loading: Promise<void> = Promise.resolve();
  private pages = new PageStates();
  /** The site's files besides its pages (404, sitemap, static files), made once per load; `madeSiteFiles` once made. */
  private siteFiles: Promise<SiteFiles> | undefined;
  private madeSiteFiles: SiteFiles | undefined;
  /** Problems of the load, the site's files and the checks, by the page they show on. */
  private filed: FiledProblems = { byPage: new Map(), elsewhere: [] };
  /** Three pages shown last are re-rendered at once on a save; a change to any of twenty reloads the browsers. */
  private readonly shown = new ShownPages(3, 20);
  private readonly writer: PageWriter;
  private readonly printed = new PrintedProblems();
  private saves: Promise<void> = Promise.resolve();
  private background: Promise<void> | undefined;
  private moreWork = false;
  /** Counts loads of the tree: background work of an earlier load stops. */
  private generation = 0;
  /** Set by stop(): no more work starts, and work under way ends at its next step. */
  private stopped = false;
  /** Pages rendered since the last summary, and the summary line. */
  private readonly round = new RoundSummary();
  private lastSaveAt = -Infinity;
  private claims: { site: PreviewSite; byOutput: Map<string, string> } | undefined;
  private lastBaseurl: string | undefined;

  constructor(private readonly options: PreviewSessionOptions) {
    this.writer = new PageWriter(options.outputDir, options.events.wrote);
  }

  /**
   * The base path the site's pages link each other under (`--base`, else `baseurl` of _config.yml). While the tree
   * does not load, the last one it had: the server still serves under it.
   */
  get baseurl(): string {
    return this.site?.build.site.baseurl ?? this.lastBaseurl ?? this.options.baseurl ?? "";
  }

  /** Loads the tree; nothing is rendered until a browser asks, or `startBackground()`. */
  start(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  /**
   * Makes sure the file a browser asks for is up to date in the output folder: a page renders now when it never
   * did, or a save changed it. `candidates` are the output paths the address may stand for, most likely first.
   * Returns the HTML to answer with instead (an error page while the tree does not load), or whether the file
   * served is an error page; undefined for a file served as it is.
   */
  async request(candidates: readonly string[], navigation: boolean): Promise<PreviewAnswer | undefined> {
    await this.loading;
    const site = this.site;
    if (!site) {
      // Only an address of a page stands for one: a stylesheet, a twin, the sitemap or `_headers` is served as it
      // is (or not found), not as an error page at `site.css.html`.
      const [address] = candidates;
      const aPage = address.endsWith(".html") || (path.posix.extname(address) === "" && !this.hasFile(address));
      const page = aPage ? candidates.find((candidate) => candidate.endsWith(".html")) : undefined;
      return page === undefined ? undefined : { html: siteFailedPage(page, this.failed!.sorted(), this.options.sourceDir, this.baseurl), failed: true };
    }
    const outputPath = candidates.find((candidate) => site.byOutput.has(candidate));
    if (outputPath === undefined) {
      // A page whose front matter does not load has an error page at its address.
      if (candidates.some((candidate) => this.writer.showsError(candidate))) return { failed: true };
      // The 404 page, the sitemap or redirects may not be written yet (static files are copied as the tree loads).
      // A file, not a folder: `/docs` is not the folder docs/ (of other pages), which the dev server would answer 404.
      const onDisk = () => candidates.some((candidate) => this.hasFile(candidate));
      if (onDisk()) return undefined;
      await this.makeSiteFiles(site);
      if (onDisk() || site !== this.site) return undefined;
      // Nothing is there: the address may be the permalink of a page whose front matter does not load.
      const claims = this.claimsOfUnloaded(site);
      const claimed = candidates.find((candidate) => claims.has(candidate));
      return claimed === undefined ? undefined : { html: unloadedPage(site, claims.get(claimed)!, claimed, this.filed), failed: true };
    }
    if (this.pages.needsRender(outputPath)) this.round.renderedOnRequest(outputPath);
    // Shiki loads once the first page is out (fill()); a page asked for sooner with code the highlight cache
    // does not hold waits for it rather than showing its code plain.
    if (this.ensure(site, outputPath) === NEEDS_SHIKI) {
      await site.highlighter.load();
      this.ensure(site, outputPath);
    }
    if (navigation) this.shown.note(outputPath);
    return this.writer.showsError(outputPath) ? { failed: true } : undefined;
  }

  /** The addresses the permalinks of pages that did not load claim (src/dev/unloaded-page.ts), read once a site. */
  private claimsOfUnloaded(site: PreviewSite): ReadonlyMap<string, string> {
    if (this.claims?.site !== site) this.claims = { site, byOutput: claimsOfUnloaded(site.sourceDir, site.unloaded) };
    return this.claims.byOutput;
  }

  /** Whether the output folder holds a file at `outputPath`. */
  private hasFile(outputPath: string): boolean {
    return fs.statSync(path.join(this.options.outputDir, outputPath), { throwIfNoEntry: false })?.isFile() ?? false;
  }

  /** Applies saved (or deleted) files, as absolute paths, one batch after the other; resolves once browsers were told. */
  saved(files: readonly string[]): Promise<void> {
    if (this.stopped) return this.saves;
    // A save that fails (the tree changing under it) must not stop the saves after it from being applied.
    this.saves = this.saves.then(() => this.applySave(files)).catch((error: unknown) => this.readFailed(error));
    return this.saves;
  }

  /** Renders every page not rendered yet, writes the site's other files and runs the whole-site checks. */
  startBackground(): Promise<void> {
    if (this.stopped) return this.background ?? Promise.resolve();
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

  /**
   * Ends the background work and ignores saves from here on; resolves once nothing of it runs any more, so that
   * another preview may write into the same output folder.
   */
  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retrying);
    return this.idle();
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

  /**
   * Loads the tree, or with `remake` makes the site again from the tree as last read, with the pages whose front
   * matter a save changed (src/dev/preview-site.ts).
   */
  private async load(remake = false): Promise<void> {
    try {
      await this.loadTree(remake);
    } catch (error) {
      this.readFailed(error);
    }
  }

  /**
   * A load or save that threw: a file read a moment after an editor or a checkout removed it (a save written to a
   * temporary file and renamed). Every page shows it until the tree is read again, which a moment later it is.
   */
  private readFailed(error: unknown): void {
    this.site = undefined;
    this.failed = new DiagnosticList();
    this.failed.add(readFailure(error, this.options.sourceDir));
    this.print(this.failed.sorted());
    this.options.events.settled("Preview: the tree changed while it was read; reading it again");
    if (!this.stopped && !this.retrying) {
      this.retrying = setTimeout(() => {
        this.retrying = undefined;
        void this.saved([]);
      }, READ_AGAIN_MS);
      this.retrying.unref();
    }
  }

  private async loadTree(remake: boolean): Promise<void> {
    this.generation++;
    const earlier = this.site;
    const loaded = remake && earlier ? await remadePreviewSite(earlier, this.options) : await loadPreviewSite(this.options, earlier?.highlighter, earlier);
    this.pages = new PageStates();
    this.siteFiles = this.madeSiteFiles = undefined;
    this.writer.forgetDressing();
    if ("failed" in loaded) {
      this.site = undefined;
      this.failed = loaded.failed;
      this.print(loaded.failed.sorted());
      this.options.events.settled("Preview: the site did not load; every page shows why until it is fixed");
      return;
    }
    this.site = loaded;
    this.lastBaseurl = loaded.build.site.baseurl;
    this.failed = undefined;
    this.filed = fileProblems(loaded, loaded.build.diagnostics.items);
    // Pages whose front matter does not load show an error page at their address from the start.
    for (const file of loaded.unloaded) this.writer.writeUnloaded(loaded, file, this.filed);
    this.writer.dropErrorPagesBut(loaded);
    // The same tree has the same static files, already copied.
    if (!remake) await copyStaticFiles(loaded.staticFiles, this.options.outputDir);
  }

  private async applySave(files: readonly string[]): Promise<void> {
    const lastChange = this.lastSaveAt;
    this.lastSaveAt = performance.now();
    await this.loading;
    if (this.stopped) return;
    const site = this.site;
    const copyTo = { outputDir: this.options.outputDir, staticFiles: this.madeSiteFiles?.staticFiles ?? site?.staticFiles ?? [] };
    const outcome = site ? await applySave(site, this.pages, files, copyTo) : "reload";
    if (this.stopped) return;
    if (outcome === "unchanged") {
      // Nothing the site uses (vim's .swp file, written every few seconds while the writer types): no new round.
      this.lastSaveAt = lastChange;
      return;
    }
    if (outcome === "reload" || outcome.remake) {
      this.loading = this.load(outcome !== "reload");
      await this.loading;
    } else if (outcome.layouts) {
      // The 404 page is dressed in a layout too.
      this.siteFiles = this.madeSiteFiles = undefined;
    }
    // The pages browsers show are rendered at once below.
    await this.site?.highlighter.load();
    // A page added or deleted may be the one a browser shows (as the 404 page, or the page gone): all reload. So may
    // a new front matter (redirect_from, an element's API reference); those shown are updated in place.
    this.refreshShown(typeof outcome === "object" ? outcome.copied : [], outcome === "reload" || outcome.remake === true);
    void this.startBackground();
    if (outcome !== "reload" && outcome.remake && this.site) this.catchUpWithTree(this.site);
  }

  /**
   * After the site was made again from the tree as last read (no file read): files changed on disk since without a
   * word from the watcher are taken as saved, as a load of the tree would have read them. Once the browsers were told.
   */
  private catchUpWithTree(site: PreviewSite): void {
    this.saves = this.saves
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => {
        const missed = site === this.site ? missedChanges(site) : [];
        if (missed.length) void this.saved(missed);
      })
      // A listing that fails (the tree changing under it) misses nothing the watcher will not tell: saves go on.
      .catch(() => undefined);
  }

  /** Re-renders the pages browsers showed last that a save changed, and tells the browsers. */
  private refreshShown(copied: string[], always: boolean): void {
    const site = this.site;
    const pages: Array<{ outputPath: string; html: string }> = [];
    for (const outputPath of site ? this.shown.first() : []) {
      if (!site!.byOutput.has(outputPath) || !this.pages.needsRender(outputPath)) continue;
      // Rendered for a browser that shows it, as a page asked for is.
      this.round.renderedOnRequest(outputPath);
      const html = this.ensure(site!, outputPath);
      if (typeof html === "string") pages.push({ outputPath, html });
    }
    const otherShownChanged = !site || this.shown.all().some((outputPath) => site.byOutput.has(outputPath) && this.pages.needsRender(outputPath));
    if (always || pages.length || copied.length || otherShownChanged) this.options.events.reload({ pages, files: copied });
  }

  /** The background: the site's files, then every page not rendered yet, then the checks and what they change. */
  private async fill(): Promise<void> {
    await this.loading;
    const { site, generation } = this;
    if (!site) return;
    // The first page is out: every page from here on is highlighted as it renders.
    await site.highlighter.load();
    const current = () => generation === this.generation && !this.stopped;
    if (!current() || !(await this.renderAll(site, current))) return;
    // The site's other files (404, sitemap, llms.txt) and the checks' modules (imported here, not with this module:
    // the first page needs none of them) hold the thread for 0.1-0.5 s: made once saves have paused, not while a
    // writer saves (a save then waited for them). A file of theirs asked for sooner is made then (request()).
    const siteFiles = await this.makeSiteFiles(site);
    const { checkPreviewSite } = await import("./preview-checks.ts");
    if (!current()) return;
    // Every save so far is rendered and the checks below see it: only a save from here on needs another round
    // (the checks hold the thread for a while, and a save right after them should not wait for them twice).
    if (this.nextToRender(site) !== undefined) return;
    this.moreWork = false;
    const checksStarted = performance.now();
    const checked = checkPreviewSite(site, this.pages.all(), siteFiles, new Set(this.pages.unreadable.keys()));
    const checkMs = performance.now() - checksStarted;
    const problems = [...site.build.diagnostics.items, ...siteFiles.problems, ...checked];
    this.filed = fileProblems(site, problems);
    // Pages whose problems changed are written again; those a browser shows are reloaded.
    const rewritten: Array<{ outputPath: string; html: string }> = [];
    for (const [outputPath, render] of this.pages.all()) {
      const html = this.writer.writePage(site, outputPath, render, this.filed);
      if (html !== undefined && this.shown.all().includes(outputPath)) rewritten.push({ outputPath, html });
    }
    for (const file of site.unloaded) this.writer.writeUnloaded(site, file, this.filed);
    this.writer.keepOnly(this.currentOutputs(site, siteFiles));
    if (rewritten.length) this.options.events.reload({ pages: rewritten, files: [] });
    const all = allProblems(site, this.pages.all(), problems);
    this.print(all.sorted());
    this.printed.current(all.items);
    this.options.events.settled(this.round.summary(site.byOutput, checkMs, all));
  }

  /**
   * Renders every page that needs it, one at a time so that requests and saves come first, and waits for saves
   * to pause before it returns; false when the tree was loaded again meanwhile.
   */
  private async renderAll(site: PreviewSite, current: () => boolean): Promise<boolean> {
    for (;;) {
      for (let next = this.nextToRender(site); next !== undefined; next = this.nextToRender(site)) {
        this.tellIfShown(next, this.ensure(site, next));
        this.round.renderedInBackground(next);
        await new Promise((resolve) => setImmediate(resolve));
        if (!current()) return false;
      }
      const quietFor = performance.now() - this.lastSaveAt;
      if (quietFor >= CHECKS_AFTER_QUIET_MS) return true;
      await new Promise((resolve) => setTimeout(resolve, CHECKS_AFTER_QUIET_MS - quietFor));
      if (!current()) return false;
    }
  }

  /**
   * A page a browser shows is rendered here only when a save made it stale, and this loop got to it before the save's
   * own refreshShown() did (both wait for Shiki at first): the browsers are told here, as they would have been there.
   */
  private tellIfShown(outputPath: string, html: string | undefined | typeof NEEDS_SHIKI): void {
    if (typeof html !== "string" || !this.shown.all().includes(outputPath)) return;
    const inPlace = this.shown.first().includes(outputPath);
    this.options.events.reload({ pages: inPlace ? [{ outputPath, html }] : [], files: [] });
  }

  /** The site's files besides its pages, made once per load of the tree (the 404 page takes a renderer of its own). */
  private makeSiteFiles(site: PreviewSite): Promise<SiteFiles> {
    if (this.siteFiles) return this.siteFiles;
    const making: Promise<SiteFiles> = import("./site-files.ts").then(async ({ makeSiteFiles }) => {
      const siteFiles = await makeSiteFiles(site);
      // Made again meanwhile (a layout saved, the tree loaded again): the newer ones are written.
      if (this.siteFiles !== making || this.stopped) return siteFiles;
      for (const output of siteFiles.outputs) this.writer.write(output.outputPath, output.html);
      await copyStaticFiles(siteFiles.staticFiles, this.options.outputDir);
      this.madeSiteFiles = siteFiles;
      return siteFiles;
    });
    this.siteFiles = making;
    return making;
  }

  /** The pages browsers showed last first, then the tree's order. */
  private nextToRender(site: PreviewSite): string | undefined {
    const shown = this.shown.all().find((outputPath) => site.byOutput.has(outputPath) && this.pages.needsRender(outputPath));
    return shown ?? site.pages.find((page) => this.pages.needsRender(page.outputPath))?.outputPath;
  }

  /**
   * Renders the page if it must, and writes it dressed with its problems; returns its HTML when that changed, or
   * NEEDS_SHIKI (nothing written) when it has code to highlight and Shiki is not loaded yet.
   */
  private ensure(site: PreviewSite, outputPath: string): string | undefined | typeof NEEDS_SHIKI {
    if (this.pages.needsRender(outputPath)) {
      const page = site.byOutput.get(outputPath)!;
      const unreadable = this.pages.unreadable.get(page.file);
      const missed = site.highlighter.missed;
      const render = unreadable
        ? { rendered: undefined, twin: undefined, problems: [unreadable], shortfall: undefined }
        : renderPreviewPage(site, page);
      if (site.highlighter.missed !== missed) return NEEDS_SHIKI;
      this.pages.set(outputPath, render);
      if (render.twin) this.writer.write(render.twin.outputPath, render.twin.html);
      // Printed at once: the terminal says what the browser shows.
      this.print(render.problems.flatMap((d) => withLevel(d, site.levels) ?? []));
    }
    return this.writer.writePage(site, outputPath, this.pages.get(outputPath)!, this.filed);
  }

  /** Every file the site has now; others written earlier (a page since deleted) are removed. */
  private currentOutputs(site: PreviewSite, siteFiles: SiteFiles): Set<string> {
    const current = new Set<string>([...site.byOutput.keys(), ...siteFiles.outputs.map((output) => output.outputPath), ...this.pages.twinPaths()]);
    for (const file of site.unloaded) current.add(outputPathFor(file, site.loaded.tree.settings.markdownExts));
    return current;
  }

  private print(problems: readonly Diagnostic[]): void {
    const fresh = this.printed.fresh(problems);
    if (fresh.length) this.options.events.problems(fresh);
  }
}
