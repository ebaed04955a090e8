import path from "node:path";
import type { SourcePage } from "../../content/source-page.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { closestMatch } from "../../diagnostics/did-you-mean.ts";
import { hubToken, suggestListedHub, type ListedHub } from "../../elements/hubs.ts";
import { EXAMPLE_OPERATION_HINT, EXAMPLE_OPERATION_KEY } from "../../render/inspect/api-examples.ts";
import { describe } from "../../schema/expected.ts";
import { elementPageFields, elementPageSchema } from "../../schema/element-page.ts";
import { pageFields, pageSchema } from "../../schema/page.ts";
import type { SchemaContext } from "../../schema/schema-context.ts";
import { pageKeysRead } from "../../content/page-keys-read.ts";
import { WORDS } from "../../content/word-keys.ts";
import { permalinkExtensionProblem } from "./permalink-extension.ts";

export interface FrontMatterCheckInput {
  pages: Iterable<SourcePage>;
  context: SchemaContext;
  /** `page.<key>` names read by the site's includes and layouts. */
  templateKeys: ReadonlySet<string>;
}

/**
 * A front matter key that neither the schema nor the page itself reads: a problem unless some template reads it,
 * which a shard cannot know of the pages other shards render (src/build/site-share.ts); the merge decides.
 */
export interface UnknownKey {
  file: string;
  line: Diagnostic["line"];
  key: string;
}

/** A problem of a page's front matter, or a key to look up among the template keys first. */
export type FrontMatterFinding = Diagnostic | { unknownKey: UnknownKey };

/**
 * Validates every page's front matter against the schema of its kind (element guide page or other page),
 * reporting each problem at the line of its key; keys no rule and no template knows are warnings.
 */
export function checkFrontMatter(input: FrontMatterCheckInput): Diagnostic[] {
  return withTemplateKeys(frontMatterFindings(input.pages, input.context), knownKeys(input.context, input.templateKeys));
}

/** The keys a page may have: the schemas' and those templates read, in this order (for did-you-mean). */
export function knownKeys(context: SchemaContext, templateKeys: ReadonlySet<string>): Set<string> {
  const schemaKeys = [...new Set([...Object.keys(pageFields(context)), ...Object.keys(elementPageFields(context))])];
  return new Set([...schemaKeys, ...templateKeys]);
}

/** The schema's problems of every page, and the keys the schema and the page itself do not read, in page order. */
export function frontMatterFindings(pages: Iterable<SourcePage>, context: SchemaContext): FrontMatterFinding[] {
  const findings: FrontMatterFinding[] = [];
  const elementSchema = elementPageSchema(context);
  const plainSchema = pageSchema(context);
  const schemaKeys = knownKeys(context, new Set());

  for (const page of pages) {
    if (!page.data || typeof page.data !== "object" || Array.isArray(page.data)) {
      findings.push({
        file: page.file,
        line: 2,
        severity: "error",
        code: "front-matter-type",
        message: "Front matter must be key: value lines, such as title: Events",
        hint: "Write each field on its own line as key: value between the two --- lines.",
      });
      continue;
    }
    // The home page we make for a tree without one has no file: nothing a writer could fix.
    if (!path.isAbsolute(page.absPath)) continue;
    const schema = page.elementFolder ? elementSchema : plainSchema;
    const result = schema.safeParse(withoutEmptyWords(page.data), { reportInput: true });
    const reported = new Set<string>();
    for (const issue of result.success ? [] : result.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (reported.has(key)) continue; // one problem per key is enough to fix it
      reported.add(key);
      findings.push(issueDiagnostic(page, key, issue.message, (issue as { input?: unknown }).input, context));
    }

    const permalink = permalinkExtensionProblem(page);
    if (permalink) findings.push(permalink);

    // A key read by the page itself ({{ page.x }} in its own body) is deliberate too.
    let ownKeys: Set<string> | undefined;
    for (const key of Object.keys(page.data)) {
      // A key the page has from _config.yml's defaults is theirs, not one to fix on every page in their scope.
      if (schemaKeys.has(key) || page.defaultedKeys?.includes(key)) continue;
      // A written page's body is gone; what it read was noted as it went (src/content/page-body.ts).
      ownKeys ??= page.keysReadByBody ? new Set(page.keysReadByBody) : pageKeysRead(page.body);
      if (ownKeys.has(key)) continue;
      findings.push({ unknownKey: { file: page.file, line: page.keyLines[key], key } });
    }
  }
  return findings;
}

