import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import type { ApiReference } from "../../openapi/model.ts";
import { findOperation, nearestOperationsHint, readOperationName, writtenName, type FoundOperation, type OperationName } from "../../openapi/find-operation.ts";
import { escapeHtml } from "../../reference/html.ts";
import { endpointHtml } from "../../reference/operation-html.ts";
import { operationUrl } from "../../reference/reference-urls.ts";
import { HintedError } from "../hinted-error.ts";
import { getRenderState } from "../render-state.ts";

/** What the operation tag reads: every element's reference by folder, and the site's path prefix for links. */
export interface OperationTagSetup {
  references: ReadonlyMap<string, ApiReference>;
  baseurl: string;
}

/**
 * `{% operation GET /contacts %}` or `{% operation listContacts %}`: a card with the operation's method, path and
 * summary, linking to it in the element's API reference. The page's element decides whose reference is meant.
 * A name the reference does not have is an error at the tag, with the nearest operations as the hint.
 */
export function operationTag(setup: OperationTagSetup): Parameters<Liquid["registerTag"]>[1] {
  return class OperationTag extends Tag {
    private readonly operationName: OperationName;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      const read = readOperationName(token.args);
      if ("problem" in read) throw new HintedError(read.problem, "operation-unknown", "Write it as in the reference: {% operation GET /contacts %}.");
      this.operationName = read;
    }

    render(ctx: Context, emitter: Emitter): void {
      const folder = elementFolder(ctx);
      const reference = folder === undefined ? undefined : setup.references.get(folder);
      if (folder === undefined || !reference) {
        throw new HintedError(
          `{% operation ${writtenName(this.operationName)} %} needs an API reference, but ${folder ? `the element "${folder}" has no OpenAPI document` : "this page belongs to no element"}`,
          "operation-unknown",
          "Use the tag on a page of an element that has docs/elements/<element>/openapi.yaml.",
        );
      }
      const found = findOperation(reference, this.operationName);
      if (!found) {
        throw new HintedError(`${reference.file} has no operation ${writtenName(this.operationName)}`, "operation-unknown", nearestOperationsHint(reference, this.operationName));
      }
      // In Markdown the link policy adds the base path; elsewhere (an .html page, a layout) nothing would.
      const baseurl = getRenderState(ctx)?.markdown ? "" : setup.baseurl;
      emitter.write(operationCard(baseurl, folder, found));
    }
  };
}

/** The page's element folder: from the `element` the page renders with, else from its path. */
function elementFolder(ctx: Context): string | undefined {
  const scope = ctx.environments as { element?: { folder?: unknown } | null; page?: { path?: unknown } };
  if (typeof scope.element?.folder === "string") return scope.element.folder;
  const path = typeof scope.page?.path === "string" ? scope.page.path : "";
  return /^docs\/elements\/([^/]+)\//.exec(path)?.[1];
}

/** One line of HTML, so that Markdown keeps it as a block when the tag stands on a line of its own. */
function operationCard(baseurl: string, folder: string, { operation, tag }: FoundOperation): string {
  const href = baseurl + operationUrl(folder, tag, operation);
  const summary = operation.summary ? `<span class="operation-card__summary">${escapeHtml(operation.summary)}</span>` : "";
  const deprecated = operation.deprecated ? '<span class="operation-card__deprecated">Deprecated</span>' : "";
  return `<div class="operation-card"><a class="operation-card__link" href="${escapeHtml(href)}">${endpointHtml(operation)}${summary}${deprecated}</a></div>`;
}
