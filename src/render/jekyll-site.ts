import type { SiteConfig } from "../config/site-config.ts";
import type { ContentSettings } from "../content/jekyll-settings.ts";
import type { LoadedContent } from "../content/load-pages.ts";
import { paginate } from "../content/pagination.ts";
import { siteCollections, withNeighbours } from "../content/site-collections.ts";
import type { SourcePage } from "../content/source-page.ts";
import { templatePage } from "../content/template-page.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { renderPostContents } from "./post-contents.ts";
import type { RenderOptions } from "./render-pool.ts";

export interface JekyllSite {
  /** `site` with Jekyll's collections (src/content/site-collections.ts): `site.posts`, `site.pages`, `site.static_files`… */
  site: SiteConfig;
  /** The pages to render, one for each loaded page and in its order, as templates see them (src/content/template-page.ts). */
  pages: SourcePage[];
  /** Pages 2 and on of a paginated index (jekyll-paginate); rendered and written, not pages of their own. */
  paginated: SourcePage[];
}

/**
 * What Jekyll adds to a site before it renders pages: the posts, rendered first so that pages can list them
 * with their content, Jekyll's `site.*` collections, and jekyll-paginate's pages.
 */
export async function jekyllSite(
  input: { pages: readonly SourcePage[]; content: LoadedContent; settings: ContentSettings; render: RenderOptions },
  diagnostics: DiagnosticList,
): Promise<JekyllSite> {
  const { pages, content } = input;
  const siteTime = input.render.site.time instanceof Date ? input.render.site.time.getTime() : 0;
  const documents = { collections: input.settings.collections, pages: content.documents, siteTime };
  // Posts and documents rendered for their content see every post and document, only not yet its content.
  const beforeContents = withCollections(input.render.site, siteCollections(pages, content.posts, undefined, content.staticFiles, documents));
  const rendered = [...content.posts, ...content.documents];
  const written = new Set(pages);
  const unwritten = new Set(content.documents.filter((document) => !written.has(document)).map((document) => document.file));
  const contents = rendered.length
    ? await renderPostContents(rendered, content.excerpts, { ...input.render, site: beforeContents }, { files: unwritten, to: diagnostics })
    : undefined;
  const collections = siteCollections(pages, content.posts, contents, content.staticFiles, documents);
  const site = withCollections(input.render.site, collections);

  const posts = withNeighbours(content.posts, contents);
  const pagination = paginate(pages, collections.posts, input.settings);
  if (pagination && "code" in pagination) diagnostics.add(pagination);
  const paginated = pagination && "template" in pagination ? pagination : undefined;
  return {
    site,
    pages: pages.map((page) => {
      if (paginated && page.file === paginated.template.file) return templatePage(paginated.template);
      return templatePage(posts.get(page) ?? page);
    }),
    paginated: (paginated?.extraPages ?? []).map((page) => templatePage(page)),
  };
}

/** `site` with the collections added as they are: `site.pages` stays made on first use (src/content/site-collections.ts). */
function withCollections(site: SiteConfig, collections: object): SiteConfig {
  return Object.freeze(Object.defineProperties({ ...site }, Object.getOwnPropertyDescriptors(collections)));
}
