import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isInTheWay, makeWay } from "../build/make-way.ts";

/**
 * The preview's output folder: writes a file only when its content changed, so that a save writes (and reloads)
 * only what it really changed. Keeps a digest per file rather than its content, so that memory stays small.
 */
export class OutputFiles {
  private readonly digests = new Map<string, string>();

  constructor(readonly dir: string) {}

  /** Writes `content` at `outputPath` unless the same is already there; true when it wrote. */
  write(outputPath: string, content: string): boolean {
    const digest = crypto.createHash("sha1").update(content).digest("base64");
    if (this.digests.get(outputPath) === digest) return false;
    const file = path.join(this.dir, outputPath);
    try {
      writeFile(file, content);
    } catch (error) {
      if (!isInTheWay(error)) throw error;
      // A folder of pages is a file now, or the other way round: the old output goes, and what was in it.
      for (const gone of makeWay(this.dir, file)) {
        for (const written of [...this.digests.keys()]) if (written === gone || written.startsWith(`${gone}/`)) this.digests.delete(written);
      }
      writeFile(file, content);
    }
    this.digests.set(outputPath, digest);
    return true;
  }

  /** Deletes every file written earlier that is not in `keep`. */
  removeAllBut(keep: ReadonlySet<string>): void {
    for (const outputPath of [...this.digests.keys()]) if (!keep.has(outputPath)) this.remove(outputPath);
  }

  /** Deletes the file written at `outputPath`, if it is there. */
  remove(outputPath: string): void {
    try {
      fs.rmSync(path.join(this.dir, outputPath), { force: true });
    } catch (error) {
      // Gone with its folder, which is a file now: nothing left to remove.
      if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
    }
    this.digests.delete(outputPath);
  }
}

function writeFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}
