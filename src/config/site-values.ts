import fs from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { markdownSettingsProblem } from "../markdown/kramdown-settings.ts";
import { keyLine } from "./config-lines.ts";
import { isTimezone } from "./site-timezone.ts";

/**
 * `url:` and `baseurl:` end up in every canonical link, asset and sitemap URL: one wrong value used to give one
 * broken-link error per page. They are checked once, before anything is rendered.
 */
export function siteValueProblem(
  configFile: string,
  site: { url?: unknown; baseurl?: unknown; kramdown?: unknown; timezone?: unknown; title?: unknown; description?: unknown },
): Diagnostic | undefined {
  for (const key of ["title", "description"] as const) {
    const value = site[key];
    if (value !== null && typeof value === "object") {
      return problem(configFile, key, `${key}: must be text, not ${Array.isArray(value) ? "a list" : value instanceof Date ? "a date" : "a mapping"}.`,
        `Write the site's ${key} on the line of ${key}:, in quotes if it holds a colon or starts with [ or {.`);
    }
  }
  const url = String(site.url ?? "").trim();
  if (url !== "") {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) {
      return problem(configFile, "url", `url: must be the site's origin, such as https://docs.example.com, not ${JSON.stringify(url)}.`,
        "Write the scheme and host; leave url: empty for a local preview.");
    }
    if (parsed.pathname.replace(/\/+$/, "") !== "" || parsed.search || parsed.hash) {
      return problem(configFile, "url", `url: must be an origin without a path, not ${JSON.stringify(url)}.`,
        `Write url: ${parsed.origin} and baseurl: ${parsed.pathname.replace(/\/+$/, "")} (the path the site is served under).`);
    }
  }
  const baseurl = String(site.baseurl ?? "").trim();
  if (!isUrlPath(baseurl)) {
    return problem(configFile, "baseurl", `baseurl: must be a path such as /guides, not ${JSON.stringify(baseurl)}.`,
      "Put the origin in url: and only the path in baseurl:.");
  }
  const zone = site.timezone;
  if (zone !== undefined && zone !== null && zone !== "" && !isTimezone(String(zone))) {
    return problem(configFile, "timezone", `timezone: ${JSON.stringify(String(zone))} is no time zone.`,
      "Write a zone of the IANA database, such as timezone: America/New_York, or remove it for the machine's own.");
  }
  // kramdown's typography settings change the text of every page.
  const markdown = markdownSettingsProblem(site);
  if (markdown) return problem(configFile, "kramdown", markdown.message, markdown.hint);
  return undefined;
}

/** False for an origin or anything else that cannot stand in front of a site-absolute path. */
export function isUrlPath(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:|^\/\/|[?#\s\\]/i.test(value);
}

function problem(configFile: string, key: string, message: string, hint: string): Diagnostic {
  return { file: "_config.yml", line: configKeyLine(configFile, key), severity: "error", code: "config-value", message, hint };
}

function configKeyLine(configFile: string, key: string): number | undefined {
  return fs.existsSync(configFile) ? keyLine(fs.readFileSync(configFile, "utf8").split("\n"), key) : undefined;
}
