import * as liquidjs from "liquidjs";

/** A Liquid filter: `{{ value | name: a, b }}` calls it with (value, a, b); it must return synchronously. */
export type PluginFilter = (value: unknown, ...args: unknown[]) => unknown;

/**
 * A Liquid tag: either a function of its arguments returning HTML (`{% name a "b" key=value %}` calls it with
 * (a's value, "b", { key: value's value }): the positional values, then an object of the named ones), or a
 * liquidjs tag definition (`{ parse(token, remainTokens), render(ctx, emitter) }` or a subclass of
 * `plugin.liquidjs.Tag`) for tags with a body or other syntax.
 */
export type PluginTag = ((...args: unknown[]) => unknown) | Parameters<liquidjs.Liquid["registerTag"]>[1];

/** A page as a site value sees it: its URL, its source path and its front matter. */
export interface PluginPage {
  url: string;
  /** Relative to the source root, e.g. `docs/elements/acme/index.md` (Jekyll's `page.path`). */
  path: string;
  data: Readonly<Record<string, unknown>>;
}

/** Computes `site.<name>` once per build from the site config and every page; the result must be plain data. */
export type PluginSiteValue = (site: Readonly<Record<string, unknown>>, pages: readonly PluginPage[]) => unknown;

/** What the default export of a `_plugins/*.mjs` file is called with. */
export interface PluginApi {
  filter(name: string, filter: PluginFilter): void;
  tag(name: string, tag: PluginTag): void;
  site(name: string, compute: PluginSiteValue): void;
  /** The liquidjs module (Tag, Value, Hash, …), for full tag definitions without installing it in the tree. */
  liquidjs: typeof liquidjs;
}

/** One thing a plugin added, with the plugin file (relative to the source root) that added it. */
export interface Registered<T> {
  name: string;
  file: string;
  value: T;
}

/** Everything the tree's plugins added, in the order of their files. */
export interface PluginRegistry {
  filters: Registered<PluginFilter>[];
  tags: Registered<PluginTag>[];
  siteValues: Registered<PluginSiteValue>[];
}

export function emptyRegistry(): PluginRegistry {
  return { filters: [], tags: [], siteValues: [] };
}

/** Liquid reads filter and tag names as identifiers; a site value becomes a key of `site`. */
const NAME = /^[A-Za-z_][\w-]*$/;

/** The API handed to one plugin file; a wrong argument throws, which the loader reports at that file. */
export function pluginApi(file: string, into: PluginRegistry): PluginApi {
  const check = (what: string, name: unknown, value: unknown, valid: boolean, expected: string) => {
    if (typeof name !== "string" || !NAME.test(name)) {
      throw new TypeError(`plugin.${what}() needs a name of letters, digits, "_" and "-", got ${JSON.stringify(name)}`);
    }
    if (!valid) throw new TypeError(`plugin.${what}("${name}", …) needs ${expected}, got ${typeof value}`);
  };
  return {
    filter(name, filter) {
      check("filter", name, filter, typeof filter === "function", "a function");
      into.filters.push({ name, file, value: filter });
    },
    tag(name, tag) {
      const valid = typeof tag === "function" || (typeof tag === "object" && tag !== null && typeof tag.render === "function");
      check("tag", name, tag, valid, "a function or a liquidjs tag definition with render()");
      into.tags.push({ name, file, value: tag });
    },
    site(name, compute) {
      check("site", name, compute, typeof compute === "function", "a function of (site, pages)");
      into.siteValues.push({ name, file, value: compute });
    },
    liquidjs,
  };
}
