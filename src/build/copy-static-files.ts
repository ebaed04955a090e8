import fs from "node:fs/promises";
import path from "node:path";
import type { StaticFile } from "../render/static-files.ts";
import { copyMinifiedAsset } from "./minified-assets.ts";

/** Copies assets (ours minified) and files under docs/ into the output, skipping those already there unchanged. */
export async function copyStaticFiles(files: readonly StaticFile[], outputDir: string): Promise<void> {
  await Promise.all(
    files.map(async ({ from, to }) => {
      const target = path.join(outputDir, to);
      if (await copyMinifiedAsset(from, target)) return;
      const [source, existing] = await Promise.all([fs.stat(from), fs.stat(target).catch(() => undefined)]);
      if (existing && existing.size === source.size && existing.mtimeMs >= source.mtimeMs) return;
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.copyFile(from, target);
    }),
  );
}
