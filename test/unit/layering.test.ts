// Layers only import downward (issue 12, as Starlight checks its own): a module may import from its own layer or
// a lower one, never from a higher one. Reads the imports of every file under src/ (types and dynamic imports
// too: a type from above still ties a lower module to a higher one).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

/** From the bottom up: the folders (or top-level files) of src/ in each layer, and why the layer is there. */
const LAYERS: ReadonlyArray<{ parts: readonly string[]; why: string }> = [
  { parts: ["paths.ts", "text", "diagnostics", "i18n"], why: "used by every stage: where the generator lives, plain string helpers, the problem type and its printers, UI words" },
  { parts: ["markdown"], why: "markdown-it and its plugins take the page and the site as options, so they need nothing of ours" },
  { parts: ["config", "content"], why: "reading the source tree: files inside it, _config.yml and _data, pages, their front matter and git dates" },
  { parts: ["elements", "schema", "layouts"], why: "the site's model, made from loaded pages: element guides and hubs, the schemas they follow, layouts" },
  { parts: ["liquid", "openapi", "reference", "plugins"], why: "what pages are written in: Liquid with the site's _plugins, OpenAPI and its reference HTML" },
  { parts: ["render"], why: "rendering a page with its layout variables, and inspecting it as it renders (what the checks read)" },
  { parts: ["checks", "site-files", "agents"], why: "after rendering: checks read only what rendering recorded; files made from the rendered site" },
  { parts: ["build", "search"], why: "the pipeline, load -> render -> check -> write -> index, and the search index it ends with" },
  { parts: ["eleventy", "dev"], why: "the live preview: Eleventy serves and watches, pages render on request" },
  { parts: ["cli", "authoring"], why: "the commands people run" },
];

/** Imports that go up, each with the reason it is allowed. Keep this short: move the module instead. */
const EXCEPTIONS: ReadonlyArray<{ from: string; to: string; why: string }> = [
  {
    from: "reference/reference-content.ts",
    to: "render/site-renderer.ts",
    why: "a type: the reference page's content takes the site renderer for its Markdown and API model",
  },
  {
    from: "reference/reference-pages.ts",
    to: "render/legacy-swagger.ts",
    why: "isOldSwaggerPage, a test on a source page (which old Swagger UI page a reference replaces), kept with its kin",
  },
];

/** Every import in a TypeScript or JavaScript module: `import … from`, `export … from`, `import "…"`, `import("…")`. */
function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const pattern of [/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm, /^\s*import\s*["']([^"']+)["']/gm, /\bimport\(\s*["']([^"']+)["']\s*\)/g]) {
    for (const match of code.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

function sourceFiles(): string[] {
  return fs
    .readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(?:[cm]?ts|[cm]?js)$/.test(file))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/** The layer's index of a path relative to src/, or -1 when no layer names its folder. */
function layerOf(file: string): number {
  const part = file.split("/")[0]!;
  return LAYERS.findIndex((layer) => layer.parts.includes(part));
}

interface Import {
  from: string;
  to: string;
}

function importsInSrc(): Import[] {
  const imports: Import[] = [];
  for (const from of sourceFiles()) {
    for (const specifier of importsOf(fs.readFileSync(path.join(SRC, from), "utf8"))) {
      if (!specifier.startsWith(".")) continue; // packages and node: built-ins
      const to = path.relative(SRC, path.resolve(path.dirname(path.join(SRC, from)), specifier)).split(path.sep).join("/");
      imports.push({ from, to });
    }
  }
  return imports;
}

const upward = (i: Import) => layerOf(i.to) > layerOf(i.from);
const excused = (i: Import) => EXCEPTIONS.some((e) => e.from === i.from && e.to === i.to);
const describeImport = (i: Import) =>
  `src/${i.from} (${LAYERS[layerOf(i.from)]!.parts.join(", ")}) imports src/${i.to} (${LAYERS[layerOf(i.to)]!.parts.join(", ")})`;

describe("layers of src/", () => {
  const imports = importsInSrc();

  it("place every folder of src/ in a layer", () => {
    const unplaced = [...new Set(sourceFiles().filter((file) => layerOf(file) < 0).map((file) => file.split("/")[0]))];
    expect(unplaced, "add each to a layer in test/unit/layering.test.ts, with the reason it sits there").toEqual([]);
  });

  it("only import downward", () => {
    const offending = imports.filter((i) => upward(i) && !excused(i)).map(describeImport);
    expect(offending, "move the imported module down to where it is used, or the importer up").toEqual([]);
  });

  it("list no exception that is no longer needed", () => {
    const stale = EXCEPTIONS.filter((e) => !imports.some((i) => i.from === e.from && i.to === e.to && upward(i)));
    expect(stale).toEqual([]);
  });

  it("see the imports the layers are judged on", () => {
    // Guards the reader above: a pattern that stopped matching would pass every file.
    expect(importsOf('import type { A } from "./a.ts";\nexport { b } from "../b.ts";\nimport "./c.mjs";\nconst d = await import("./d.ts");')).toEqual([
      "./a.ts",
      "../b.ts",
      "./c.mjs",
      "./d.ts",
    ]);
    expect(importsOf('import {\n  a,\n  type B,\n} from "./multi-line.ts";\n// import x from "./commented.ts";')).toEqual(["./multi-line.ts"]);
    expect(imports.length).toBeGreaterThan(500);
  });
});
