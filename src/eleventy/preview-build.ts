import fs from "node:fs/promises";
import path from "node:path";
import { printDiagnostics } from "../diagnostics/print-diagnostics.ts";
import { DevSession, type DevBuildResult } from "../dev/dev-session.ts";
import type { PluginOptions } from "./plugin-options.ts";

export type PreviewBuild = DevBuildResult;

// Kept per source tree outside the plugin's closure: Eleventy calls the plugin again when it resets its config.
const sessions = new Map<string, DevSession>();

/**
 * One live-preview build: re-renders what `changedFiles` affect (everything when undefined), prints the site's
 * problems to stderr, deletes outputs that no longer exist, and returns the outputs Eleventy should write.
 * `ELEMENT_GUIDES_PREVIEW_LOG=files` first lists every file to write (the tests read it).
 */
export async function previewBuild(
  options: PluginOptions,
  changedFiles: readonly string[] | undefined,
  outputDir: string,
): Promise<PreviewBuild> {
  const key = path.resolve(options.sourceDir);
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = new DevSession({ sourceDir: options.sourceDir, baseurl: options.baseurl })));
  const started = performance.now();
  const result = await session.rebuild(changedFiles);
  if (result.diagnostics.items.length) printDiagnostics(result.diagnostics);
  await Promise.all(result.removed.map((file) => fs.rm(path.join(outputDir, file), { force: true })));
  const ms = Math.round(performance.now() - started);
  const what =
    result.kind === "failed"
      ? "the site did not build; every page shows the error"
      : `${result.kind === "full" ? "rendered all" : "re-rendered"} ${result.renderedCount} of ${result.pageCount} pages`;
  if (process.env.ELEMENT_GUIDES_PREVIEW_LOG === "files") {
    for (const output of result.changed) process.stdout.write(`Preview writes ${output.outputPath}\n`);
  }
  process.stdout.write(
    `Preview: ${what}; writing ${result.changed.length} ${result.changed.length === 1 ? "file" : "files"} (${ms} ms, checks ${session.checkMs} ms)\n`,
  );
  return result;
}
