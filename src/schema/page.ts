import * as z from "zod";
import { expected } from "./expected.ts";
import type { SchemaContext } from "./schema-context.ts";
import { existingSitePath, redirectPath } from "./site-path.ts";

const text = (what: string) => z.string(expected(what));
/** An http(s) address or a path of this site: no `javascript:` or other scheme a redirect could run. */
const redirectTarget = text("a URL or a path of this site").regex(/^\s*(?:https?:\/\/|\/)/i, expected("an http(s) address or a path of this site starting with /"));

/** Front matter fields every page may have. The object is loose: unknown keys are reported separately, as warnings. */
export function pageFields(context: SchemaContext) {
  return {
    /** The page's name: the sidebar label of an element page, else the page title. */
    title: text("text, such as Authenticate").optional(),
    /** The HTML `<title>`, e.g. `Events | Autotask CRM | Element Guides`; falls back to `title`. */
    seo: text("text, such as Events | Autotask CRM | Element Guides").optional(),
    /** One or two sentences for search engines and link previews (`<meta name="description">`). */
    description: text("one or two sentences of text").optional(),
    /** Layout name: ours (`element`, `catalog`, `page`, `home`) or a legacy Jekyll one (`sidebarelementdoc`, ...); `null`: none, as in Jekyll. */
    layout: z.union([z.string(), z.null()], expected("a layout name, such as sidebarelementdoc, or null for none")).optional(),
    /** Where the back link leads: a path of this site, e.g. `/docs/elements.html`. */
    breadcrumbs: existingSitePath(context.sitePathExists).optional(),
    /** The back link's text, e.g. `Back to Element Guides`. */
    parent: text("the back link's text, such as Back to Element Guides").optional(),
    /** `false` leaves the page out of sitemap.xml. */
    sitemap: z.boolean(expected("true or false")).optional(),
    /** `false` keeps the page out of the site entirely. */
    published: z.boolean(expected("true or false")).optional(),
    /** Old URLs of this page; each gets a small page that forwards the reader here. */
    redirect_from: z
      .union([redirectPath, z.array(redirectPath)], expected("a path or a list of paths, such as - /docs/old-name.html"))
      .optional(),
    /** Where this page sends the reader instead of showing its text (jekyll-redirect-from): a URL or a path of this site. */
    redirect_to: z
      .union([redirectTarget, z.array(redirectTarget).min(1)], expected("a URL or a path of this site, such as https://example.com/new-place"))
      .optional(),
    ...jekyllPageFields,
  };
}

const words = (what: string) => z.union([z.string(), z.array(z.union([z.string(), z.number()]))], expected(what));

/** Keys Jekyll itself reads (src/content/page-location.ts, posts.ts, pagination.ts). */
const jekyllPageFields = {
  /** Where the page is written instead of its source path: `/404.html`, `/about/`, `/:categories/:title.html`. */
  permalink: text("a path such as /about/ or /404.html").optional(),
  /** A post's date, when not the one in its file name. */
  date: z.union([z.date(), z.string()], expected("a date such as 2016-01-12 or 2016-01-12 10:30:00 +0100")).optional(),
  categories: words("a category, or a list of them").optional(),
  category: text("a category").optional(),
  tags: words("a tag, or a list of them").optional(),
  tag: text("a tag").optional(),
  /** A post's URL slug, when not the one in its file name. */
  slug: text("the last part of the post's URL, such as release-1").optional(),
  excerpt: text("the post's summary").optional(),
  excerpt_separator: text("the text that ends the post's excerpt, such as <!--more-->").optional(),
  /** `true` leaves a post out of the paginated list. */
  hidden: z.boolean(expected("true or false")).optional(),
};

export function pageSchema(context: SchemaContext) {
  return z.looseObject(pageFields(context));
}
