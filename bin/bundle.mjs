// Bundles the generator's TypeScript into .cache/bundle/<hash>/ with esbuild: the one way its commands run.
// Measured against running the sources through tsx (issue 12): a one-page check took 1.0-1.4 s of CPU instead
// of 2.2-2.5 s, a 1,500-page build 7-9.6 s instead of 8.3-10.1 s, with 40-70 MiB less peak memory, because
// tsx's loader resolves and loads every module through hooks on another thread, and every render thread
// pays that again.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Commands (bin/element-guides.mjs <name>), threads and Eleventy's configuration: each a bundle entry. */
export const ENTRIES = {
  build: "src/cli/build.ts",
  check: "src/cli/check.ts",
  serve: "src/cli/serve.ts",
  "dev-server": "src/cli/dev-server.ts",
  "new-element": "src/cli/new-element.ts",
  "new-page": "src/cli/new-page.ts",
  references: "src/cli/references.ts",
  bench: "bench/run.ts",
  "bench-floor": "bench/floor.ts",
  "bench-openapi": "bench/openapi.ts",
  "render-worker": "src/render/render-worker.ts",
  "eleventy.config": ".eleventy.ts",
};

/** The folder of a bundle matching the current sources, building it first when there is none. */
export async function ensureBundle() {
  const dir = path.join(root, ".cache/bundle", sourceFingerprint());
  if (fs.existsSync(dir)) return dir;
  // Several builds may start at once (tests do): each writes its own folder and renames it into place.
  const staging = `${dir}.tmp-${process.pid}`;
  // Made first, so that a folder that cannot be written fails once, here, not once per file in esbuild's report:
  // the staging folder itself too, as .cache/bundle/ may be there already and read-only.
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.rmSync(staging, { recursive: true, force: true }); // left by a killed process that had this pid
  fs.mkdirSync(staging);
  // Imported only to build: loading esbuild costs 0.17 s of CPU, which a command run from a current bundle saves.
  const { build, stop } = await import("esbuild");
  try {
    await build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      // A package's ES module build where it has one (liquidjs): its CommonJS build, esbuild's default on Node, is
      // reached through a getter per use of each name it exports, a visible share of render time for liquidjs.
      mainFields: ["module", "main"],
      // Packages are bundled in, but for those that find files of their own beside their code (Eleventy's dev
      // server its client script, Pagefind and esbuild their binaries), Sass (6 MB, loaded only for a tree with Sass
      // files) and the test tools. Loading the packages
      // module by module cost the preview 0.44 s of CPU before its first page (6 paired runs on 1,500
      // pages: 1.83 -> 1.39 s); a bundled build or check starts that much sooner too.
      external: ["@11ty/*", "esbuild", "pagefind", "playwright-core", "sass", "tsx", "vitest"],
      // CommonJS packages bundled into ESM still call require() (for Node's own modules, or lazily).
      banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
      outdir: staging,
      outExtension: { ".js": ".mjs" },
      logLevel: "warning",
    });
  } finally {
    // esbuild's service process otherwise lives on beside the command it built for: 216 MiB through a whole build.
    await stop();
  }
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    if (!fs.existsSync(dir)) throw error;
    fs.rmSync(staging, { recursive: true, force: true }); // another process finished the same bundle first
  }
  removeOldBundles(path.dirname(dir), path.basename(dir));
  return dir;
}

/** A hash of every source file's path, size and modification time: cheap, and changes with any edit. */
function sourceFingerprint() {
  const hash = crypto.createHash("sha256");
  const files = [".eleventy.ts", "package-lock.json", "bin/bundle.mjs"];
  for (const folder of ["src", "bench"]) {
    for (const entry of fs.readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
    }
  }
  for (const file of files.sort()) {
    const stat = fs.statSync(path.join(root, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

/** Keeps the current bundle and the two newest others (a build still running may use one). */
function removeOldBundles(parent, keep) {
  const others = fs
    .readdirSync(parent)
    .filter((name) => name !== keep && !name.includes(".tmp-"))
    .map((name) => ({ name, time: fs.statSync(path.join(parent, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of others.slice(2)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
}
