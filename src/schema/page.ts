import * as z from "zod";
import { expected } from "./expected.ts";
import type { SchemaContext } from "./schema-context.ts";
import { existingSitePath, redirectPath } from "./site-path.ts";

const text = (what: string) => z.string(expected(what));

/** Front matter fields every page may have. The object is loose: unknown keys are reported separately, as warnings. */
export function pageFields(context: SchemaContext) {
  return {
    /** The page's name: the sidebar label of an element page, else the page title. */
    title: text("text, such as Authenticate").optional(),
    /** The HTML `<title>`, e.g. `Events | Autotask CRM | Element Guides`; falls back to `title`. */
    seo: text("text, such as Events | Autotask CRM | Element Guides").optional(),
    /** One or two sentences for search engines and link previews (`<meta name="description">`). */
    description: text("one or two sentences of text").optional(),
    /** Layout name: ours (`element`, `catalog`, `page`, `home`) or a legacy Jekyll one (`sidebarelementdoc`, ...). */
    layout: text("a layout name, such as sidebarelementdoc").optional(),
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
  };
}

export function pageSchema(context: SchemaContext) {
  return z.looseObject(pageFields(context));
}
