import type { SecurityRequirement, SecurityScheme } from "../openapi/model.ts";
import { escapeHtml } from "./html.ts";
import type { ReferenceLabels } from "./labels.ts";
import type { ReferenceContext } from "./reference-context.ts";

/** How a scheme is used, in a few words: `API key in header X-Api-Key`, `HTTP authentication: bearer (JWT)`. */
export function schemeSummary(labels: ReferenceLabels, scheme: SecurityScheme | undefined, key: string): string {
  if (!scheme) return `<code>${escapeHtml(key)}</code>`;
  switch (scheme.type) {
    case "apiKey":
      return `${escapeHtml(labels.apiKeyIn)} ${escapeHtml(scheme.in ?? "header")} <code>${escapeHtml(scheme.name ?? key)}</code>`;
    case "http":
      return `${escapeHtml(labels.httpAuth)}: ${escapeHtml(scheme.scheme ?? "")}${scheme.bearerFormat ? ` (${escapeHtml(scheme.bearerFormat)})` : ""}`;
    case "oauth2":
      return escapeHtml(labels.oauth2);
    case "openIdConnect":
      return escapeHtml(labels.openIdConnect);
    case "mutualTLS":
      return escapeHtml(labels.mutualTls);
    default:
      return escapeHtml(scheme.type);
  }
}

/** What an operation (or the whole API) asks for: nothing, one way, or any one of several. */
export function requirementsHtml(context: ReferenceContext, requirements: readonly SecurityRequirement[]): string {
  const { labels } = context;
  if (requirements.length === 0 || requirements.every((r) => r.schemes.length === 0)) return `<p>${escapeHtml(labels.noAuthentication)}</p>`;
  const items = requirements.map((requirement) => requirement.schemes.map(({ key, scopes }) => schemeUse(context, key, scopes)).join(" + "));
  if (items.length === 1) return `<p>${items[0]}</p>`;
  return `<p>${escapeHtml(labels.anyOfTheseSchemes)}</p><ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul>`;
}

function schemeUse(context: ReferenceContext, key: string, scopes: readonly string[]): string {
  const scheme = context.reference.securitySchemes.find((s) => s.key === key);
  const scopeText = scopes.length ? ` (${escapeHtml(context.labels.scopes)}: ${scopes.map((s) => `<code>${escapeHtml(s)}</code>`).join(", ")})` : "";
  return schemeSummary(context.labels, scheme, key) + scopeText;
}

/** A scheme as the overview describes it: how it is used, its description, and OAuth's addresses and scopes. */
export function schemeDetailsHtml(context: ReferenceContext, scheme: SecurityScheme, describe: (text: string | undefined) => string): string {
  const { labels } = context;
  const flows = (scheme.flows ?? [])
    .map((flow) => {
      const urls = [
        flow.authorizationUrl ? `<li>${escapeHtml(labels.authorizationUrl)}: <code>${escapeHtml(flow.authorizationUrl)}</code></li>` : "",
        flow.tokenUrl ? `<li>${escapeHtml(labels.tokenUrl)}: <code>${escapeHtml(flow.tokenUrl)}</code></li>` : "",
      ].join("");
      const scopes = Object.entries(flow.scopes)
        .map(([name, what]) => `<li><code>${escapeHtml(name)}</code>${what ? `: ${escapeHtml(what)}` : ""}</li>`)
        .join("");
      return `<li><code>${escapeHtml(flow.flow)}</code><ul>${urls}${scopes ? `<li>${escapeHtml(labels.scopes)}:<ul>${scopes}</ul></li>` : ""}</ul></li>`;
    })
    .join("");
  return (
    `<dt><code>${escapeHtml(scheme.key)}</code></dt><dd><p>${schemeSummary(labels, scheme, scheme.key)}</p>` +
    describe(scheme.description) +
    (flows ? `<ul>${flows}</ul>` : "") +
    `</dd>`
  );
}
