import fs from "node:fs";
import path from "node:path";
import type * as pagefind from "pagefind";
import { pagefindStopReason, startPagefindProcess, type PagefindProcess } from "./pagefind-process.ts";
import { NOT_TEXT_CLASSES, searchDocument } from "./search-document.ts";
import { bundleSizes, MARKED_TEXT, MAX_BUNDLE_PAGES, placeBundles, type WrittenBundle } from "./search-bundles.ts";

/** Parts of a page's body that are not its text, for the pages Pagefind is given whole (src/search/search-document.ts). */
const NOT_TEXT = NOT_TEXT_CLASSES.map((name) => `.${name}`);

/** Pages handed to Pagefind that it has not indexed yet, at most, before the render waits for it. */
const MAX_WAITING = 100;
/**
 * The same from when Pagefind writes a full bundle, which holds up its indexing for a moment, until it has caught up
 * again: the render goes on meanwhile, the pages it hands over waiting for the next bundle's process (a few
 * kilobytes each, src/search/search-document.ts), and Pagefind catches up afterwards. Half a bundle
 * (src/search/search-bundles.ts) lets the render go on through a write; more let a busy Pagefind fall far behind,
 * which the build then waits for at the end (3.1 s once at 10,000 pages with 2,000) while it holds the waiting pages.
 */
const MAX_WAITING_WHILE_WRITING = 500;

/**
 * How long Pagefind may leave every page and write sent to it unanswered before the build stops its process and
 * fails, rather than wait for ever (a binary that hangs, under PAGEFIND_BINARY_PATH or not, held a build until
 * CI's time limit). Pagefind answers each page as it indexes it, and its slowest answer, a bundle's write, takes
 * about 0.3 s for 500 element-guide pages: two minutes is far beyond any real wait.
 */
const SILENCE_LIMIT_MS = 120_000;
/** How often the build looks for Pagefind's answers; silence is counted in these looks, not in clock time. */
const SILENCE_LOOK_MS = 1_000;

/** Pagefind's index of one site, fed page by page while the site is written. */
export interface SearchFeed {
  /**
   * The number of pages the render is about to add, so that the bundles (src/search/search-bundles.ts) come out
   * even; without it they are of the largest size.
   */
  expect(pages: number): void;
  /**
   * Indexes a page written at `outputPath` (relative to the site folder). Returns at once: Pagefind works in its
   * own process meanwhile. Pages are numbered in the index in the order they are added.
   */
  add(outputPath: string, html: string): void;
  /**
   * Resolves once Pagefind has caught up to within a few batches of pages: each page waiting for it is held in
   * memory (in the pipe to its process), so the render waits here rather than run ahead.
   */
  caughtUp(): Promise<void>;
  /**
   * Adds the site's HTML files not added yet, in path order, and has Pagefind write the last bundle. Resolves once
   * it is writing it (every page indexed), so that the build's checks run beside the write. `finish` does this
   * when it was not done.
   */
  writeLast(): Promise<void>;
  /**
   * Writes the index into `<siteDir>/pagefind/`: its first bundle there, the others in folders below it, which it
   * returns ("part-2/", …) for the search dialog to merge.
   */
  finish(): Promise<{ bundles: string[] }>;
  /** Pages added that mark their text with `data-pagefind-body`. */
  readonly markedPages: number;
  /** Stops Pagefind's process; the build calls it however it ends. */
  close(): Promise<void>;
}

/**
 * One bundle being filled: its Pagefind process and its index there (being made), its pages and those that mark
 * their text.
 */
interface OpenBundle {
  pagefind: Promise<PagefindProcess>;
  index: Promise<pagefind.PagefindIndex>;
  pages: number;
  marked: number;
  added: Array<Promise<unknown>>;
}

/**
 * Starts Pagefind (a process of its own, which then indexes on the other core while pages render), to write the
 * index of the site written into `siteDir`. Which pages and which part of them are indexed is decided by
 * `data-pagefind-body` in the layouts; results link to the same addresses as the Jekyll site, index.html included.
 * A big site's index is written in bundles of at most `maxBundlePages` pages (src/search/search-bundles.ts), each as
 * soon as it is full, the last a small one of `lastBundlePages`.
 */
