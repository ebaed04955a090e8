import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PageShortfall } from "../diagnostics/page-shortfall.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { ShardIdentity } from "../render/site-build.ts";
import type { PageFacts } from "../render/inspect/page-facts.ts";
import { isPathInside, listDamage } from "./manifest-schema.ts";
import type { ShardSelection } from "./shard-plan.ts";
import type { SiteShare } from "./site-share.ts";
import type { TwinRanges } from "./twin-part.ts";

/** The file a shard writes beside its pages, for `--merge`. */
export const MANIFEST_FILE = "element-guides-shard.json";
const FORMAT = 4;

/** What a shard hands the merge: the facts of each page it rendered, its problems, and what it wrote. */
export interface ShardManifest {
  identity: ShardIdentity;
  shard: ShardSelection;
  /** The pages it rendered, each with its place in the whole site's render order, its twin and `breadcrumbs`. */
  pages: Array<{ position: number; page: RenderedPage; summary?: string; heading?: string; twin?: string; breadcrumbs?: string }>;
  /** The place of each of its pages in the site's render order, rendered or not. */
  positions: Array<[file: string, position: number]>;
  /** Where each twin it wrote is in its TWIN_PART_FILE (src/build/twin-part.ts). */
  twins: TwinRanges;
  /** Shard 1's: what the merge needs of the tree (src/build/site-share.ts). */
  site?: SiteShare;
  /** Problems found while rendering its pages. */
  diagnostics: Diagnostic[];
  shortfalls: PageShortfall[];
  /** Files it wrote (pages, their twins, pages 2 and on of paginated indexes), relative to its folder. */
  files: string[];
  /** Pages its search index holds. */
  searchPages: number;
  /** The files of its search bundle (under `pagefind/`) and their sizes: the merge publishes them as they are. */
  searchFiles: Array<[file: string, size: number]>;
  /**
   * Pages it handed the index that mark their text with `data-pagefind-body`. Pagefind indexes only such pages when
   * it meets one, and every page in full when it meets none: a shard without one indexed pages a whole site would not.
   */
  searchBodyPages: number;
}

/**
 * Written as JSON with every string that repeats (links of the sidebar, ids, include paths) kept once in a table
 * and referred to by number: a page's facts are mostly its layout's links, the same on every page of an element.
 */
export function writeManifest(dir: string, manifest: ShardManifest): number {
  const table = new StringTable();
  const encoded = {
    format: FORMAT,
    ...manifest,
    pages: manifest.pages.map(({ position, page, summary, heading, twin, breadcrumbs }) => ({
      position,
      summary,
      heading,
      twin,
      breadcrumbs: breadcrumbs === undefined ? undefined : table.ref(breadcrumbs),
      file: page.file,
      url: page.url,
      outputPath: page.outputPath,
      dependencies: page.dependencies.map(table.ref),
      facts: page.facts && {
        ids: page.facts.ids.map(table.ref),
        urls: page.facts.urls.map(table.ref),
        kinds: page.facts.kinds,
        origins: encodeOrigins(page.facts.origins, table.ref),
      },
    })),
    strings: table.strings,
  };
  const text = JSON.stringify(encoded);
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), text);
  return Buffer.byteLength(text);
}

/** Reads a shard's manifest; throws a ShardRefusal naming the folder when there is none or it is not ours. */
export function readManifest(dir: string): ShardManifest {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, MANIFEST_FILE), "utf8");
  } catch {
    throw new ShardRefusal(`${dir} is not a shard: it has no ${MANIFEST_FILE}.`, "Build each shard with `npm run build -- --shard K/N --out DIR` and merge those folders.");
  }
  let raw: EncodedManifest;
  try {
    raw = JSON.parse(text) as EncodedManifest;
  } catch {
    throw new ShardRefusal(`${path.join(dir, MANIFEST_FILE)} is damaged (not JSON).`, "Build that shard again.");
  }
  if (typeof raw !== "object" || raw === null || raw.format !== FORMAT || !Array.isArray(raw.strings) || !Array.isArray(raw.pages)) {
    throw new ShardRefusal(`${path.join(dir, MANIFEST_FILE)} was written by another version of Element Guides.`, "Build every shard and the merge with the same version.");
  }
  const damage = damageOf(raw);
  if (damage) throw new ShardRefusal(`${path.join(dir, MANIFEST_FILE)} is damaged (${damage}).`, "Build that shard again.");
  const at = (index: number) => raw.strings[index];
  return {
    identity: raw.identity,
    shard: raw.shard,
    diagnostics: raw.diagnostics,
    shortfalls: raw.shortfalls,
    files: raw.files,
    searchPages: raw.searchPages,
    searchFiles: raw.searchFiles,
    searchBodyPages: raw.searchBodyPages,
    positions: raw.positions,
    twins: raw.twins,
    site: raw.site,
    pages: raw.pages.map((entry) => ({
      position: entry.position,
      summary: entry.summary,
      heading: entry.heading,
      twin: entry.twin,
      breadcrumbs: entry.breadcrumbs === undefined ? undefined : at(entry.breadcrumbs),
      page: {
        file: entry.file,
        url: entry.url,
        outputPath: entry.outputPath,
        html: "",
        dependencies: entry.dependencies.map(at),
        facts: entry.facts && { ids: entry.facts.ids.map(at), urls: entry.facts.urls.map(at), kinds: entry.facts.kinds, origins: decodeOrigins(entry.facts.origins, at) },
      },
    })),
  };
}

