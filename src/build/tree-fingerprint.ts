import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteConfig } from "../config/site-config.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { ElementReferences } from "../openapi/element-references.ts";
import { GENERATOR_ROOT, lookupDirs, RUNNING_BUNDLED } from "../paths.ts";
import type { ShardIdentity } from "../render/site-build.ts";

/**
 * What a shard and the merge must agree on: the same generator, commit and inputs. The digest covers what pages are
 * rendered from: every page's front matter and body, the site configuration with its data files, the includes,
 * layouts and plugins, API descriptions, include_relative fragments, static files and our assets (pages link them
 * with a digest of their bytes), `--base`.
 */
export function shardIdentity(
  sourceDir: string,
  site: SiteConfig,
  pages: readonly SourcePage[],
  references: ElementReferences,
  files: { staticFiles: readonly string[]; fragments: readonly string[] },
): ShardIdentity {
  const { hash, add } = digest();
  // site.time is when, not what: it is compared apart (`clock`), where every checkout reads the same one.
  const { time: _time, ...config } = site;
  add("config", stableJson(config));
  for (const page of pages) {
    add("page", page.file);
    add("data", stableJson(page.data));
    add("body", page.body);
  }
  addTemplates(add, sourceDir, ["_includes", "_layouts", "_plugins"]);
  for (const reference of references.values()) add(reference.file, fs.readFileSync(path.join(sourceDir, reference.file)));
  // Fragments are pages' text (include_relative); static files and our assets are linked with a digest of their bytes.
  for (const file of files.fragments) add(file, fs.readFileSync(path.join(sourceDir, file)));
  for (const file of files.staticFiles) addStatic(add, file, path.join(sourceDir, file));
  for (const file of filesUnder(path.join(GENERATOR_ROOT, "assets"))) addStatic(add, path.relative(GENERATOR_ROOT, file), file);
  const commit = gitCommit(sourceDir);
  return { generator: generatorIdentity(), commit, tree: hash.digest("hex"), baseurl: site.baseurl, settings: settingsDigest(sourceDir, site.baseurl), clock: clockOf(site, commit) };
}

/** The time zone dates print in, and `site.time` where every checkout of the commit reads the same one. */
function clockOf(site: SiteConfig, commit: string | undefined): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const fixed = process.env.SOURCE_DATE_EPOCH?.trim() || commit !== undefined;
  return fixed && site.time instanceof Date ? `${site.time.toISOString()} ${zone}` : zone;
}

/**
 * Digest of what the merge itself reads of its checkout: _config.yml and _data (base path, hubs), and the templates
 * (which page keys they read). A few files, where the tree's digest reads every page.
 */
function settingsDigest(sourceDir: string, baseurl: string): string {
  const { hash, add } = digest();
  add("baseurl", baseurl);
  const config = path.join(sourceDir, "_config.yml");
  add("_config.yml", fs.existsSync(config) ? fs.readFileSync(config) : "");
  for (const file of filesUnder(path.join(sourceDir, "_data"))) add(`_data/${path.relative(path.join(sourceDir, "_data"), file).split(path.sep).join("/")}`, fs.readFileSync(file));
  addTemplates(add, sourceDir, ["_includes", "_layouts"]);
  return hash.digest("hex");
}

type AddToDigest = (label: string, text: string | Buffer) => void;

/** A sha256 digest fed labelled pieces, each with its length, so that two pieces never read as one. */
function digest(): { hash: ReturnType<typeof createHash>; add: AddToDigest } {
  const hash = createHash("sha256");
  return { hash, add: (label, text) => void hash.update(`${label}\0${text.length}\0`).update(text) };
}

/**
 * Every file of these folders, the tree's and ours, named within its folder (the tree's first, then ours): not by
 * where the checkout is, which a CI job may move.
 */
function addTemplates(add: AddToDigest, sourceDir: string, folders: readonly string[]): void {
  for (const folder of folders) {
    lookupDirs(sourceDir, folder).forEach((dir, i) => {
      for (const file of filesUnder(dir)) add(`${i}:${folder}/${path.relative(dir, file).split(path.sep).join("/")}`, fs.readFileSync(file));
    });
  }
}

/**
 * What a merge checks of its own checkout: the generator, the commit, the base path and what it reads there
 * (`settings`); it reads no page of the tree.
 */
export function checkoutIdentity(sourceDir: string, baseurl: string): Omit<ShardIdentity, "tree" | "clock"> {
  return { generator: generatorIdentity(), commit: gitCommit(sourceDir), baseurl, settings: settingsDigest(sourceDir, baseurl) };
}

/** Files of up to a megabyte by their bytes; bigger ones (images, downloads) by their size, to keep the digest quick. */
function addStatic(add: AddToDigest, label: string, file: string): void {
  const size = fs.statSync(file).size;
  add(label, size <= 1 << 20 ? fs.readFileSync(file) : `size ${size}`);
}

/**
 * The version, and a digest of the code that runs: every file of the bundle (its folder's name changes with file
 * times, which differ between two checkouts of one commit), so that two builds of one version but other code differ.
 */
function generatorIdentity(): string {
  const version = (JSON.parse(fs.readFileSync(path.join(GENERATOR_ROOT, "package.json"), "utf8")) as { version: string }).version;
  if (!RUNNING_BUNDLED) return `${version} (sources)`;
  const hash = createHash("sha256");
  for (const file of filesUnder(path.dirname(fileURLToPath(import.meta.url)))) hash.update(path.basename(file)).update(fs.readFileSync(file));
  return `${version} (${hash.digest("hex").slice(0, 12)})`;
}

function gitCommit(sourceDir: string): string | undefined {
  const result = spawnSync("git", ["rev-parse", "HEAD"], { cwd: sourceDir, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** JSON with object keys sorted, so that the same values give the same text; values JSON cannot hold are named. */
function stableJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "function") return `[function]`;
    if (typeof v === "bigint") return v.toString();
    if (v === null || typeof v !== "object" || v instanceof Date) return v;
    if (seen.has(v)) return "[seen]";
    seen.add(v);
    if (Array.isArray(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map((key) => [key, (v as Record<string, unknown>)[key]]));
  });
}
