import type { MediaType, Operation, Parameter, Response } from "../openapi/model.ts";
import { codeBlockHtml, descriptionHtml } from "./markdown-parts.ts";
import { escapeHtml } from "./html.ts";
import type { ReferenceContext } from "./reference-context.ts";
import { bodyExample, curlSnippet, exampleRequest, fetchSnippet, isJson, pythonSnippet } from "./request-examples.ts";
import { schemaHtml } from "./schema-table.ts";
import { constraintsHtml, typeHtml } from "./schema-type.ts";
import { requirementsHtml } from "./security-html.ts";

/** An operation's heading text: its summary, or its method and path when it has none. */
export function operationTitle(operation: Operation): string {
  return operation.summary?.trim() || `${operation.method.toUpperCase()} ${operation.path}`;
}

/** A heading with the guides' "#" link beside it (src/markdown/plugins/heading-anchors.ts writes the same for Markdown). */
export function anchoredHeading(level: number, id: string, text: string, className?: string): string {
  const attributes = `id="${escapeHtml(id)}"${className ? ` class="${className}"` : ""}`;
  return (
    `<div class="heading-wrap"><h${level} ${attributes}>${escapeHtml(text)}</h${level}>` +
    `<a class="heading-anchor" href="#${escapeHtml(id)}" aria-label="Link to this section: ${escapeHtml(text)}"></a></div>`
  );
}

/** `GET` in its colour, then the path: how an operation is named everywhere in the reference. */
export function endpointHtml(operation: Pick<Operation, "method" | "path">): string {
  return `${methodHtml(operation.method)} <code class="api-path">${escapeHtml(operation.path)}</code>`;
}

/** The method's badge. */
export function methodHtml(method: Operation["method"]): string {
  return `<span class="api-method api-method--${method}">${method.toUpperCase()}</span>`;
}

/**
 * One operation, complete: what it does, how to authenticate, its parameters, request body and responses as
 * tables, then a request in curl, JavaScript and Python and an example of its first response with a body.
 */
export function operationHtml(context: ReferenceContext, operation: Operation): string {
  const { labels } = context;
  const h3 = (text: string) => `<h3>${escapeHtml(text)}</h3>`;
  const parts = [
    anchoredHeading(2, operation.id, operationTitle(operation), "api-operation__title"),
    `<p class="api-endpoint">${endpointHtml(operation)}${operation.deprecated ? ` <span class="api-badge api-badge--deprecated">${escapeHtml(labels.deprecated)}</span>` : ""}</p>`,
    descriptionHtml(context, operation.description),
  ];
  if (context.reference.securitySchemes.length || operation.security.length) parts.push(h3(labels.authentication), requirementsHtml(context, operation.security));
  if (operation.parameters.length) parts.push(h3(labels.parameters), parametersTable(context, operation.parameters));
  if (operation.requestBody) {
    parts.push(h3(labels.requestBody), descriptionHtml(context, operation.requestBody.description));
    for (const media of operation.requestBody.content) parts.push(mediaHtml(context, media));
  }
  parts.push(h3(labels.responses), ...operation.responses.map((response) => responseHtml(context, response)));
  // Examples repeat what the tables say: kept out of the search index, which they would only fill with noise.
  const examples = responseExamplesHtml(context, operation);
  parts.push(
    `<div class="api-examples" data-pagefind-ignore>${h3(labels.exampleRequest)}${requestExamplesHtml(context, operation)}` +
      `${examples ? h3(labels.exampleResponse) + examples : ""}</div>`,
  );
  return `<section class="api-operation" aria-labelledby="${escapeHtml(operation.id)}">${parts.join("\n")}</section>`;
}

