import fs from "node:fs";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";

/** Refuses bytes that are not UTF-8 instead of turning them into U+FFFD; strips a leading BOM. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });
const BOM = 0xfeff;

/**
 * The text of a page, include, layout, data file or `_config.yml`. A file saved in another encoding (Latin-1,
 * Windows-1252) would otherwise publish `�` in place of every accented letter without a word.
 */
export function readText(absPath: string, displayName: string): string {
  // Read as a string in one call, without a Buffer per file (0.67 s of CPU instead of 0.78 s for 20,000 pages). Bytes
  // that are not UTF-8 always decode to U+FFFD there, so a text without one is the text; with one (a bad byte, or
  // a U+FFFD the writer typed), the bytes are read again and decoded strictly.
  const text = readFile(absPath, displayName);
  if (!text.includes("\uFFFD")) return text.charCodeAt(0) === BOM ? text.slice(1) : text;
  const bytes = fs.readFileSync(absPath);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new DiagnosticError(notUtf8(bytes, displayName));
  }
}

/** Errors of the system that say the file is there but cannot be read: the writer can mend each. */
const UNREADABLE = new Set(["EACCES", "EPERM", "EISDIR", "ENAMETOOLONG", "ELOOP"]);

function readFile(absPath: string, displayName: string): string {
  try {
    return fs.readFileSync(absPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A name that is not UTF-8 is listed with U+FFFD in place of its bad bytes: no file has that name.
    const badName = code === "ENOENT" && absPath.includes("\uFFFD");
    if (code === undefined || (!UNREADABLE.has(code) && !badName)) throw error;
    throw new DiagnosticError({
      file: displayName,
      severity: "error",
      code: "file-unreadable",
      message: badName ? "The file's name is not UTF-8 (shown here with \uFFFD), so it cannot be read and is left out" : `The file cannot be read (${code}), so it is left out`,
      hint: badName
        ? "Rename the file with a name in UTF-8 (a shell's `mv` with the name typed again does it)."
        : code === "ENAMETOOLONG"
          ? "Shorten the names of the folders on its path."
          : "Give the file read permission (chmod u+r), and its folders search permission (chmod u+x).",
    });
  }
}

function notUtf8(bytes: Uint8Array, file: string): DiagnosticError["diagnostic"] {
  const at = firstBadByte(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const column = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
  return {
    file,
    line,
    column,
    severity: "error",
    code: "text-encoding",
    message: `The file is not valid UTF-8: byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, "0")} here is not part of a UTF-8 character`,
    hint: "Save the file as UTF-8 (the text was probably saved as Latin-1 or Windows-1252) and check the letters around this spot.",
  };
}

/**
 * Offset of the byte where the text goes wrong. A streaming decode accepts a prefix that ends inside a character
 * and throws only on a real error, so "this prefix is fine" holds up to the byte it trips on: a binary search
 * finds it. The writer's stray byte is often the one before (Latin-1 `é` is 0xE9, which UTF-8 reads as the start
 * of a three-byte character that the next letter then breaks), so an unfinished character is blamed on its start.
 * Runs only for a broken file.
 */
function firstBadByte(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length + 1; // past the end: the file ends inside a character
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    if (middle <= bytes.length && decodesAsPrefix(bytes.subarray(0, middle))) good = middle;
    else bad = middle;
  }
  const tripped = bad - 1;
  for (let start = tripped - 1; start >= 0 && tripped - start <= 3; start--) {
    const byte = bytes[start];
    if (byte >= 0x80 && byte < 0xc0) continue; // a continuation byte: keep looking for the character's start
    return byte >= 0xc0 && sequenceLength(byte) > tripped - start ? start : Math.min(tripped, bytes.length - 1);
  }
  return Math.min(tripped, bytes.length - 1);
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

function decodesAsPrefix(prefix: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}
