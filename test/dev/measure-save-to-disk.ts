// Measures the live preview on a generated portal: time from saving one page to its new HTML on disk.
// Not part of `npm test` (no timed assertions there). Run: node --import tsx test/dev/measure-save-to-disk.ts [pages]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCorpus } from "../../bench/generate-corpus.ts";
import { PreviewProcess, waitFor } from "./preview-process.ts";

const pageCount = Number(process.argv[2] ?? 1500);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-preview-bench-"));
const tree = path.join(root, "src");
const out = path.join(root, "_site");
generateCorpus(tree, { pages: pageCount });

const started = performance.now();
const preview = await PreviewProcess.start(tree, { out });
process.stdout.write(`${pageCount} pages: preview up in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);

async function saveAndWait(sourceRel: string, outputRel: string, edit: (text: string, marker: string) => string, marker: string) {
  const source = path.join(tree, sourceRel);
  const output = path.join(out, outputRel);
  const text = fs.readFileSync(source, "utf8");
  const t0 = performance.now();
  fs.writeFileSync(source, edit(text, marker));
  await waitFor(
    `${outputRel} to contain ${marker}`,
    () => {
      try {
        return fs.readFileSync(output, "utf8").includes(marker) ? true : undefined;
      } catch {
        return undefined;
      }
    },
    60_000,
    2,
  );
  return performance.now() - t0;
}

try {
  const page = "docs/elements/element-00042/events.md";
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const ms = await saveAndWait(page, page.replace(/\.md$/, ".html"), (t, m) => `${t}\nEdited ${m}.\n`, `marker${i}x${Date.now()}`);
    times.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    `save one page -> new HTML on disk: median ${times[5].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[9].toFixed(0)} ms\n`,
  );
  const include = await saveAndWait(
    "_includes/bench/summary.md",
    "docs/elements/element-00100/index.html",
    (t, m) => `${t}\n${m}\n`,
    `inc${Date.now()}`,
  );
  process.stdout.write(`save an include every page uses -> a page's new HTML on disk: ${include.toFixed(0)} ms\n`);
  const summary = preview.stdout.split("\n").filter((line) => line.startsWith("Preview:"));
  process.stdout.write(summary.slice(-3).join("\n") + "\n");
} catch (error) {
  process.stdout.write(preview.stdout.split("\n").filter((l) => !l.startsWith("Preview writes")).slice(-15).join("\n") + "\n" + preview.stderr.slice(-2000));
  throw error;
} finally {
  await preview.stop();
  fs.rmSync(root, { recursive: true, force: true });
}
