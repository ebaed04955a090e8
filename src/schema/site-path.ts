import * as z from "zod";
import { expected } from "./expected.ts";

/** A path on this site as the writer gives it in front matter, e.g. `/docs/elements.html`. */
const SITE_PATH = /^\/[^\s:?#]*$/;

/** A root-relative path on this site that a built page or file answers: `/docs/elements.html`, `/docs/x/`. */
export function existingSitePath(exists: (sitePath: string) => boolean) {
  return z
    .string(expected("a path on this site starting with /, such as /docs/elements.html"))
    .regex(SITE_PATH, expected("a path on this site starting with /, such as /docs/elements.html"))
    .refine((value) => exists(value), {
      error: (issue) => `points to ${String(issue.input)}, which is not a page or file of this site`,
    });
}

/** What an old URL of a page (`redirect_from`) may be: a path with or without leading slash, no scheme or host. */
export const REDIRECT_PATH = /^\/?[^\s:?#]+$/;

/** An old URL of a page (`redirect_from`). */
export const redirectPath = z
  .string(expected("a path such as /docs/old-name.html"))
  .regex(REDIRECT_PATH, expected("a path such as /docs/old-name.html, without https:// or spaces"));
