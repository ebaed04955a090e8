import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { emptyRegistry, pluginApi, type PluginRegistry } from "./plugin-api.ts";
import { pluginFailure } from "./plugin-failure.ts";

export interface LoadedPlugins {
  registry: PluginRegistry;
  /** A plugin that did not import, has no default export, or threw: it adds nothing. */
  diagnostics: Diagnostic[];
}

/** One plugin file's contribution; kept per file version, so each thread imports and runs a version once. */
type FileResult = { registry: PluginRegistry; diagnostic?: Diagnostic };
const loaded = new Map<string, Promise<FileResult>>();

/**
 * Imports the tree's `_plugins/*.mjs` files (only those directly in the folder, in name order; `.rb` files are
 * never run) and calls each one's default export with the plugin API. The import URL carries a hash of the
 * file, so that the live preview picks up a saved plugin without restarting; files a plugin imports itself are
 * Node's to cache.
 */
export async function loadPlugins(sourceDir: string): Promise<LoadedPlugins> {
  const registry = emptyRegistry();
  const diagnostics: Diagnostic[] = [];
  for (const abs of pluginFiles(path.join(sourceDir, "_plugins"))) {
    const file = path.relative(sourceDir, abs).split(path.sep).join("/");
    const content = fs.readFileSync(abs);
    const url = `${pathToFileURL(abs).href}?v=${createHash("sha1").update(content).digest("hex").slice(0, 12)}`;
    let result = loaded.get(url);
    if (!result) loaded.set(url, (result = loadFile(url, file)));
    const { registry: own, diagnostic } = await result;
    registry.filters.push(...own.filters);
    registry.tags.push(...own.tags);
    registry.siteValues.push(...own.siteValues);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return { registry, diagnostics };
}

async function loadFile(url: string, file: string): Promise<FileResult> {
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    return { registry: emptyRegistry(), diagnostic: pluginFailure(file, "could not be loaded", error, fileURLToPath(url)) };
  }
  if (typeof module.default !== "function") {
    return {
      registry: emptyRegistry(),
      diagnostic: {
        file,
        severity: "error",
        code: "plugin-error",
        message: "The plugin has no default export function, so it adds nothing",
        hint: 'Write it as: export default function (plugin) { plugin.filter("name", (value) => …); } — see README \'Plugins\'.',
      },
    };
  }
  // What a plugin registered before it threw is dropped with it: half a plugin is harder to reason about.
  const registry = emptyRegistry();
  try {
    await (module.default as (api: unknown) => unknown)(pluginApi(file, registry));
  } catch (error) {
    return { registry: emptyRegistry(), diagnostic: pluginFailure(file, "failed", error) };
  }
  return { registry };
}

function pluginFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".mjs"))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((abs) => fs.statSync(abs, { throwIfNoEntry: false })?.isFile());
}
