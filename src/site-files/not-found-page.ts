import type { SourcePage } from "../content/source-page.ts";

/**
 * The site's 404.html, which static hosts serve for any missing address. It is generated (no source
 * file) and rendered like a page, with the `not-found` layout; a tree restyles it with its own
 * `_layouts/not-found.liquid`. Its links are root-relative, so it works at any depth.
 */
export function notFoundPage(): SourcePage {
  return {
    file: "404.md",
    absPath: "404.md",
    data: {
      title: "Page not found",
      description: "There is no page at this address.",
      layout: "not-found",
      sitemap: false,
      noindex: true,
    },
    body: "",
    url: "/404.html",
    outputPath: "404.html",
    keyLines: {},
  };
}
