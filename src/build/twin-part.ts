import fs from "node:fs";
import path from "node:path";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteOutput } from "../render/site-output.ts";

/** The file of a shard's folder that holds its pages' Markdown twins one after another. */
export const TWIN_PART_FILE = "element-guides-twins.md";

/** Where each twin is in a shard's TWIN_PART_FILE: its output path, byte offset and length. */
export type TwinRanges = Array<[twin: string, offset: number, length: number]>;

/**
 * A shard's Markdown twins, also written one after another into one file as they are made: the merge builds
 * llms-full.txt from one file per shard instead of reading every twin of the site (0.9 s of its 6 s at 20,000 pages).
 */
export class TwinPart {
  private readonly fd: number;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private offset = 0;
  private readonly ranges: TwinRanges = [];
  private readonly kept = new Set<string>();

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.fd = fs.openSync(path.join(dir, TWIN_PART_FILE), "w");
  }

  /** `twin` (src/agents/agent-files.ts), keeping each twin it makes. */
  keeping(twin: (page: RenderedPage) => SiteOutput | undefined): (page: RenderedPage) => SiteOutput | undefined {
    return (page) => {
      const made = twin(page);
      if (made) this.add(made);
      return made;
    };
  }

  /** Keeps the twins left to the final write (those the stream did not write), closes the file, and says where each is. */
  finish(twins: readonly SiteOutput[]): TwinRanges {
    for (const twin of twins) if (twin.html && !this.kept.has(twin.outputPath)) this.add(twin);
    this.flush();
    fs.closeSync(this.fd);
    return this.ranges;
  }

  private add(twin: SiteOutput): void {
    const bytes = Buffer.from(twin.html);
    this.ranges.push([twin.outputPath, this.offset, bytes.length]);
    this.kept.add(twin.outputPath);
    this.offset += bytes.length;
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    if (this.heldBytes >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.heldBytes) fs.writeSync(this.fd, Buffer.concat(this.held, this.heldBytes));
    this.held = [];
    this.heldBytes = 0;
  }
}