export async function startSearchFeed(
  siteDir: string,
  {
    maxBundlePages,
    lastBundlePages,
    silenceLimitMs = SILENCE_LIMIT_MS,
  }: { maxBundlePages?: number; lastBundlePages?: number; silenceLimitMs?: number } = {},
): Promise<SearchFeed> {
  const processes: Array<Promise<PagefindProcess>> = [];
  // Pages and writes sent to Pagefind (or waiting for its process) that it has not answered yet.
  const pending = new Set<Promise<unknown>>();
  // Set once Pagefind has been silent too long: its processes are stopped, and no other is started.
  let silentFor: number | undefined;
  // Once Pagefind was stopped for its silence, nothing more is sent: its Node API would start a process anew for a
  // message to an index made before, and that one could hang the build in turn.
  const notSilenced = () => {
    if (silentFor !== undefined) throw new Error(STOPPED_BY_BUILD);
  };
  // The write of the last full bundle (see `write` below); a bundle's process starts once it has ended.
  let previousWrite: Promise<unknown> = Promise.resolve();
  const open = (): OpenBundle => {
    // Pagefind holds about four times a bundle's index while it writes it: indexing the next bundle beside it added
    // 12-20 MiB to the build's peak (1,500 pages: 199 MiB against 191). Its pages wait meanwhile (a few kilobytes
    // each, at most MAX_WAITING_WHILE_WRITING), and Pagefind, which indexes faster than pages render, catches up.
    const started = previousWrite.then(() => (notSilenced(), startPagefindProcess()));
    processes.push(started);
    const index = started.then(async (pagefind) => {
      const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, excludeSelectors: NOT_TEXT });
      if (!index) throw new SearchIndexError(errors);
      return index;
    });
    awaitingIndex++;
    void index.then(heard, heard).finally(() => awaitingIndex--);
    // Its pages report a failure to make it; a bundle that gets none must not fail the build unseen.
    index.catch(() => undefined);
    return { pagefind: started, index, pages: 0, marked: 0, added: [] };
  };
  // Whether Pagefind answered since the last look, and how many looks in a row found it owing answers and silent.
  let answered = true;
  let silentLooks = 0;
  let awaitingIndex = 0;
  const heard = () => {
    answered = true;
  };
  const watch = setInterval(() => {
    if (answered || (pending.size === 0 && awaitingIndex === 0)) {
      answered = false;
      silentLooks = 0;
      return;
    }
    // A look that comes late because pages were rendering counts once: the answers that came meanwhile are read
    // before the next look.
    if (++silentLooks * SILENCE_LOOK_MS < silenceLimitMs) return;
    clearInterval(watch);
    silentFor = silenceLimitMs;
    // Stopping a process fails every message still waiting for it ("backend closed"), so the feed ends.
    void Promise.all(processes.map(stop));
  }, SILENCE_LOOK_MS);
  watch.unref();
  const failure = (errors: string[]) => new SearchIndexError(errors, silentFor);
  // The first is made here, so that a Pagefind that cannot start fails the build before anything renders; the others
  // with their first page (a last page that fills a bundle starts no process for nothing).
  let bundle: OpenBundle | undefined = open();
  await bundle.index.catch((error: unknown) => {
    clearInterval(watch);
    throw error instanceof SearchIndexError && silentFor === undefined ? error : failure([messageOf(error)]);
  });
  let sizes = bundleSizes(undefined, maxBundlePages, lastBundlePages);
  // The bundle being filled is written when full; the last planned one only at the end (or when over the limit,
  // should more pages come than expected).
  const perBundle = () => (written.length < sizes.length - 1 ? sizes[written.length] : (maxBundlePages ?? MAX_BUNDLE_PAGES));
  const added = new Set<string>();
  const errors: string[] = [];
  const written: Array<Promise<WrittenBundle>> = [];
  let markedPages = 0;
  let writing = 0;
  let catchingUp = false;
  let finishing = false;
  const waitingLimit = () => (catchingUp ? MAX_WAITING_WHILE_WRITING : MAX_WAITING);
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    const done = () => {
      heard();
      pending.delete(work);
      if (writing === 0 && pending.size <= MAX_WAITING) catchingUp = false;
      if (pending.size <= waitingLimit()) for (const resume of waiting.splice(0)) resume();
    };
    void work.then(done, done);
    return work;
  };
  // A full bundle is written while the next fills, in a process of its own (src/search/pagefind-process.ts), which
  // stops once the bundle is written: Pagefind holds a bundle's index in memory until it is written, and about four
  // times that while writing it, so memory is that of one bundle, not of the whole site. Bundles are written
  // one after another: long pages fill a bundle faster than Pagefind writes one, and writes side by side, each in its
  // process, took 1.4-1.9 GiB where one at a time took 1.2 (3,000 pages of 12 paragraphs more each).
  // Resolved once the last bundle asked for is being written (or could not be).
  let writeStarted: Promise<void> = Promise.resolve();
  const write = (full: OpenBundle) => {
    const folder = path.join(siteDir, "pagefind", `part-${written.length + 1}`);
    writing++;
    catchingUp = true;
    let started = () => {};
    writeStarted = new Promise((resolve) => (started = resolve));
    const bundleWritten = Promise.all([...full.added, previousWrite]).then(async () => {
      try {
        const index = await full.index;
        notSilenced();
        const replied = index.writeFiles({ outputPath: folder });
        started();
        const reply = await replied;
        errors.push(...reply.errors);
      } catch (error) {
        errors.push(messageOf(error));
      } finally {
        started();
        await stop(full.pagefind);
        writing--;
      }
      return { folder, marked: full.marked };
    });
    previousWrite = bundleWritten;
    written.push(track(bundleWritten));
  };
  const add = (outputPath: string, html: string) => {
    added.add(outputPath);
    const target = (bundle ??= open());
    target.pages++;
    // The path, not a URL: Pagefind makes the result URL from it as it does for a file it finds on disk. It is given
    // only the part of the page it reads (src/search/search-document.ts): the same index, for less of its time.
    // Page by page over the pipe, not written to a folder for Pagefind's addDirectory: that took 5% less CPU on 1,500
    // pages, but Pagefind numbers a folder's pages in the order its file system lists them (the same three files
    // made in three orders on tmpfs gave three indexes), which a filter-only search shows; and it spends about
    // 0.25 s on each folder its glob matches (`**/*`, needed for pages not named .html: 40 s for 152 folders).
    const content = searchDocument(html);
    // A page made smaller has the body tag MARKED_TEXT looks for (searchDocument found it): only a page given whole
    // is searched for one (the search took 46 ms of the main thread on 1,500 pages).
    if (content !== html || MARKED_TEXT.test(html)) (target.marked++, markedPages++);
    const indexed = target.index
      .then((index) => (notSilenced(), index.addHTMLFile({ sourcePath: outputPath, content })))
      .then(
        (reply) => void errors.push(...reply.errors),
        (error: unknown) => void errors.push(messageOf(error)),
      );
    target.added.push(track(indexed));
    // Files added by finish() (pagination, 404, redirects: a few) join the last bundle rather than open another.
    if (target.pages < perBundle() || finishing) return;
    write(target);
    bundle = undefined;
  };
  const waiting: Array<() => void> = [];
  let lastAskedFor: Promise<void> | undefined;
  const writeLast = () => {
    if (!lastAskedFor) {
      finishing = true;
      for (const file of htmlFiles(siteDir)) if (!added.has(file)) add(file, fs.readFileSync(path.join(siteDir, file), "utf8"));
      // The last bundle, however few its pages; none when the last page filled one (it is being written).
      if (bundle?.pages || written.length === 0) write(bundle ?? open());
      lastAskedFor = writeStarted;
    }
    return lastAskedFor;
  };
  return {
    expect(pages) {
      sizes = bundleSizes(pages, maxBundlePages, lastBundlePages);
    },
    add,
    caughtUp: () => (pending.size <= waitingLimit() ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
    get markedPages() {
      return markedPages;
    },
    writeLast,
    async finish() {
      await writeLast();
      const bundles = await Promise.all(written);
      await settle(pending);
      clearInterval(watch);
      if (errors.length || silentFor !== undefined) throw failure(errors);
      return { bundles: placeBundles(path.join(siteDir, "pagefind"), bundles) };
    },
    async close() {
      // Pages still in the pipe are let through first: closing under them makes Pagefind's process panic on a broken
      // pipe and Node print a stack trace per page, after a failed build's own report.
      await settle(pending);
      clearInterval(watch);
      await Promise.all(processes.map(stop));
    },
  };
}