/**
 * What is wrong with a manifest of our format that was edited or cut short by other hands, or undefined: the merge
 * would otherwise stop on it with a stack trace, or move files from outside the shard folder (`../`) into the site.
 */
function damageOf(raw: EncodedManifest): string | undefined {
  const { identity, shard } = raw;
  if (typeof identity !== "object" || identity === null || typeof identity.generator !== "string" || typeof identity.tree !== "string" || typeof identity.baseurl !== "string") {
    return "no identity of its build";
  }
  if (typeof shard !== "object" || shard === null || !Number.isSafeInteger(shard.index) || !Number.isSafeInteger(shard.count) || shard.index < 1 || shard.index > shard.count) {
    return "no shard number K/N";
  }
  if (!Array.isArray(raw.diagnostics) || !Array.isArray(raw.shortfalls) || !Array.isArray(raw.files)) return "lists missing";
  if (shard.index === 1 && (typeof raw.site !== "object" || raw.site === null)) return "no share of the site";
  const outside = raw.files.find((file) => !isPathInside(file));
  if (outside !== undefined) return `a file outside the shard: ${JSON.stringify(outside)}`;
  // Every list it holds, to the last entry: the merge would stop on a damaged one with a stack trace, or publish it.
  const lists = listDamage(raw);
  if (lists !== undefined) return `${lists} is not what a shard writes`;
  const strings = raw.strings.length;
  const isRef = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < strings;
  const bad = raw.pages.find(
    (entry) =>
      typeof entry !== "object" ||
      entry === null ||
      !Number.isSafeInteger(entry.position) ||
      (entry.breadcrumbs !== undefined && !isRef(entry.breadcrumbs)) ||
      typeof entry.file !== "string" ||
      typeof entry.url !== "string" ||
      !isPathInside(entry.outputPath) ||
      !Array.isArray(entry.dependencies) ||
      !entry.dependencies.every(isRef) ||
      (entry.facts != null &&
        (!Array.isArray(entry.facts.ids) ||
          !Array.isArray(entry.facts.urls) ||
          !entry.facts.ids.every(isRef) ||
          !entry.facts.urls.every(isRef) ||
          !Array.isArray(entry.facts.origins) ||
          !entry.facts.origins.every((origin) => Array.isArray(origin) && Number.isSafeInteger(origin[0]) && isRef(origin[1])))),
  );
  return bad === undefined ? undefined : "a page entry that is not complete";
}

/** A shard the merge will not take, with what to do about it. */
export class ShardRefusal extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "ShardRefusal";
  }
}

interface EncodedManifest extends Omit<ShardManifest, "pages"> {
  format: number;
  strings: string[];
  pages: Array<{
    position: number;
    summary?: string;
    heading?: string;
    twin?: string;
    breadcrumbs?: number;
    file: string;
    url: string;
    outputPath: string;
    dependencies: number[];
    facts?: { ids: number[]; urls: number[]; kinds: string; origins: EncodedOrigin[] };
  }>;
}

/**
 * Where a link was written, as `[link number, file, line, column, include chain]` with the file in the string table:
 * the same file named in an object per link was 45% of a manifest (4.4 of 9.8 MB, a shard of 5,000 pages).
 */
type EncodedOrigin = [link: number, file: number, line: number | null, column: number | null, chain?: string[]];

function encodeOrigins(origins: PageFacts["origins"], ref: (text: string) => number): EncodedOrigin[] {
  return Object.entries(origins).map(([link, { file, line, column, chain }]) => {
    const encoded: EncodedOrigin = [Number(link), ref(file), line ?? null, column ?? null];
    if (chain) encoded.push(chain);
    return encoded;
  });
}

function decodeOrigins(encoded: readonly EncodedOrigin[], at: (index: number) => string): PageFacts["origins"] {
  const origins: PageFacts["origins"] = {};
  for (const [link, file, line, column, chain] of encoded) {
    const origin: PageFacts["origins"][number] = { file: at(file) };
    if (line !== null) origin.line = line;
    if (column !== null) origin.column = column;
    if (chain) origin.chain = chain;
    origins[link] = origin;
  }
  return origins;
}

class StringTable {
  readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();
  ref = (text: string): number => {
    let number = this.numbers.get(text);
    if (number === undefined) {
      number = this.strings.push(text) - 1;
      this.numbers.set(text, number);
    }
    return number;
  };
}
