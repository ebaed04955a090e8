// A file of the tree that is there but cannot be read (src/content/read-text.ts) is a problem the writer is told
// about, at the file, with what to do; not a crash of the build or the preview.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readText } from "../../../src/content/read-text.ts";
import { DiagnosticError } from "../../../src/diagnostics/diagnostic.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** What readText throws when reading `file` fails with the system error `code`. */
function failureFor(code: string): unknown {
  vi.spyOn(fs, "readFileSync").mockImplementation(() => {
    throw Object.assign(new Error(`${code}: refused`), { code });
  });
  try {
    readText("/tree/docs/events.md", "docs/events.md");
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("reading a file of the tree", () => {
  it("reports a file it may not read as file-unreadable, with the reason and what to do", () => {
    const error = failureFor("EACCES");
    expect(error).toBeInstanceOf(DiagnosticError);
    const { diagnostic } = error as DiagnosticError;
    expect(diagnostic).toMatchObject({ file: "docs/events.md", severity: "error", code: "file-unreadable" });
    expect(diagnostic.message).toContain("EACCES");
    expect(diagnostic.hint).toContain("chmod");
  });

  it("reports a path too long with a hint to shorten it", () => {
    const { diagnostic } = failureFor("ENAMETOOLONG") as DiagnosticError;
    expect(diagnostic.code).toBe("file-unreadable");
    expect(diagnostic.hint).toContain("Shorten");
  });

  it("leaves a file that is not there to the caller, as before (a page deleted meanwhile)", () => {
    const error = failureFor("ENOENT");
    expect(error).not.toBeInstanceOf(DiagnosticError);
    expect((error as NodeJS.ErrnoException).code).toBe("ENOENT");
  });

  it("reads a readable file as it is", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-read-text-"));
    try {
      fs.writeFileSync(path.join(dir, "page.md"), "\uFEFF# Title\n");
      expect(readText(path.join(dir, "page.md"), "page.md")).toBe("# Title\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
