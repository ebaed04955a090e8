import type { Token } from "markdown-it";
import type { SourcePage } from "../../content/source-page.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { pointerKeys } from "../../openapi/json-pointer.ts";
import type { ApiReference } from "../../openapi/model.ts";
import { parseWithLines, TextSyntaxError } from "../../openapi/parse-with-lines.ts";
import { validateExample, type ExampleProblem } from "../../openapi/validate-example.ts";
import { exampleTarget, isMarkingProblem, readMarking, UNCHECKED, type ExampleMarking, type ExampleTarget, type MarkingProblem } from "./example-marking.ts";
import { lintJson } from "../../content/json-lint.ts";
import type { MarkdownLocator, SourcePosition } from "./markdown-locator.ts";

/** What the check knows about the page whose examples it reads. */
export interface ApiExamplesPage {
  /** The page's source file, relative to the source root. */
  file: string;
  /** The page's element folder, if it is an element's page. */
  element?: string;
  /** The element's API reference, when it has an OpenAPI document. */
  reference?: ApiReference;
  /** The page's `exampleOperation:` front matter, and its line. */
  exampleOperation?: { value: unknown; line?: number };
}

/** The front matter key that marks every ```json example of a page that does not mark itself. */
export const EXAMPLE_OPERATION_KEY = "exampleOperation";

/** What to write as `exampleOperation:`, for every report of a value that is none. */
export const EXAMPLE_OPERATION_HINT =
  "Write it as METHOD /path status; to mark a single example, write it after the fence's language instead: ```json GET /contacts 200.";

/**
 * Checks the JSON examples of one page that say which response (or request) of the element's API they show
 * against that schema: each missing required field, wrong type or field the schema does not allow is an error at
 * its own line in the source. Unmarked examples are left alone. A marked example in an include is checked on the
 * pages of elements that have an OpenAPI document and skipped on the others, so that shared includes can mark
 * their examples once for every element; one written in the page itself needs the document.
 */
export class ApiExampleCheck {
  private readonly pageMarking: ExampleMarking | undefined;
  private readonly targets = new Map<string, ExampleTarget | MarkingProblem>();

  constructor(
    private readonly page: ApiExamplesPage,
    private readonly report: (diagnostic: Diagnostic) => void,
  ) {
    this.pageMarking = this.readPageMarking();
  }

  /** A `fence` token of the page's Markdown. */
  fence(token: Token, locator: MarkdownLocator): void {
    const [language, ...words] = token.info.trim().split(/\s+/);
    if (language?.toLowerCase() !== "json" || !token.map || words[0]?.toLowerCase() === UNCHECKED) return;
    const own = readMarking(words, this.page.reference);
    const marking = own ?? this.pageMarking;
    if (!marking) return;
    const fenceLine = token.map[0];
    const atMarking = () => locator.locate(fenceLine, Math.max(locator.find(fenceLine, words.join(" ")), 0), words.join(" "));
    if (isMarkingProblem(marking)) {
      this.report({ ...atMarking(), severity: "error", ...marking });
      return;
    }
    // An example that is no JSON at all is reported as such (json-example); there is nothing to compare.
    if (lintJson(token.content)) return;
    const { reference } = this.page;
    if (!reference) {
      const position = atMarking();
      // Shared includes mark their examples for the elements that have a document.
      if (own && !position.chain?.length && position.file === this.page.file) {
        this.report({ ...position, severity: "error", ...this.missingDocument(`This example is marked "${marking.text}"`) });
      }
      return;
    }
    const target = this.target(reference, marking);
    if (isMarkingProblem(target)) {
      // The page's own marking was reported once, at its front matter line.
      if (own) this.report({ ...atMarking(), severity: "error", ...target });
      return;
    }
    const problems = validateExample(JSON.parse(token.content), target.schema, reference.schemas);
    if (problems.length === 0) return;
    const lineOf = linesOf(token.content);
    for (const problem of problems) {
      // Line k (1-based) of the fence's content is Markdown line map[0] + k (0-based).
      const line = fenceLine + lineOf(problem.path);
      this.report({
        ...positionIn(locator, line, problem.path),
        severity: "error",
        code: "example-schema",
        message: `${problem.message}, in this example of ${marking.text}`,
        hint: fixHint(problem, `${reference.file}:${target.sourceLine}`, target.label),
      });
    }
  }

