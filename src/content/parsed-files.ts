import fs from "node:fs";
import path from "node:path";

/** A file's front matter and body as src/content/load-pages.ts parsed them; undefined for a fragment. */
export type ParsedFile = { data: Record<string, unknown>; body: string; keyLines: Record<string, number>; headerLines: number } | undefined;

/**
 * The live preview's parsed pages, by file: a save that loads the tree again (a new page, a changed data file)
 * parses again only the files changed since the last load, not all of them (75 of the 200 ms such a save took on
 * 1,500 pages). A file counts as changed when its size, inode or times differ, so a change the watcher missed is
 * read too. Parsed results are shared between loads: nothing changes a page's front matter after it is read.
 */
export class ParsedFiles {
  private readonly byFile = new Map<string, { stamp: string; parsed: ParsedFile }>();

  /** `earlier`: the last load's, whose entries this load takes over while their files are unchanged. */
  constructor(private earlier?: ParsedFiles) {}

  /** The parse of `file` (relative) at `absPath`: the one kept, while the file is unchanged, else `parse()`'s. */
  read(file: string, absPath: string, parse: () => ParsedFile): ParsedFile {
    // Stamped before it is read: a file changed in between is stamped as it was, so it is read again next time.
    const stamp = stampOf(absPath);
    if (stamp === undefined) return parse(); // reading it says what is wrong, as without this cache
    const kept = this.byFile.get(file) ?? this.earlier?.byFile.get(file);
    if (kept?.stamp === stamp) {
      this.byFile.set(file, kept);
      return kept.parsed;
    }
    const parsed = parse();
    this.byFile.set(file, { stamp, parsed });
    return parsed;
  }

  /**
   * The files (absolute paths under `sourceDir`) changed or gone since they were parsed: the live preview reads
   * them as saved when it made the site again without reading the tree (src/dev/preview-site.ts).
   */
  changed(sourceDir: string): string[] {
    const changed: string[] = [];
    for (const [file, { stamp }] of this.byFile) {
      const absPath = path.join(sourceDir, file);
      if (stampOf(absPath) !== stamp) changed.push(absPath);
    }
    return changed;
  }

  /** The load is done: files it did not read (deleted, or no page now) are let go. */
  loaded(): void {
    this.earlier = undefined;
  }
}

/** What tells a file's versions apart: its size, inode and times (ns); undefined when it cannot be read. */
function stampOf(absPath: string): string | undefined {
  try {
    const stat = fs.statSync(absPath, { bigint: true });
    return `${stat.size}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return undefined;
  }
}
