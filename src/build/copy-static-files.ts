import fs from "node:fs/promises";
import path from "node:path";
import type { StaticFile } from "../render/static-files.ts";
import { isInTheWay, makeWay } from "./make-way.ts";
import { copyMinifiedAsset } from "./minified-assets.ts";

/** Copies assets (ours minified) and files under docs/ into the output, skipping those already there unchanged. */
export async function copyStaticFiles(files: readonly StaticFile[], outputDir: string): Promise<void> {
  await Promise.all(
    files.map(async ({ from, to }) => {
      const target = path.join(outputDir, to);
      if (await copyMinifiedAsset(from, target)) return;
      const [source, existing] = await Promise.all([fs.stat(from), fs.stat(target).catch(() => undefined)]);
      if (existing?.isFile() && existing.size === source.size && existing.mtimeMs >= source.mtimeMs) return;
      try {
        await copy(from, target);
      } catch (error) {
        // The preview's output may hold a folder where the file goes now, or a file where its folder goes.
        if (!isInTheWay(error)) throw error;
        makeWay(outputDir, target);
        await copy(from, target);
      }
    }),
  );
}

async function copy(from: string, target: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.copyFile(from, target);
}