  private target(reference: ApiReference, marking: ExampleMarking): ExampleTarget | MarkingProblem {
    let target = this.targets.get(marking.text);
    if (!target) this.targets.set(marking.text, (target = exampleTarget(reference, marking)));
    return target;
  }

  /** `exampleOperation:` read once per page; a problem with it is reported at its line, and it then marks nothing. */
  private readPageMarking(): ExampleMarking | undefined {
    const written = this.page.exampleOperation;
    if (written === undefined) return undefined;
    // A value that is no text on an element's page is reported once, by its front matter check (front-matter-type).
    if (typeof written.value !== "string" && this.page.element) return undefined;
    const marking = typeof written.value === "string" ? readMarking(written.value.trim().split(/\s+/), this.page.reference) : undefined;
    const problem = this.pageMarkingProblem(marking);
    if (!problem) return marking as ExampleMarking;
    this.report({ file: this.page.file, ...(written.line ? { line: written.line } : {}), severity: "error", ...problem });
    return undefined;
  }

  private pageMarkingProblem(marking: ExampleMarking | MarkingProblem | undefined): MarkingProblem | undefined {
    if (!marking) {
      return {
        code: "operation-unknown",
        message: `${EXAMPLE_OPERATION_KEY}: should name the method, path and status the page's JSON examples show, such as GET /contacts 200`,
        hint: EXAMPLE_OPERATION_HINT,
      };
    }
    if (isMarkingProblem(marking)) return marking;
    if (!this.page.reference) return this.missingDocument(`${EXAMPLE_OPERATION_KEY}: "${marking.text}" marks this page's examples`);
    const target = this.target(this.page.reference, marking);
    return isMarkingProblem(target) ? target : undefined;
  }

  private missingDocument(subject: string): MarkingProblem {
    const whose = this.page.element ? `the element "${this.page.element}" has no OpenAPI document` : "the page belongs to no element";
    return {
      code: "operation-unknown",
      message: `${subject}, but ${whose} to check it against`,
      hint: "Add docs/elements/<element>/openapi.yaml, or remove the marking.",
    };
  }
}

/** For each JSON pointer into the example, its 1-based line in the example's text. */
function linesOf(json: string): (pointer: string) => number {
  try {
    return parseWithLines(json, { json: true }).lineOf;
  } catch (error) {
    // A text JSON.parse reads but the YAML reader refuses (a repeated key): every problem goes to the first line.
    if (error instanceof TextSyntaxError) return () => 1;
    throw error;
  }
}

/** At the field's key on its line when the line holds it, else at the line's first character. */
function positionIn(locator: MarkdownLocator, line: number, pointer: string): SourcePosition {
  const key = pointerKeys(pointer).at(-1);
  const needle = key !== undefined && !/^\d+$/.test(key) ? JSON.stringify(key) : undefined;
  const found = needle === undefined ? -1 : locator.find(line, needle);
  if (found !== -1) return locator.locate(line, found, needle);
  const text = locator.lineText(line);
  return locator.locate(line, text.length - text.trimStart().length);
}

function fixHint(problem: ExampleProblem, schemaAt: string, label: string): string {
  switch (problem.keyword) {
    case "required":
      return `The ${label} schema (${schemaAt}) requires it: add it to the example, or, if the API may leave it out, take it out of required: there.`;
    case "additionalProperties":
      return `The ${label} schema (${schemaAt}) allows no other fields here (additionalProperties: false): remove it from the example, or add it to the schema's properties.`;
    case "type":
      return `Write the value as the ${label} schema (${schemaAt}) says, or correct the schema if the API really sends this.`;
    default:
      return `Make the example fit the ${label} schema (${schemaAt}), or correct the schema if the API really sends this.`;
  }
}

/** What the check needs of a page: its element's reference and its `exampleOperation:`. */
export function apiExamplesPage(references: ReadonlyMap<string, ApiReference>, page: SourcePage): ApiExamplesPage {
  const written = page.data[EXAMPLE_OPERATION_KEY];
  return {
    file: page.file,
    ...(page.elementFolder ? { element: page.elementFolder } : {}),
    ...(page.elementFolder && references.has(page.elementFolder) ? { reference: references.get(page.elementFolder) } : {}),
    ...(written !== undefined ? { exampleOperation: { value: written, line: page.keyLines[EXAMPLE_OPERATION_KEY] } } : {}),
  };
}
