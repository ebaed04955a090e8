import type { SiteConfig } from "../config/site-config.ts";
import type { SourcePage } from "../content/source-page.ts";

/** The home page of a tree that brings no root `index.md`: the `home` layout says what the site is. */
export function homePage(site: SiteConfig): SourcePage {
  return {
    file: "index.md",
    absPath: "index.md",
    data: { title: site.title, description: site.description, layout: "home" },
    body: "",
    url: "/index.html",
    outputPath: "index.html",
    keyLines: {},
  };
}
