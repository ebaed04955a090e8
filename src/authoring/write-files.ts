import fs from "node:fs";
import path from "node:path";

export interface PlannedFile {
  /** File name inside the folder being written. */
  name: string;
  content: string;
}

/**
 * Writes a new folder so that it appears complete or not at all: the files go into a hidden sibling folder
 * (the build and the live preview skip names starting with "."), which is then renamed into place.
 */
export function writeFolderAtomically(dir: string, files: readonly PlannedFile[]): void {
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(dir)}-`));
  try {
    for (const file of files) fs.writeFileSync(path.join(staging, file.name), file.content, { flag: "wx" });
    if (fs.existsSync(dir)) throw new Error(`${dir} appeared while the element was being written; nothing was changed`);
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Writes one new file, refusing to replace an existing one even if it appeared a moment ago. */
export function writeNewFile(file: string, content: string): void {
  fs.writeFileSync(file, content, { flag: "wx" });
}