/** The findings as problems: a key some template reads is no problem; the others are warnings with a did-you-mean. */
export function withTemplateKeys(findings: readonly FrontMatterFinding[], known: ReadonlySet<string>): Diagnostic[] {
  const choices = [...known];
  return findings.flatMap((finding) => {
    if (!("unknownKey" in finding)) return [finding];
    const { file, line, key } = finding.unknownKey;
    if (known.has(key)) return [];
    const suggestion = closestMatch(key, choices);
    return [
      {
        file,
        line,
        severity: "warning",
        code: "front-matter-unknown-key",
        message: `Unknown front matter key "${key}"${suggestion ? `: did you mean "${suggestion}"?` : ""}`,
        hint: suggestion ? `Rename it to ${suggestion}.` : "Nothing reads this key: no layout or include uses page." + key + ". Remove it, or fix its name.",
      },
    ];
  });
}

/** An empty `title:` (nil, as Jekyll reads it) is as if not there: fine where optional, missing where required. */
function withoutEmptyWords(data: Record<string, unknown>): Record<string, unknown> {
  if (!WORDS.some((key) => data[key] === null)) return data;
  const words = { ...data };
  for (const key of WORDS) if (words[key] === null) delete words[key];
  return words;
}

function issueDiagnostic(page: SourcePage, key: string, message: string, value: unknown, context: SchemaContext): Diagnostic {
  const missing = value === undefined && (!(key in page.data) || page.data[key] === null);
  const empty = missing && key in page.data;
  const diagnostic: Diagnostic = {
    file: page.file,
    // A missing key has no line of its own: point at the front matter's opening line.
    line: missing && !empty ? 1 : (page.keyLines[key] ?? 1),
    severity: "error",
    code: missing ? "front-matter-required" : "front-matter-type",
    message: key ? `${key} ${empty ? "is empty, but " : ""}${message}` : `Front matter ${message}`,
  };
  if (missing) diagnostic.hint = empty ? `Give "${key}:" a value, like the element's other pages.` : `Add "${key}:" to the front matter, like the element's other pages.`;
  if (key === EXAMPLE_OPERATION_KEY && !missing) diagnostic.hint = EXAMPLE_OPERATION_HINT;
  if ((key === "hub" || key === "hdOrcrm") && !missing) Object.assign(diagnostic, hubProblem(key, value, context.hubs));
  if (key === "breadcrumbs" && !missing) {
    diagnostic.code = "front-matter-breadcrumbs";
    diagnostic.hint = "Use the URL of a page that exists, such as /docs/elements.html.";
  }
  return diagnostic;
}

/** A hub that names none of `_data/hubs.yml`: the closest hub by key or name, and the list to choose from. */
function hubProblem(key: string, value: unknown, hubs: readonly ListedHub[] | undefined): Pick<Diagnostic, "code" | "message" | "hint"> {
  const code = "front-matter-hub";
  if (!hubs?.length || typeof value !== "string" || !hubToken(value)) {
    return { code, message: `${key} must name a hub, such as CRM or Help Desk, not ${describe(value)}`, hint: "Write the hub's name as readers see it." };
  }
  const suggestion = suggestListedHub(value, hubs);
  return {
    code,
    message:
      `${key} "${value}" is not a hub of _data/hubs.yml` +
      (suggestion ? `: did you mean "${suggestion.key}" (${suggestion.name})?` : ""),
    hint:
      `Write a hub's key or name; case, spaces and punctuation do not matter. ` +
      `Hubs: ${hubs.map((hub) => (hub.name === hub.key ? hub.key : `${hub.key} (${hub.name})`)).join(", ")}.`,
  };
}
