import crypto from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { GENERATOR_ROOT } from "../paths.ts";

const THEME_ASSETS = path.join(GENERATOR_ROOT, "assets") + path.sep;
const LOADERS = { ".css": "css", ".js": "js" } as const;
const CACHE_DIR = path.join(GENERATOR_ROOT, ".cache", "minified");
// Part of each cache key, so that another esbuild (whose output may differ) never reuses an older one's files.
const ESBUILD_VERSION: string = createRequire(import.meta.url)("esbuild/package.json").version;

/**
 * Writes our theme's stylesheet or script `from` to `target` minified (readers download a third less on every
 * page; assets/ keeps the readable source). False, with nothing written, for any other file: a tree's own CSS
 * and JavaScript are copied as their writers wrote them.
 */
export async function copyMinifiedAsset(from: string, target: string): Promise<boolean> {
  const loader = LOADERS[path.extname(from) as keyof typeof LOADERS];
  if (!loader || !from.startsWith(THEME_ASSETS)) return false;
  const minified = await minify(await fs.readFile(from), loader);
  const existing = await fs.readFile(target).catch(() => undefined);
  if (existing?.equals(minified)) return true;
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, minified);
  return true;
}

/**
 * esbuild's minified output, which depends only on the source and esbuild's version; kept in `.cache/minified/`
 * under a hash of both, so that a build whose assets did not change does not load esbuild (0.5 s).
 */
async function minify(source: Buffer, loader: "css" | "js"): Promise<Buffer> {
  const key = crypto.createHash("sha256").update(`${ESBUILD_VERSION}\0${loader}\0`).update(source).digest("hex");
  const cached = path.join(CACHE_DIR, `${key.slice(0, 32)}.${loader}`);
  const hit = await fs.readFile(cached).catch(() => undefined);
  if (hit) return hit;
  const { transform } = await import("esbuild");
  const minified = Buffer.from((await transform(source.toString("utf8"), { loader, minify: true })).code);
  await keep(cached, minified);
  return minified;
}

/** Written under a temporary name and renamed, so that a build running beside this one never reads half a file. */
async function keep(file: string, content: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, file);
  } catch {
    // A generator folder we may not write to only costs the next build another minification.
    await fs.rm(temporary, { force: true });
  }
}
