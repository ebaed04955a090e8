/** A Markdown page of the source tree, after front matter is read and before anything is rendered. */
export interface SourcePage {
  /** Path relative to the source root, with forward slashes: `docs/elements/acme-crm/index.md`. */
  file: string;
  absPath: string;
  /** The page's front matter, as written. */
  data: Record<string, unknown>;
  /** The body, with the front matter replaced by blank lines so that line N here is line N of the file. */
  body: string;
  /** Set where the body is the file's, as read (not one the build made), which lets the build let it go. */
  bodyFromFile?: true;
  /**
   * Set when the body is let go, once the page is written (src/content/page-body.ts): the keys of `data` that the
   * body reads, all the front matter check asks of it.
   */
  keysReadByBody?: string[];
  /** Site-absolute URL without base path: `/docs/elements/acme-crm/index.html`. */
  url: string;
  /** Where the HTML is written, relative to the output folder. */
  outputPath: string;
  /** Line of each top-level front matter key in the file, for messages about that key. */
  keyLines: Record<string, number>;
  /** Keys whose value is `_config.yml`'s `defaults:`: not the page's to fix, so its front matter check leaves them. */
  defaultedKeys?: string[];
  /** `acme-crm` for pages directly inside `docs/elements/acme-crm/`, or in one of its language folders. */
  elementFolder?: string;
  /**
   * `ko` for a page in a language folder of an element (`docs/elements/acme-crm/ko/`) when `ko` is one of the site's
   * `languages:` (src/i18n/page-language.ts); absent for pages in the site's default language.
   */
  lang?: string;
  /**
   * False for a page that is not Markdown (`404.html`, `feed.xml` with front matter): as in Jekyll, its Liquid
   * output is its content, and it has no layout unless it names one. Markdown when left out.
   */
  markdown?: boolean;
  /** Page variables Jekyll derives instead of reading them from front matter: a post's date, slug, categories. */
  derived?: Record<string, unknown>;
  /**
   * Where a page the build makes sits in its element's sidebar: after the guide's own pages, by `rank`, and
   * `nested` under the entry before it (an API reference's tag pages under its overview).
   */
  sidebarPlace?: { rank: number; nested: boolean };
  /** Liquid variables besides `page` and `site`: jekyll-paginate's `paginator` on the page it paginates. */
  globals?: Record<string, unknown>;
}
