import path from "node:path";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import type { MarkdownEnv } from "../markdown-env.ts";
import type { ParsedAttribute } from "./html-syntax.ts";
import type { TagRewrite } from "./loose-html.ts";
import { linkAddress } from "../../text/url-escape.ts";

export interface LinkPolicyOptions {
  /** The path the site is served under ("" or "/guides"): prefixed to root-relative links in content. */
  baseurl: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const URL_ATTRIBUTES: Record<string, string> = { a: "href", img: "src", source: "src", video: "src", audio: "src" };

/**
 * `/docs/x.html` under the base path; other URLs (relative, external, fragments) as written, and so is a URL that
 * already starts with the base path: Jekyll adds none, so its pages write `{{ site.baseurl }}/docs/x.html`.
 */
export function withBase(url: string, baseurl: string): string {
  if (!baseurl || !url.startsWith("/") || url.startsWith("//")) return url;
  const rest = url.startsWith(baseurl) ? url.charAt(baseurl.length) : undefined;
  return rest === "" || rest === "/" || rest === "?" || rest === "#" ? url : baseurl + url;
}

function isExternal(url: string): boolean {
  return EXTERNAL.test(url);
}

/** "noopener" added to a rel value, keeping what the writer put there. */
function withNoopener(rel: string | undefined): string {
  const words = (rel ?? "").split(/\s+/).filter(Boolean);
  return words.includes("noopener") ? words.join(" ") : [...words, "noopener"].join(" ");
}

/**
 * Links in content follow the site's rules whether written in Markdown or raw HTML: root-relative URLs
 * work under a base path (`--base /guides/`), and external links carry rel="noopener".
 */
export function linkPolicy(md: MarkdownIt, options: LinkPolicyOptions): void {
  md.core.ruler.push("link_policy", (state: StateCore) => {
    const env = state.env as Partial<MarkdownEnv> | undefined;
    for (const block of state.tokens) for (const token of block.children ?? []) applyToToken(token, options, env);
  });
}

function applyToToken(token: Token, { baseurl }: LinkPolicyOptions, env: Partial<MarkdownEnv> | undefined): void {
  const attribute = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
  if (!attribute) return;
  const written = token.attrGet(attribute);
  if (typeof written !== "string") return;
  const url = attribute === "href" ? toPage(written, env) : written;
  token.attrSet(attribute, withBase(url, baseurl));
  if (token.type === "link_open" && isExternal(url)) token.attrSet("rel", withNoopener(token.attrGet("rel") as string | undefined));
}

/**
 * A link to a page's source file (`[Setup](setup.md#install)`, relative to the page or `/docs/setup.md`) goes to
 * the page made from it, as GitHub Pages' jekyll-relative-links and Docusaurus and Starlight take such links; its
 * `#` and `?` parts stay. Anything else is left as written.
 */
function toPage(url: string, env: Partial<MarkdownEnv> | undefined): string {
  if (!env?.pageUrl || !env.file || isExternal(url) || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const cut = url.search(/[?#]/);
  const target = cut === -1 ? url : url.slice(0, cut);
  if (!/\.[A-Za-z]+$/.test(target)) return url;
  let decoded: string;
  try {
    // Whole, `%23` and `%3F` too: `c%23-sdk.md` is the file c#-sdk.md.
    decoded = decodeURIComponent(target);
  } catch {
    return url;
  }
  const file = decoded.startsWith("/") ? path.posix.normalize(decoded).slice(1) : path.posix.join(path.posix.dirname(env.file), decoded);
  const pageUrl = env.pageUrl(file);
  // The page's URL as an address: a space in its name written %20, as in any other link.
  return pageUrl === undefined || pageUrl === target ? url : linkAddress(pageUrl) + (cut === -1 ? "" : url.slice(cut));
}

/** The same rules for start tags in raw HTML, for the loose-html plugin to apply as it tidies. */
export function htmlLinkPolicy({ baseurl }: LinkPolicyOptions): TagRewrite {
  return (name, attributes) => {
    const urlAttribute = URL_ATTRIBUTES[name];
    if (!urlAttribute) return undefined;
    const url = attributes.find((a) => a.name.toLowerCase() === urlAttribute)?.value;
    if (url === undefined) return undefined;
    const based = withBase(url, baseurl);
    const external = name === "a" && isExternal(url);
    if (based === url && !external) return undefined;
    let result = attributes.map((a) => (a.name.toLowerCase() === urlAttribute ? setValue(a, based) : a));
    if (external) {
      const rel = result.find((a) => a.name.toLowerCase() === "rel");
      result = rel
        ? result.map((a) => (a === rel ? setValue(a, withNoopener(a.value)) : a))
        : [...result, { raw: ` rel="noopener"`, name: "rel", value: "noopener", bare: false, space: " ", equals: "=" }];
    }
    return result;
  };
}

function setValue(attribute: ParsedAttribute, value: string): ParsedAttribute {
  if (attribute.value === value) return attribute;
  const quoted = `"${value.replace(/"/g, "&quot;")}"`;
  return { ...attribute, raw: `${attribute.space}${attribute.name}=${quoted}`, value, bare: false, equals: "=" };
}
