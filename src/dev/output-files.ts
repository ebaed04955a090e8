import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

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
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    this.digests.set(outputPath, digest);
    return true;
  }

  /** Deletes every file written earlier that is not in `keep`. */
  removeAllBut(keep: ReadonlySet<string>): void {
    for (const outputPath of [...this.digests.keys()]) {
      if (keep.has(outputPath)) continue;
      fs.rmSync(path.join(this.dir, outputPath), { force: true });
      this.digests.delete(outputPath);
    }
  }
}
