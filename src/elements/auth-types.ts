import { hubToken } from "./hubs.ts";

/** A way an element instance authenticates: `key` for filters and data attributes, `name` for readers. */
export interface AuthType {
  key: string;
  name: string;
}

/** How readers know the common ones, by their letters and digits in lower case (`api_key`, `API Key` -> `apikey`). */
const KNOWN: Record<string, string> = {
  basic: "Basic",
  oauth: "OAuth",
  oauth1: "OAuth 1.0",
  oauth10a: "OAuth 1.0a",
  oauth2: "OAuth 2.0",
  apikey: "API key",
  bearer: "Bearer token",
  token: "Token",
  jwt: "JWT",
  hmac: "HMAC",
  custom: "Custom",
  none: "None",
};

/** An `authType` as written (`oauth2`, `API Key`) as the catalog shows it; an unknown one keeps its spelling. */
export function authTypeOf(written: string): AuthType | null {
  const key = hubToken(written);
  if (!key) return null;
  return { key, name: KNOWN[key] ?? written.trim().replace(/\s+/g, " ") };
}