function parametersTable(context: ReferenceContext, parameters: readonly Parameter[]): string {
  const { labels } = context;
  const rows = parameters.map((parameter) => {
    const badges = [
      parameter.required ? `<span class="api-badge api-badge--required">${escapeHtml(labels.required)}</span>` : "",
      parameter.deprecated ? `<span class="api-badge api-badge--deprecated">${escapeHtml(labels.deprecated)}</span>` : "",
    ]
      .filter(Boolean)
      .join(" ");
    const constraints = constraintsHtml(context, parameter.schema);
    return (
      `<tr><th scope="row" class="api-field"><code class="api-field__name">${escapeHtml(parameter.name)}</code>${badges ? ` <span class="api-badges">${badges}</span>` : ""}</th>` +
      `<td>${parameter.in}</td><td class="api-type">${typeHtml(context, parameter.schema)}</td>` +
      `<td>${descriptionHtml(context, parameter.description ?? parameter.schema.description)}` +
      (constraints.length ? `<ul class="api-constraints">${constraints.map((c) => `<li>${c}</li>`).join("")}</ul>` : "") +
      `</td></tr>`
    );
  });
  return (
    `<table class="api-fields api-parameters"><thead><tr><th scope="col">${escapeHtml(labels.name)}</th><th scope="col">${escapeHtml(labels.location)}</th>` +
    `<th scope="col">${escapeHtml(labels.type)}</th><th scope="col">${escapeHtml(labels.description)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function mediaHtml(context: ReferenceContext, media: MediaType): string {
  const type = `<p class="api-content-type"><span class="api-schema__label">${escapeHtml(context.labels.contentType)}:</span> <code>${escapeHtml(media.contentType)}</code></p>`;
  return type + (media.schema ? schemaHtml(context, media.schema) : "");
}

function responseHtml(context: ReferenceContext, response: Response): string {
  const { labels } = context;
  const headers = response.headers.length
    ? `<p class="api-schema__label">${escapeHtml(labels.headers)}</p><ul class="api-headers">${response.headers
        .map((header) => `<li><code>${escapeHtml(header.name)}</code> ${typeHtml(context, header.schema)}${header.description ? ` — ${escapeHtml(header.description)}` : ""}</li>`)
        .join("")}</ul>`
    : "";
  const content = response.content.length ? response.content.map((media) => mediaHtml(context, media)).join("") : `<p class="api-note">${escapeHtml(labels.noBody)}</p>`;
  return (
    `<div class="api-response"><h4 class="api-response__status">${statusHtml(response.status)}</h4>` +
    descriptionHtml(context, response.description) +
    headers +
    content +
    `</div>`
  );
}

/** A status code in the colour of its class: 2xx success, 4xx and 5xx problems. */
function statusHtml(status: string): string {
  const family = /^[1-5]/.test(status) ? `${status[0]}xx` : "default";
  return `<span class="api-status api-status--${family}">${escapeHtml(status)}</span>`;
}

function requestExamplesHtml(context: ReferenceContext, operation: Operation): string {
  const request = exampleRequest(context.reference, operation);
  // curl shows; the other languages fold away, so that a page of many operations stays short to scroll.
  return (
    codeBlockHtml(context, curlSnippet(request), "bash") +
    `<details class="api-example"><summary>JavaScript (fetch)</summary>${codeBlockHtml(context, fetchSnippet(request), "javascript")}</details>` +
    `<details class="api-example"><summary>Python (requests)</summary>${codeBlockHtml(context, pythonSnippet(request), "python")}</details>`
  );
}

/**
 * The first response with a body as an example, open (the document's own, or one made from the schema); the other
 * responses' examples folded, those the document gives only: one made from an error's schema says nothing its table
 * does not, and would double the page's weight in a large API.
 */
function responseExamplesHtml(context: ReferenceContext, operation: Operation): string {
  const hasBody = (media: MediaType) => media.schema !== undefined || media.examples.length > 0;
  const first = operation.responses.find((response) => response.content.some(hasBody));
  const shown = operation.responses.flatMap((response) => {
    const media = response === first ? response.content.find(hasBody) : response.content.find((m) => m.examples.length > 0);
    return media ? [{ response, media }] : [];
  });
  return shown
    .map(({ response, media }, index) => {
      const generated = media.examples.length === 0;
      const value = bodyExample(media, "response");
      const code = isJson(media.contentType) || typeof value !== "string" ? JSON.stringify(value, null, 2) : value;
      const label = `${response.status}${media.examples[0]?.summary ? ` · ${media.examples[0].summary}` : ""}${generated ? ` · ${context.labels.generatedExample}` : ""}`;
      const block = codeBlockHtml(context, code, isJson(media.contentType) ? "json" : media.contentType.includes("xml") ? "xml" : "text");
      return index === 0
        ? `<p class="api-example__label">${statusHtml(response.status)}${escapeHtml(label.slice(response.status.length))}</p>${block}`
        : `<details class="api-example"><summary>${escapeHtml(label)}</summary>${block}</details>`;
    })
    .join("");
}
