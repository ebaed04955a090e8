/** Source paths map to URLs one to one, as on the Jekyll site: `docs/a/b.md` -> `/docs/a/b.html`. */
export function outputPathFor(sourceFile: string): string {
  return sourceFile.replace(/\.md$/, ".html");
}

export function urlFor(outputPath: string): string {
  return "/" + outputPath;
}

/** A `redirect_from` entry (with or without leading slash, folder or file) as an output path. */
export function redirectOutputPath(from: string): string {
  let clean = from.trim().replace(/^\/+/, "");
  if (clean === "" || clean.endsWith("/")) clean += "index.html";
  else if (!/\.[a-z0-9]+$/i.test(clean)) clean += "/index.html";
  return clean;
}
