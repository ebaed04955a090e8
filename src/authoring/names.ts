/** Naming rules shared by new-element and new-page, kept strict so values are safe in YAML, URLs and Liquid. */

export const AUTH_TYPES = ["basic", "oauth2", "apikey"] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export const EVENT_MODES = ["polling", "webhooks"] as const;
export type EventMode = (typeof EVENT_MODES)[number];

/** Folder and page names: lower-case words joined by single hyphens, as in `autotask-help-desk`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Element keys such as `sfdc` or `netsuitecrmv2`: lower-case letters and digits only, as the front matter schema requires. */
export const ELEMENT_KEY = /^[a-z0-9]+$/;

/**
 * Display names and page titles. They appear unquoted in YAML front matter and inside Liquid and Markdown, so
 * they start with a letter or digit, of any script (`이벤트`, `Événements`), and leave out the characters that would
 * change the meaning there.
 */
export const DISPLAY_NAME = /^[\p{L}\p{N}][^:#"{}[\]<>|`\\\n\r]*$/u;

/** `Autotask Help Desk` -> `autotask-help-desk`; accents are dropped, other punctuation becomes a hyphen. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function isAuthType(value: string): value is AuthType {
  return (AUTH_TYPES as readonly string[]).includes(value);
}

export function isEventMode(value: string): value is EventMode {
  return (EVENT_MODES as readonly string[]).includes(value);
}

export const AUTH_NAMES: Record<AuthType, string> = { basic: "Basic", oauth2: "OAuth 2.0", apikey: "API key" };
