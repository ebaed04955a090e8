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
  if (!overrides || typeof overrides !== "object" || Array.isArray(overrides)) return ENGLISH_LABELS;
  const labels: Record<string, string> = { ...ENGLISH_LABELS };
  for (const [key, value] of Object.entries(overrides)) {
    if (Object.hasOwn(ENGLISH_LABELS, key) && typeof value === "string" && value.trim() !== "") labels[key] = value;
  }
  return labels as ReferenceLabels;
}

/** The labels for a page in `lang`, from `site.data.i18n[lang].reference`; English without one. */
export function labelsForLanguage(siteData: unknown, lang: string | undefined): ReferenceLabels {
  if (!lang) return ENGLISH_LABELS;
  const i18n = (siteData as { i18n?: Record<string, { reference?: unknown } | undefined> } | undefined)?.i18n;
  return referenceLabels(i18n?.[lang]?.reference);
}
