import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The preview's output folder: writes a file only when its content changed, so that a save writes (and reloads)
 * only what it really changed. Keeps a digest per file rather than the HTML, so that memory stays small.
 */
export class OutputFiles {
  private readonly digests = new Map<string, string>();
  /** Files written since the last `takeWritten()`. */
  private written: string[] = [];

  constructor(readonly dir: string) {}

  /** Writes `content` at `outputPath` unless the same is already there; true when it wrote. */
  write(outputPath: string, content: string): boolean {
    const digest = crypto.createHash("sha1").update(content).digest("base64");
    if (this.digests.get(outputPath) === digest) return false;
    const file = path.join(this.dir, outputPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    this.digests.set(outputPath, digest);
    this.written.push(outputPath);
    return true;
  }

  has(outputPath: string): boolean {
    return this.digests.has(outputPath);
  }

  /** Deletes every file written earlier that is not in `keep`; returns their paths. */
  removeAllBut(keep: ReadonlySet<string>): string[] {
    const gone = [...this.digests.keys()].filter((outputPath) => !keep.has(outputPath));
    for (const outputPath of gone) {
      fs.rmSync(path.join(this.dir, outputPath), { force: true });
      this.digests.delete(outputPath);
    }
    return gone;
  }

  /** What was written since the last call, in order. */
  takeWritten(): string[] {
    const written = this.written;
    this.written = [];
    return written;
  }
}
