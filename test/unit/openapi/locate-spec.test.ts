// Where an element's API description is found: in its folder, or where a page's front matter says; never a URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findElementSpec, specFromFrontMatter } from "../../../src/openapi/locate-spec.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-openapi-"));
  writeFiles(dir, files);
  return dir;
}

const PAGE = "docs/elements/acme/api.md";

describe("findElementSpec", () => {
  it("finds openapi.yaml before swagger.json, and nothing in a folder without one", () => {
    const dir = tree({ "docs/elements/acme/swagger.json": "{}", "docs/elements/acme/openapi.yaml": "", "docs/elements/other/index.md": "" });
    expect(findElementSpec(dir, "acme", unexpected)).toBe("docs/elements/acme/openapi.yaml");
    expect(findElementSpec(dir, "other", unexpected)).toBeUndefined();
  });

  it("finds each of the six names", () => {
    for (const name of ["openapi.yml", "openapi.json", "swagger.yaml", "swagger.yml", "swagger.json"]) {
      expect(findElementSpec(tree({ [`docs/elements/acme/${name}`]: "" }), "acme", unexpected)).toBe(`docs/elements/acme/${name}`);
    }
  });

  it("never takes a symlink that leads out of the tree: it reports it and reads the next name", () => {
    const outside = tree({ "spec.yaml": "openapi: 3.0.3\n" });
    const dir = tree({ "docs/elements/acme/swagger.json": "{}" });
    fs.symlinkSync(path.join(outside, "spec.yaml"), path.join(dir, "docs/elements/acme/openapi.yaml"));
    const reported: Diagnostic[] = [];
    expect(findElementSpec(dir, "acme", (d) => reported.push(d))).toBe("docs/elements/acme/swagger.json");
    expect(reported).toEqual([expect.objectContaining({ file: "docs/elements/acme/openapi.yaml", code: "symlink-outside-tree" })]);
    const named = specFromFrontMatter(dir, PAGE, "openapi.yaml", 4);
    expect(named.diagnostic).toMatchObject({ file: "docs/elements/acme/openapi.yaml", code: "symlink-outside-tree" });
  });
});

function unexpected(diagnostic: Diagnostic): void {
  throw new Error(`Unexpected problem: ${diagnostic.message}`);
}

describe("specFromFrontMatter", () => {
  const dir = tree({ "docs/elements/acme/api/contacts.yaml": "", "specs/billing.json": "", "docs/elements/acme/notes.txt": "" });

  it("reads a path relative to the page, or from the source root with a leading /", () => {
    expect(specFromFrontMatter(dir, PAGE, "api/contacts.yaml")).toEqual({ file: "docs/elements/acme/api/contacts.yaml" });
    expect(specFromFrontMatter(dir, PAGE, "/specs/billing.json")).toEqual({ file: "specs/billing.json" });
    expect(specFromFrontMatter(dir, PAGE, "../../../specs/billing.json")).toEqual({ file: "specs/billing.json" });
  });

  it("refuses a URL at the page's line: the build never fetches", () => {
    for (const url of ["https://api.acme.example/openapi.json", "http://x/y.yaml", "//cdn.example/spec.yaml", "file:///etc/spec.yaml"]) {
      const { diagnostic } = specFromFrontMatter(dir, PAGE, url, 4);
      expect(diagnostic).toMatchObject({ file: PAGE, line: 4, severity: "error", code: "openapi-location" });
      expect(diagnostic?.message).toBe(`openapi: "${url}" is an address; the build never fetches an API description`);
    }
  });

  it("refuses a missing file, another kind of file, a path out of the tree and a value that is no path", () => {
    const message = (value: unknown) => specFromFrontMatter(dir, PAGE, value).diagnostic?.message;
    expect(message("api/missing.yaml")).toBe('openapi: "api/missing.yaml" does not exist (looked for docs/elements/acme/api/missing.yaml)');
    expect(message("notes.txt")).toBe('openapi: "notes.txt" is not a .yaml, .yml or .json file');
    expect(message("../../../../outside.yaml")).toBe('openapi: "../../../../outside.yaml" is outside the source tree');
    expect(message(true)).toBe("openapi: should be the path of an OpenAPI document");
  });
});
