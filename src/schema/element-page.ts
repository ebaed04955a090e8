import * as z from "zod";
import { expected } from "./expected.ts";
import { hubSchema } from "./hub.ts";
import { pageFields } from "./page.ts";
import type { SchemaContext } from "./schema-context.ts";

/** Fields of an element guide page (`docs/elements/<element>/*.md`) beyond those of every page. */
export function elementPageFields(context: SchemaContext) {
  const hub = hubSchema(context.hubs);
  return {
    /** The element's name, shown above the sidebar, e.g. `Autotask CRM`; the same on all its pages. */
    heading: z
      .string(expected("the element's name, such as Autotask CRM"))
      .min(1, expected("the element's name, such as Autotask CRM")),
    /** The sidebar label of this page, e.g. `Authenticate`. */
    title: z.string(expected("the page's sidebar label, such as Authenticate")).min(1, expected("the page's sidebar label")),
    /** Element guide pages use the element layout: `sidebarelementdoc` (legacy name) or `element`. */
    layout: z.string(expected("a layout name, such as sidebarelementdoc")),
    /** The element's numeric id on the platform, e.g. `50`; the same on all its pages. */
    elementId: z
      .int(expected("a positive whole number, such as 50"))
      .positive(expected("a positive whole number, such as 50"))
      .optional(),
    /** The element's key in API calls, lowercase letters and digits, e.g. `autotaskcrm`; the same on all its pages. */
    elementKey: z
      .string(expected("lowercase letters and digits, such as autotaskcrm"))
      .regex(/^[a-z0-9]+$/, expected("lowercase letters and digits only, such as autotaskcrm"))
      .optional(),
    /** The element's hub, by key or name, e.g. `crm` or `CRM`; one of `_data/hubs.yml` when the site has that file. */
    hub: hub.optional(),
    /** The Jekyll-era name of `hub`, still read by includes as `page.hdOrcrm`. */
    hdOrcrm: hub.optional(),
    /** The element's logo on its catalog card: an image of this site, from its root or relative to the page, e.g. `/assets/img/acme.svg`. */
    logo: z.string(expected("the path of an image on this site, such as /assets/img/acme.svg")).optional(),
    /** Position in the element's sidebar: lower comes first; no two pages of an element share one. */
    order: z.int(expected("a whole number, such as 30")).optional(),
    /** The element's OpenAPI document when it is not `openapi.yaml` in the element folder: a path relative to the page. */
    openapi: z.string(expected("the path of an OpenAPI document, such as api/contacts.yaml")).optional(),
    /** The response the page's ```json examples show, checked against the element's OpenAPI document, e.g. `GET /contacts 200`. */
    exampleOperation: z.string(expected("a method, a path and a status, such as GET /contacts 200")).optional(),
  };
}

export function elementPageSchema(context: SchemaContext) {
  return z.looseObject({ ...pageFields(context), ...elementPageFields(context) });
}
