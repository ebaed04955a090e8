import type { MarkdownIt, StateCore, Token } from "markdown-it";
import type { ParsedAttribute } from "./html-syntax.ts";
import type { TagRewrite } from "./loose-html.ts";

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
    for (const block of state.tokens) for (const token of block.children ?? []) applyToToken(token, options);
  });
}

function applyToToken(token: Token, { baseurl }: LinkPolicyOptions): void {
  const attribute = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
  if (!attribute) return;
  const url = token.attrGet(attribute);
  if (typeof url !== "string") return;
  token.attrSet(attribute, withBase(url, baseurl));
  if (token.type === "link_open" && isExternal(url)) token.attrSet("rel", withNoopener(token.attrGet("rel") as string | undefined));
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
