import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { pluginFailure } from "./plugin-failure.ts";

/** Rejections no code handled, as problems, since `catchStrayRejections` was called; taken by `takeStrayRejections`. */
const caught: Diagnostic[] = [];
let catching = false;

/**
 * A promise rejected and never awaited (a tree's `_plugins/*.mjs` calling an async function without `await`) ends
 * Node with a stack trace. Caught here instead, as a plugin-error at the plugin file its stack names (else at
 * `_plugins/`): the build then fails as for any error, its site left as it was and its staging folder removed; the
 * live preview shows it and goes on.
 */
export function catchStrayRejections(sourceDir: string, onCaught?: (diagnostic: Diagnostic) => void): void {
  if (catching) return;
  catching = true;
  process.on("unhandledRejection", (reason) => {
    const diagnostic: Diagnostic = {
      ...pluginFailure(pluginFileOf(reason, sourceDir), "rejected a promise that nothing awaited", reason),
      hint: "await the promise in the plugin, or give it a .catch(): a failure that nothing waits for would be lost.",
    };
    caught.push(diagnostic);
    onCaught?.(diagnostic);
  });
}

/** The problems caught since the last call. */
export function takeStrayRejections(): Diagnostic[] {
  return caught.splice(0);
}

/** The tree's plugin file the error's stack passes through, relative to the tree. */
function pluginFileOf(reason: unknown, sourceDir: string): string {
  const stack = reason instanceof Error ? (reason.stack ?? "") : "";
  const folder = path.join(sourceDir, "_plugins") + path.sep;
  const at = stack.indexOf(`file://${folder}`) !== -1 ? stack.indexOf(`file://${folder}`) + 7 : stack.indexOf(folder);
  if (at === -1) return "_plugins";
  const file = /^[^:?)\s]+/.exec(stack.slice(at))?.[0] ?? folder;
  return path.relative(sourceDir, file).split(path.sep).join("/");
}
