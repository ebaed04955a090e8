import { scanHtml } from "../../markdown/html/html-scan.ts";
import { EVENT_HANDLERS } from "./event-handlers.ts";

/** Something of a page's own HTML that the site's Content-Security-Policy stops, and where it starts. */
export interface Blocked {
  /** Offset of its tag's `<`. */
  offset: number;
  message: string;
  hint: string;
}

/**
 * Script types a browser runs (HTML's JavaScript MIME types); any other (`application/ld+json`, `text/template`) is
 * data, which no policy stops.
 */
const SCRIPT_TYPES = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/i;
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** Attributes that load media, by element: the policy allows them from https: hosts but not over plain http. */
const MEDIA: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({ img: ["src", "srcset"], iframe: ["src"], video: ["src", "poster"], audio: ["src"], source: ["src", "srcset"], track: ["src"], input: ["src"] }).map(
    ([tag, names]) => [tag, new Set(names)],
  ),
);
/** The attributes read of each element whose tag as a whole decides (a script, a stylesheet link, a form). */
const WHOLE_TAGS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({ script: ["src", "type"], link: ["rel", "href"], form: ["action"], a: ["href"], area: ["href"] }).map(([tag, names]) => [tag, new Set(names)]),
);
const READ = new Set(["src", "srcset", "poster", "type", "rel", "href", "action", "formaction", ...EVENT_HANDLERS]);

const NO_HANDLER_HINT = "Use a link or a <details> element, or a script of the site (assets/) loaded by a layout.";

/**
 * What the site's Content-Security-Policy (src/render/content-security-policy.ts) refuses in a page's own HTML, read
 * as a browser reads the tags (a `>` or `onload` inside a quoted value is text): a script written in the page or
 * loaded from another host, a `javascript:` link, a `<style>` element, a stylesheet from another host, an
 * event-handler attribute (`onclick`), `<object>` and `<embed>`, a form sent to another host, and media over plain
 * http. The browser refuses each without a word on the page, so the build says where it is written, and what to do
 * instead.
 */
export function blockedContent(html: string, siteOrigin?: string): Blocked[] {
  const otherHost = (address: string | undefined) => address !== undefined && ABSOLUTE.test(address) && originOf(address, siteOrigin) !== siteOrigin;
  const blocked: Blocked[] = [];
  const tags = new Map<number, { name: string; values: Record<string, string> }>();
  const add = (offset: number, message: string, hint: string) => blocked.push({ offset, message, hint });
  scanHtml(html, {
    attributes: READ,
    tag: (name, offset) => {
      if (WHOLE_TAGS.has(name)) tags.set(offset, { name, values: {} });
      else if (name === "style") add(offset, "A <style> element is refused by the site's Content-Security-Policy: its rules never apply", "Put the rules in a stylesheet of the site (assets/), or use a style attribute on the element.");
      else if (name === "object" || name === "embed") add(offset, `<${name}> is refused by the site's Content-Security-Policy: it shows nothing`, "Use <img>, <video> or <iframe> for what it shows, or link to the file.");
    },
    wants: (tag, attribute) =>
      EVENT_HANDLERS.has(attribute) || attribute === "formaction" || WHOLE_TAGS.get(tag)?.has(attribute) === true || MEDIA.get(tag)?.has(attribute) === true,
    attribute: (tag, attribute, value, offset) => {
      if (EVENT_HANDLERS.has(attribute)) add(offset, `The ${attribute} attribute is refused by the site's Content-Security-Policy: it never runs`, NO_HANDLER_HINT);
      else if (attribute === "formaction") {
        if (otherHost(value.trim())) add(offset, `A form sent to ${value.trim()} is refused by the site's Content-Security-Policy: it is never sent`, FORM_HINT);
      }
      // A browser takes an attribute written twice as it is written first.
      else if (WHOLE_TAGS.has(tag)) tags.get(offset)!.values[attribute] ??= value.trim();
      else {
        const address = httpAddress(attribute, value);
        if (address) add(offset, `<${tag}> loads ${address} over plain http, which the site's Content-Security-Policy (and a browser on an https site) refuses`, "Write the address with https:.");
      }
    },
  });
  for (const [offset, { name, values }] of tags) {
    const problem = wholeTagProblem(name, values, otherHost);
    if (problem) add(offset, ...problem);
  }
  return blocked.sort((a, b) => a.offset - b.offset);
}

/** The address a media attribute loads over http: its value, or the first such of a srcset's candidates. */
function httpAddress(attribute: string, value: string): string | undefined {
  const candidates = attribute === "srcset" ? value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]) : [value.trim()];
  return candidates.find((address) => /^http:/i.test(address));
}

/** The origin of an absolute address (`https://docs.example.test`), read against the site's for `//host/x`. */
function originOf(address: string, siteOrigin: string | undefined): string | undefined {
  try {
    return new URL(address, siteOrigin ?? "https://site.invalid").origin;
  } catch {
    return undefined;
  }
}

const FORM_HINT = "Link to the form's own page instead.";

function wholeTagProblem(name: string, values: Record<string, string>, otherHost: (address: string | undefined) => boolean): [message: string, hint: string] | undefined {
  switch (name) {
    case "script":
      if (!SCRIPT_TYPES.test(values.type ?? "")) return undefined;
      if (values.src === undefined) return ["A script written in the page is refused by the site's Content-Security-Policy: it never runs", "Put it in a file of the site (assets/) and load it from a layout."];
      if (otherHost(values.src)) return [`A script from ${values.src} is refused by the site's Content-Security-Policy, which runs only the site's own scripts`, "Serve a copy from the site (assets/), or link to what it shows instead."];
      return undefined;
    case "link":
      if (!/(?:^|\s)stylesheet(?:\s|$)/i.test(values.rel ?? "") || !otherHost(values.href)) return undefined;
      return [`A stylesheet from ${values.href} is refused by the site's Content-Security-Policy, which applies only the site's own`, "Serve a copy from the site (assets/)."];
    case "form":
      if (!otherHost(values.action)) return undefined;
      return [`A form sent to ${values.action} is refused by the site's Content-Security-Policy: it is never sent`, FORM_HINT];
    default:
      // <a> and <area>: a `javascript:` address is script, which the policy never runs.
      if (!/^javascript:/i.test((values.href ?? "").replace(/[\s\u0000-\u001f]/g, ""))) return undefined;
      return ["A javascript: link is refused by the site's Content-Security-Policy: following it does nothing", NO_HANDLER_HINT];
  }
}
