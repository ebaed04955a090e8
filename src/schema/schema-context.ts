import type { ListedHub } from "../elements/hubs.ts";

/** What the front matter rules need to know about the site being checked. */
export interface SchemaContext {
  /** The hubs of `_data/hubs.yml`; undefined when the site has no such file. */
  hubs: readonly ListedHub[] | undefined;
  /** Whether a root-relative path (`/docs/elements.html`) is served by the built site. */
  sitePathExists: (sitePath: string) => boolean;
}
