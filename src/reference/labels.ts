import { languagesOf } from "../i18n/site-languages.ts";

/**
 * Every word the API reference writes around what the OpenAPI document says, in English. A language overrides any
 * of them with a `reference:` map in `_data/i18n/<lang>.yml` (`parameters: 매개변수`); a key it leaves out stays
 * English, and a key that is not one of these is ignored.
 */
export const ENGLISH_LABELS = {
  apiReference: "API reference",
  overview: "Overview",
  version: "Version",
  servers: "Servers",
  authentication: "Authentication",
  noAuthentication: "No authentication is needed.",
  anyOfTheseSchemes: "Any one of these:",
  scopes: "Scopes",
  operations: "Operations",
  schemas: "Schemas",
  parameters: "Parameters",
  requestBody: "Request body",
  responses: "Responses",
  headers: "Headers",
  name: "Name",
  field: "Field",
  type: "Type",
  location: "In",
  description: "Description",
  required: "Required",
  deprecated: "Deprecated",
  readOnly: "Read only",
  writeOnly: "Write only",
  nullable: "or null",
  noBody: "No body.",
  contentType: "Content type",
  example: "Example",
  exampleRequest: "Example request",
  exampleResponse: "Example response",
  generatedExample: "Made from the schema",
  oneOf: "One of",
  anyOf: "Any of",
  arrayOf: "array of",
  mapOf: "map of",
  anyValue: "any",
  allowedValues: "Allowed values",
  defaultValue: "Default",
  format: "Format",
  pattern: "Pattern",
  atLeast: "at least",
  moreThan: "more than",
  atMost: "at most",
  lessThan: "less than",
  rangeTo: "to",
  characters: "characters",
  items: "items",
  uniqueItems: "unique items",
  otherProperties: "Other properties",
  noOtherProperties: "No other properties are allowed.",
  seeSchema: "See",
  recursive: "(the same shape, nested)",
  apiKeyIn: "API key in",
  httpAuth: "HTTP authentication",
  oauth2: "OAuth 2.0",
  openIdConnect: "OpenID Connect",
  mutualTls: "Mutual TLS",
  tokenUrl: "Token URL",
  authorizationUrl: "Authorization URL",
  operationCount: "operations",
  noOperations: "This API describes no operations yet.",
} as const;

export type ReferenceLabels = { readonly [K in keyof typeof ENGLISH_LABELS]: string };

/**
 * The labels of one language: English, with what `overrides` (a language's `reference:` map) says instead.
 * Anything in `overrides` that is not a known key with text is left out.
 */
export function referenceLabels(overrides?: unknown): ReferenceLabels {
  return { ...ENGLISH_LABELS, ...ownWords(overrides) };
}

const bySite = new WeakMap<object, Map<string, ReferenceLabels>>();

/**
 * The labels for a page in `lang` (the site's default language when unset): English, then the `reference:` words of
 * the default language's `_data/i18n/` file (a site written in German translates our English there), then the page
 * language's own. Worked out once per language.
 */
export function labelsForLanguage(site: { data?: unknown } & Record<string, unknown>, lang: string | undefined): ReferenceLabels {
  const defaultLang = languagesOf(site).default;
  const own = lang ?? defaultLang;
  let byLanguage = bySite.get(site);
  if (!byLanguage) bySite.set(site, (byLanguage = new Map()));
  let labels = byLanguage.get(own);
  if (!labels) {
    const i18n = (site.data as { i18n?: Record<string, { reference?: unknown } | undefined> } | undefined)?.i18n;
    labels = { ...referenceLabels(i18n?.[defaultLang]?.reference), ...(own === defaultLang ? {} : ownWords(i18n?.[own]?.reference)) };
    byLanguage.set(own, labels);
  }
  return labels;
}

/** The words a language's `reference:` map gives: known keys with text only. */
function ownWords(overrides: unknown): Partial<ReferenceLabels> {
  if (!overrides || typeof overrides !== "object" || Array.isArray(overrides)) return {};
  return Object.fromEntries(
    Object.entries(overrides).filter(([key, value]) => Object.hasOwn(ENGLISH_LABELS, key) && typeof value === "string" && value.trim() !== ""),
  );
}
