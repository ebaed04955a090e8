import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Liquid } from "liquidjs";
import type { SiteConfig } from "../config/site-config.ts";
import { FRONT_MATTER_BLOCK } from "../content/split-front-matter.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import type { SiteOutput } from "../render/site-output.ts";

/**
 * The tree's Sass files with front matter, compiled to CSS beside them (`assets/css/main.scss` to `main.css`), as
 * Jekyll compiles them: their Liquid first (`{{ site.brand_color }}`), then Sass, with `@import`/`@use` found in the
 * tree's `_sass/` (`sass: sass_dir:` of `_config.yml`) and beside the file, in `sass: style:` (expanded by default).
 * An old theme's stylesheet was otherwise missing, and every page linking it a broken link. A file that does not
 * compile is a `sass-error` at the line Sass names, and is not written. Sass (6 MB of JavaScript, half a second to
 * load) is loaded only for a tree that has such files.
 */
export async function compiledSass(sourceDir: string, site: SiteConfig, files: readonly string[], diagnostics: DiagnosticList): Promise<SiteOutput[]> {
  if (!files.length) return [];
  const sass = await import("sass");
  const settings = (typeof site.sass === "object" && site.sass !== null ? site.sass : {}) as { sass_dir?: unknown; style?: unknown; load_paths?: unknown };
  const sassDir = path.join(sourceDir, typeof settings.sass_dir === "string" ? settings.sass_dir : "_sass");
  const extraPaths = Array.isArray(settings.load_paths) ? settings.load_paths.map((dir) => path.resolve(sourceDir, String(dir))) : [];
  const style = settings.style === "compressed" ? "compressed" : "expanded";
  const outputs: SiteOutput[] = [];
  for (const file of files) {
    const absPath = path.join(sourceDir, file);
    const text = fs.readFileSync(absPath, "utf8");
    // The front matter that made it one to compile (load-pages.ts), usually two `---` lines with nothing between.
    const header = FRONT_MATTER_BLOCK.exec(text)?.[0] ?? "";
    // Lines stay where they were, so that Sass's line numbers are the file's.
    let source = "\n".repeat(header.split("\n").length - 1) + text.slice(header.length);
    try {
      if (/\{\{|\{%/.test(source)) source = new Liquid().parseAndRenderSync(source, { site, page: { path: file } });
      const css = sass.compileString(source, {
        syntax: file.toLowerCase().endsWith(".sass") ? "indented" : "scss",
        url: pathToFileURL(absPath),
        loadPaths: [sassDir, ...extraPaths],
        style,
        logger: sass.Logger.silent,
      }).css;
      const outputPath = file.replace(/\.s[ac]ss$/i, ".css");
      outputs.push({ outputPath, url: `/${outputPath}`, html: `${css}\n` });
    } catch (error) {
      diagnostics.add(sassProblem(sourceDir, file, error));
    }
  }
  return outputs;
}

function sassProblem(sourceDir: string, file: string, error: unknown) {
  const span = (error as { span?: { start?: { line?: number; column?: number }; url?: URL | null } }).span;
  const at = span?.url?.protocol === "file:" ? path.relative(sourceDir, fileURLToPath(span.url)).split(path.sep).join("/") : file;
  const message = (error as { sassMessage?: string }).sassMessage ?? (error as Error).message.split("\n")[0];
  return {
    file: at,
    line: span?.start?.line === undefined ? 1 : span.start.line + 1,
    ...(span?.start?.column === undefined ? {} : { column: span.start.column + 1 }),
    severity: "error" as const,
    code: "sass-error",
    message: `${file} does not compile to CSS: ${message}`,
    hint: "Fix the Sass at this line; @import and @use look in _sass/ and beside the file.",
  };
}
