import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The installed versions of the packages whose code decides the highlighted HTML: Shiki (its grammars and
 * themes are pinned to its version) and the two it takes by a version range, the TextMate tokenizer and the
 * regex translator of the JavaScript engine. A lockfile update can move those two without moving Shiki.
 */
export function highlightingPackageVersions(): Record<string, string> {
  const shiki = installedPackage("shiki", import.meta.dirname);
  const core = installedPackage("@shikijs/core", shiki.dir);
  const engine = installedPackage("@shikijs/engine-javascript", shiki.dir);
  return {
    shiki: shiki.version,
    "@shikijs/vscode-textmate": installedPackage("@shikijs/vscode-textmate", core.dir).version,
    "oniguruma-to-es": installedPackage("oniguruma-to-es", engine.dir).version,
  };
}

interface InstalledPackage {
  dir: string;
  version: string;
}

/** The package `name` as Node resolves it from the folder `from`; read from its package.json, which it may not export. */
function installedPackage(name: string, from: string): InstalledPackage {
  const entry = createRequire(path.join(from, "noop.js")).resolve(name);
  for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest)) continue;
    const { name: found, version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (found === name && version) return { dir, version };
  }
  throw new Error(`Cannot find the package.json of ${name} above ${entry}`);
}
