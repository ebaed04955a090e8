import fs from "node:fs";
import path from "node:path";
import type { SourcePage } from "../content/source-page.ts";
import { twinClaim, type OutputClaim } from "../checks/output-collisions.ts";
import type { ElementGuide } from "../elements/element-model.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteOutput } from "../render/site-output.ts";
import { llmsFiles } from "./llms-files.ts";
import type { LlmsPlan } from "./llms-plan.ts";
import { llmsSections } from "./llms-sections.ts";
import { LLMS_FULL_TXT, LLMS_TXT } from "./llms-txt.ts";
import { twinOutputPath } from "../content/twin-path.ts";
import { markdownTwin } from "./markdown-twin.ts";
import { withoutKramdownComments } from "./kramdown-comments.ts";
import { firstHeading, firstSentence, writtenDescription } from "./one-line-summary.ts";
import { linkAddress } from "../text/url-escape.ts";

export interface SiteFacts {
  title: string;
  description: string;
  url: string;
  baseurl: string;
}

/**
 * The files a build makes for AI agents (issue 15): a Markdown twin beside each Markdown page, written as the
 * page is (src/build/page-stream.ts), then `/llms.txt` listing the site and `/llms-full.txt` holding every twin.
 * Only a first sentence per page is kept in memory; llms-full.txt is written from the twins already on disk.
 */
export class AgentFiles {
  /** Each page's twin, by page file; absent for pages without one. */
  private readonly twins = new Map<string, string>();
  /** Twins another file of the tree writes at: declared, so that the collision is reported, but never written. */
  private readonly taken = new Map<string, string>();
  private readonly pages = new Map<string, SourcePage>();
  /** The first sentence of each page's text, for pages whose front matter has no description. */
  private readonly summaries = new Map<string, string>();
  /** The first heading of each page's text, for pages whose front matter has no title. */
  private readonly headings = new Map<string, string>();
  /** Our index files, unless the tree brings its own (as with 404.html, the tree's wins). */
  private readonly ours: string[];
  /** Files written into the output folder by siteFiles(), whose outputs hold no text. */
  readonly written: string[] = [];

  /**
   * `treeFiles` are the tree's static files; `writeTo` the folder the page stream writes pages and twins into,
   * when it does.
   */
  constructor(
    pages: readonly SourcePage[],
    treeFiles: readonly string[],
    readonly site: SiteFacts,
    private readonly writeTo?: string,
  ) {
    const written = new Set([...pages.map((page) => page.outputPath), ...treeFiles]);
    const folders = new Set([...written].flatMap(parentFolders));
    for (const page of pages) {
      this.pages.set(page.file, page);
      const twin = twinOutputPath(page);
      // A folder of the tree's output (a page at `x.md/index.html`) cannot be a file too: that page has no twin.
      if (twin === undefined || folders.has(twin)) continue;
      if (written.has(twin)) this.taken.set(page.file, twin);
      else this.twins.set(page.file, twin);
    }
    this.ours = [LLMS_TXT, LLMS_FULL_TXT].filter((file) => !written.has(file));
  }

  /**
   * The twin of a rendered page, made from its Liquid output; undefined for a page without one (and for pages 2
   * and on of a paginated index, which share their source's file).
   */
  twin = (page: RenderedPage): SiteOutput | undefined => {
    const outputPath = this.twins.get(page.file);
    const source = this.pages.get(page.file);
    if (outputPath === undefined || page.markdown === undefined || source?.outputPath !== page.outputPath) return undefined;
    const markdown = withoutKramdownComments(page.markdown);
    const sentence = firstSentence(markdown);
    if (sentence) this.summaries.set(page.file, sentence);
    const heading = firstHeading(markdown);
    if (heading) this.headings.set(page.file, heading);
    return { outputPath, url: `/${outputPath}`, html: markdownTwin(source, markdown, this.site.baseurl) };
  };

  /** What llms.txt keeps of a rendered page: a shard hands it to the merge, which renders nothing itself. */
  summaryOf(file: string): { summary?: string; heading?: string } {
    return { summary: this.summaries.get(file), heading: this.headings.get(file) };
  }

  /** The twin a page of the tree has, if any. */
  twinOf(file: string): string | undefined {
    return this.twins.get(file);
  }

  /** The twins of rendered pages as outputs of the build: empty for those already written (`written`). */
  outputs(rendered: readonly RenderedPage[], written: ReadonlySet<string> | undefined): SiteOutput[] {
    return rendered.flatMap((page) => {
      const outputPath = this.twins.get(page.file);
      if (outputPath !== undefined && written?.has(outputPath)) return [{ outputPath, url: `/${outputPath}`, html: "" }];
      return this.twin(page) ?? [];
    });
  }

  /** Every twin, for the output-collision check (src/checks/output-collisions.ts); llms*.txt are generated files. */
  twinClaims(): OutputClaim[] {
    return [...this.twins, ...this.taken].map(([file, outputPath]) => twinClaim(outputPath, file));
  }

  /** llms.txt and llms-full.txt as the tree gives them, before the pages' render completes them (src/agents/llms-plan.ts). */
  llmsPlan(elements: Iterable<ElementGuide>): LlmsPlan {
    if (!this.ours.length) return { ours: [], sections: [] };
    const sections = llmsSections(elements, this.pages.values(), (page) => {
      const twin = this.twins.get(page.file);
      return {
        title: ownTitle(page),
        url: this.address(twin ?? page.url.slice(1)),
        description: writtenDescription(page.data),
        ...(twin !== undefined && { twin }),
      };
    });
    return { ours: this.ours, sections };
  }

  /**
   * llms.txt, and llms-full.txt: written straight into the output folder from the twins there (and returned
   * empty) when the pages were written there (`written`, as the page stream wrote them), else made in memory from
   * `inMemory`, the build's outputs.
   */
  siteFiles(elements: Iterable<ElementGuide>, inMemory: readonly SiteOutput[], written?: ReadonlySet<string>): SiteOutput[] {
    const writtenTo = this.writeTo;
    // Twins made in memory: all of them without `writtenTo`, else those of pages the stream left to the final write.
    const twinPaths = new Set(this.twins.values());
    const twinText = new Map(inMemory.filter((o) => o.html && twinPaths.has(o.outputPath)).map((o) => [o.outputPath, o.html]));
    // Those the stream wrote (`written`): a page that could not be made has no twin; its problem is reported.
    const onDisk = (twin: string) => writtenTo !== undefined && (written?.has(twin) ?? true);
    const made = llmsFiles(this.llmsPlan(elements), this.site, {
      summaryOf: (file) => this.summaryOf(file),
      twin: (twin) => twinText.get(twin) ?? (onDisk(twin) ? fs.readFileSync(path.join(writtenTo!, twin)) : ""),
      writeTo: writtenTo,
    });
    this.written.push(...made.written);
    return made.outputs;
  }

  /** Absolute when the site's `url:` is known, else root-relative; under the base path either way. */
  private address(outputPath: string): string {
    // Escaped as the page's links are: a twin of `c#-sdk.md` is at `c%23-sdk.md`, not at `c` with a fragment.
    return `${this.site.url}${this.site.baseurl}${linkAddress(`/${outputPath}`)}`;
  }
}

/** `a/b/c.html` -> `a`, `a/b`. */
function parentFolders(outputPath: string): string[] {
  const parts = outputPath.split("/");
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** The page's title as its front matter writes it (`title`, else `heading`), if it does. */
function ownTitle(page: SourcePage): string | undefined {
  for (const key of ["title", "heading"]) {
    const value = page.data[key];
    if (typeof value === "string" && value.trim()) return value;
  }
  return undefined;
}

