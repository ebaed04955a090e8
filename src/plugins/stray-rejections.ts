import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { pluginFailure } from "./plugin-failure.ts";

/** Rejections no code handled, as problems, since `catchStrayRejections` was called; taken by `takeStrayRejections`. */
const caught: Diagnostic[] = [];
let catching = false;

/**
 * A promise rejected and never awaited (a tree's `_plugins/*.mjs` calling an async function without `await`) ends
 * Node with a stack trace. Caught here instead, as a plugin-error at the plugin file its stack names (one that names
 * none is a bug of ours, an internal-error): the build then fails as for any error, its site left as it was and its staging folder removed; the
 * live preview shows it and goes on.
 */
export function catchStrayRejections(sourceDir: string, onCaught?: (diagnostic: Diagnostic) => void): void {
  if (catching) return;
  catching = true;
  process.on("unhandledRejection", (reason) => {
    // A value that is no Error carries no stack: only a plugin rejects with one (our code throws Errors).
    const plugin = pluginFileOf(reason, sourceDir) ?? (reason instanceof Error ? undefined : "_plugins");
    const diagnostic: Diagnostic = plugin
      ? {
          ...pluginFailure(plugin, "rejected a promise that nothing awaited", reason),
          hint: "await the promise in the plugin, or give it a .catch(): a failure that nothing waits for would be lost.",
        }
      : {
          file: "_config.yml",
          severity: "error",
          code: "internal-error",
          message: `Element Guides itself failed: a promise was rejected and nothing handled it (${reason instanceof Error ? reason.message : String(reason)})`,
          hint: "This is a bug in Element Guides, not in the site: please report it with this message.",
        };
    caught.push(diagnostic);
    onCaught?.(diagnostic);
  });
}

/** The problems caught since the last call. */
export function takeStrayRejections(): Diagnostic[] {
  return caught.splice(0);
}

/** The tree's plugin file the error's stack passes through, relative to the tree; undefined when none is on it. */
function pluginFileOf(reason: unknown, sourceDir: string): string | undefined {
  const stack = reason instanceof Error ? (reason.stack ?? "") : "";
  const folder = path.join(sourceDir, "_plugins") + path.sep;
  const asUrl = stack.indexOf(`file://${folder}`);
  const at = asUrl !== -1 ? asUrl + "file://".length : stack.indexOf(folder);
  if (at === -1) return undefined;
  const file = /^[^:?)\s]+/.exec(stack.slice(at))?.[0] ?? folder;
  return path.relative(sourceDir, file).split(path.sep).join("/");
}
