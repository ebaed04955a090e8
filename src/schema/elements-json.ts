import * as z from "zod";

/** One page of an element guide in `elements.json`. */
export const elementsJsonPage = z.object({
  /** The page's sidebar label. */
  title: z.string(),
  /** Its position in the sidebar. */
  order: z.number(),
  /** Site-absolute URL, including the base path. */
  url: z.string().startsWith("/"),
});

/** One element in `elements.json`. */
export const elementsJsonElement = z.object({
  /** `elementId` of its pages, or null when none gives it. */
  id: z.number().int().positive().nullable(),
  /** `elementKey`, lowercase letters and digits, or null. */
  key: z.string().regex(/^[a-z0-9]+$/).nullable(),
  /** The element's name (`heading`). */
  name: z.string().min(1),
  /** Hub id, a slug (`crm`, `help-desk`): the `_data/hubs.yml` key the pages' `hub` or `hdOrcrm` names, else that hub as written; or null. */
  hub: z
    .string()
    .regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u)
    .nullable(),
  /** `basic`, `oauth2`, `apikey`… from the pages' `authType`, or null. */
  authType: z.string().nullable(),
  /** The guide's folder under docs/elements/. */
  folder: z.string().min(1),
  /** The Overview page's URL. */
  url: z.string().startsWith("/"),
  pages: z.array(elementsJsonPage).min(1),
});

/** `elements.json` at the site root: every element with a guide, for other tools to read. */
export const elementsJsonSchema = z.object({
  elements: z.array(elementsJsonElement),
});

export type ElementsJson = z.infer<typeof elementsJsonSchema>;
