// The registry of diagnostic codes (src/diagnostics/codes.ts) is what `_config.yml` severity settings are checked
// against: a code reported by src/ but missing from it could not be configured, and would be refused as unknown.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, KNOWN_CODES } from "../../../src/diagnostics/codes.ts";
import { REPO_ROOT } from "../../support/run-cli.ts";

const SRC = path.join(REPO_ROOT, "src");

describe("the registry of diagnostic codes", () => {
  const used = codesUsedInSources();

  it("finds the codes reported in src/ (the scan itself works)", () => {
    // One of each way a code is written: `code: "x"`, `code = "x"`, `cond ? "a" : "b"`, a helper's argument.
    for (const code of ["link-broken", "liquid-unknown-tag", "front-matter-required", "symlink-broken", "redirect-conflict"]) {
      expect(used.get(code), code).toBeDefined();
    }
  });

  it("lists every code that src/ reports", () => {
    const missing = [...used].filter(([code]) => !(code in DIAGNOSTIC_CODES)).map(([code, where]) => `${code} (${where})`);
    expect(missing).toEqual([]);
  });

  it("lists no code that src/ never reports", () => {
    expect(KNOWN_CODES.filter((code) => !used.has(code))).toEqual([]);
  });

  it("has a one-line description for each", () => {
    for (const code of KNOWN_CODES) expect(DIAGNOSTIC_CODES[code].description, code).toMatch(/^[A-Z_a-z].*\.$/);
  });

  it("every code is explained in the writer's guide", () => {
    const guide = fs.readFileSync(path.join(REPO_ROOT, "docs/contributing/preview-and-checks.md"), "utf8");
    expect(KNOWN_CODES.filter((code) => !guide.includes(`\`${code}\``))).toEqual([]);
  });
});

/** A code is kebab-case, two words at least. */
const CODE = /"([a-z]+(?:-[a-z0-9]+)+)"/g;

/**
 * Every code written in src/, with the first file that writes it. A code is a kebab-case string literal where a
 * diagnostic's code is set or compared (`code: …`, `code = …`, `.code === …`, on the same line), an argument of a
 * function whose own parameter is `code`, or returned by a function named `code…` that returns a string (such as `codeFor`).
 */
function codesUsedInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, "utf8");
    const where = path.relative(REPO_ROOT, file);
    const note = (literals: string) => {
      for (const [, code] of literals.matchAll(CODE)) if (!found.has(code)) found.set(code, where);
    };
    for (const line of text.split("\n")) {
      if (/^\s*(\/\/|\*)/.test(line)) continue;
      const at = /\bcode\s*(?:[:=]|[!=]==)\s*(?!string\b)/.exec(line);
      if (at) note(line.slice(at.index));
    }
    for (const [, name] of text.matchAll(/function (\w+)\([^)]*\bcode: string/g)) {
      for (const call of text.matchAll(new RegExp(`\\b${name}\\(`, "g"))) note(balanced(text, call.index + call[0].length - 1));
    }
    for (const declaration of text.matchAll(/function code\w*\([^)]*\): string \{/g)) {
      note(balanced(text, declaration.index + declaration[0].length - 1));
    }
  }
  return found;
}

/** The text from the bracket at `start` to the one that closes it (brackets inside strings are not told apart). */
function balanced(text: string, start: number): string {
  const open = text[start];
  const close = open === "(" ? ")" : "}";
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.m?ts$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