/** Stops a bundle's Pagefind process, if it started. */
async function stop(started: Promise<PagefindProcess>): Promise<void> {
  await started.then((pagefind) => pagefind.close(), () => undefined);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Waits until every piece of work in `pending`, and any added meanwhile, has ended, whether or not it failed. */
async function settle(pending: Set<Promise<unknown>>): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}

/** Every `.html` file of the site, relative and with forward slashes, sorted; none of an index already there. */
function htmlFiles(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !file.startsWith("pagefind/"))
    .sort();
}

/** What a bundle's page or write gets once the build has stopped a silent Pagefind (then no process is started). */
const STOPPED_BY_BUILD = "Pagefind backend closed by the build";

/** How Pagefind's Node API answers each message once its process has stopped ("… backend is closed: [object Object]"). */
const PROCESS_STOPPED = /backend (?:is )?closed/i;

export class SearchIndexError extends Error {
  /** `silentFor`: the milliseconds Pagefind left the build's messages unanswered, when that is why the build stopped it. */
  constructor(
    errors: string[],
    readonly silentFor?: number,
  ) {
    // A failure of Pagefind itself comes back once for each page still waiting for it: said once, with the count.
    const counts = new Map<string, number>();
    for (const error of errors) if (!PROCESS_STOPPED.test(error)) counts.set(error, (counts.get(error) ?? 0) + 1);
    const reasons = [...counts].map(([error, count]) => (count > 1 ? `${error} (${count} times)` : error));
    if (silentFor !== undefined) {
      reasons.unshift(`its process answered nothing for ${silentFor / 1000} s, so the build stopped it: it hangs, or the machine is starved`);
    } else if (errors.some((error) => PROCESS_STOPPED.test(error))) {
      const why = pagefindStopReason();
      reasons.unshift(`its process stopped before the index was written${why ? ` (${why})` : ""}: it could not start, crashed or was killed`);
    }
    super(`Pagefind could not build the search index: ${reasons.join("; ") || "no reason given"}`);
    this.name = "SearchIndexError";
  }

  /** Pagefind's process gone with no message answered, as when its answers never came (the build sees it end). */
  static processStopped(): SearchIndexError {
    return new SearchIndexError(["backend closed"]);
  }
}
