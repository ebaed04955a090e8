import type { SiteConfig } from "../config/site-config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import type { PageReport, PageShortfall } from "../diagnostics/page-shortfall.ts";
import type { RenderedPage } from "./render-page.ts";
import type { SiteModel } from "./site-model.ts";
import type { SiteOutput } from "./site-output.ts";
import type { StaticFile } from "./static-files.ts";

/**
 * The whole site in memory: what to write, what to copy, and what went wrong. src/build/build-site.ts fills it as
 * pages render and the checks read it afterwards, so it sits with rendering, below the checks.
 */
export interface SiteBuild {
  sourceDir: string;
  site: SiteConfig | undefined;
  outputs: SiteOutput[];
  staticFiles: StaticFile[];
  diagnostics: DiagnosticList;
  pageCount: number;
  /** Every published page of the tree (the generated home page included), by source file. */
  sourcePages: Map<string, SourcePage>;
  /** The pages that rendered, in source order; their HTML is also among `outputs`. */
  rendered: RenderedPage[];
  /** Output paths already written to `writeTo`; their `html` here is empty. */
  written?: ReadonlySet<string>;
  /** Markdown files without front matter (fragments for include_relative); left out by the live preview. */
  fragments?: string[];
  /** The element model the pages were rendered with (the live preview re-renders single pages against it). */
  model?: SiteModel;
  /** How many pages the tree has, and each that is missing from the site or incomplete in it, with why. */
  pages?: PageReport;
  /** Info lines for the writer, printed once by the CLI; never a problem, so they fail no build. */
  notes?: string[];
  /** A shard's build (`--shard K/N`): what the merge needs of its render (src/build/shard-manifest.ts). */
  shard?: ShardRecord;
}

/** A shard's pages, each with its place in the whole site's render order, and the problems its render found. */
export interface ShardRecord {
  identity: ShardIdentity;
  /** Each with what the merge needs of its source: llms.txt's summary and heading, its twin, its `breadcrumbs`. */
  pages: Array<{ position: number; page: RenderedPage; summary?: string; heading?: string; twin?: string; breadcrumbs?: string }>;
  /** The place of each page of the shard in the site's render order, rendered or not, by file (its first). */
  positions: Array<[file: string, position: number]>;
  diagnostics: Diagnostic[];
  shortfalls: PageShortfall[];
}

/** What identifies the build a shard belongs to: a merge takes shards only when all of these agree with its own. */
export interface ShardIdentity {
  /** The generator's version and the digest of its own code. */
  generator: string;
  /** The source tree's git commit, when it is a repository (for the message; `tree` decides). */
  commit: string | undefined;
  /** Digest of everything the pages are rendered from: pages, _config.yml and data, includes, layouts, options. */
  tree: string;
  /** `--base`, said apart in the message because it is the likeliest difference. */
  baseurl: string;
  /** Digest of what the merge reads of its own checkout: _config.yml, _data, the includes and layouts. */
  settings: string;
  /**
   * `site.time` and the time zone pages print dates in: the time where it comes from SOURCE_DATE_EPOCH or the
   * commit (outside git each checkout has its own), so that no job of a split sets its own.
   */
  clock: string;
}
