import { scanHtml } from "../../markdown/html/html-scan.ts";

/** Something of a page's own HTML that the site's Content-Security-Policy stops, and where it starts. */
export interface Blocked {
  /** Offset of its tag's `<`. */
  offset: number;
  message: string;
  hint: string;
}

/** Script types a browser runs; any other (`application/ld+json`, `text/template`) is data, which no policy stops. */
const SCRIPT_TYPES = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;
const OTHER_HOST = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** Elements that load media, which the policy allows from https: hosts but not over plain http. */
const MEDIA = new Set(["img", "iframe", "video", "audio", "source", "embed", "track"]);

/**
 * What the site's Content-Security-Policy (src/render/content-security-policy.ts) refuses in a page's own HTML: a
 * script written in the page or loaded from another host, a `<style>` element, an event-handler attribute
 * (`onclick`), and media over plain http. The browser refuses each without a word on the page, so the build says
 * where it is written, and what to do instead.
 */
export function blockedContent(html: string): Blocked[] {
  const blocked: Blocked[] = [];
  const scripts = new Map<number, { src?: string; type?: string }>();
  scanHtml(html, {
    attributes: new Set(["src", "type"]),
    tag: (name, offset) => {
      if (name === "script") scripts.set(offset, {});
      if (name === "style") blocked.push({ offset, message: "A <style> element is refused by the site's Content-Security-Policy: its rules never apply", hint: "Put the rules in a stylesheet of the site (assets/), or use a style attribute on the element." });
      const handler = /\s(on[a-z]+)\s*=/i.exec(html.slice(offset, html.indexOf(">", offset)))?.[1];
      if (handler) blocked.push({ offset, message: `The ${handler} attribute is refused by the site's Content-Security-Policy: it never runs`, hint: "Use a link or a <details> element, or a script of the site (assets/) loaded by a layout." });
    },
    wants: (tag, attribute) => (tag === "script" && (attribute === "src" || attribute === "type")) || (MEDIA.has(tag) && attribute === "src"),
    attribute: (tag, attribute, value, offset) => {
      if (tag === "script") scripts.get(offset)![attribute as "src" | "type"] = value.trim();
      else if (/^http:/i.test(value.trim())) {
        blocked.push({ offset, message: `<${tag}> loads ${value.trim()} over plain http, which the site's Content-Security-Policy (and a browser on an https site) refuses`, hint: "Write the address with https:." });
      }
    },
  });
  for (const [offset, { src, type }] of scripts) {
    if (!SCRIPT_TYPES.test(type ?? "")) continue;
    if (src === undefined) blocked.push({ offset, message: "A script written in the page is refused by the site's Content-Security-Policy: it never runs", hint: "Put it in a file of the site (assets/) and load it from a layout." });
    else if (OTHER_HOST.test(src)) blocked.push({ offset, message: `A script from ${src} is refused by the site's Content-Security-Policy, which runs only the site's own scripts`, hint: "Serve a copy from the site (assets/), or link to what it shows instead." });
  }
  return blocked.sort((a, b) => a.offset - b.offset);
}
