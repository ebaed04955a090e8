// A JSON example marked with the response it shows (```json GET /contacts 200) is checked against that response's
// schema in the element's OpenAPI document, and each mismatch is an error at its own line of the source.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyTree, writeFiles } from "../../support/fixture-tree.ts";
import { runCli } from "../../support/run-cli.ts";
import { acmePage, at, buildGuide, exampleProblems, GUIDE_EXAMPLES } from "./build-guide.ts";

/** Line 6 of the page is the first of `body` (five lines of front matter come first). */
const page = (body: string, front = "") => acmePage("Examples", body, front);
const FILE = "docs/elements/acme/examples.md";

describe("marked JSON examples", () => {
  it("lets examples that fit pass, in the page and in an include, and leaves unmarked ones alone", async () => {
    const site = await buildGuide();
    expect(exampleProblems(site.diagnostics)).toEqual([]);
    // The marking is no language: the examples are highlighted as JSON, with nothing of the marking shown.
    const overview = site.html("docs/elements/acme/index.md");
    const blocks = overview.all(".code-block");
    expect(blocks).toHaveLength(6);
    expect(blocks.map((block) => block.attribs["data-lang"])).toEqual(Array(6).fill("json"));
    expect(overview.all(".code-block pre.shiki span[style]").length).toBeGreaterThan(20);
    expect(overview.html).not.toContain("GET /contacts 200");
  });

  it("fails at the line of each missing required field, wrong type and field the schema does not allow", async () => {
    const site = await buildGuide({
      [FILE]: page(
        [
          "```json GET /contacts/{id} 200",
          "{",
          '  "id": "42",',
          '  "name": "Grace Hopper",',
          '  "phone": "+1 555 0100"',
          "}",
          "```",
        ].join("\n"),
      ),
    });
    const problems = exampleProblems(site.diagnostics);
    expect(problems.map(at)).toEqual([`${FILE}:7:1 example-schema`, `${FILE}:8:3 example-schema`, `${FILE}:10:3 example-schema`]);
    expect(problems.map((d) => d.message)).toEqual([
      'Missing required field "email", in this example of GET /contacts/{id} 200',
      'Field "id" should be an integer, not a string, in this example of GET /contacts/{id} 200',
      'Unknown field "phone": the schema allows no other fields here, in this example of GET /contacts/{id} 200',
    ]);
    expect(problems.every((d) => d.severity === "error")).toBe(true);
    expect(problems[0].hint).toMatch(/^The response 200 schema \(docs\/elements\/acme\/openapi\.yaml:\d+\) requires it/);
    expect(problems[2].hint).toContain("additionalProperties: false");
  });

  it("points into an array, and into an include with the chain of the page that included it", async () => {
    const site = await buildGuide({
      "_includes/contacts.md": ["```json GET /contacts 200", "[", '  { "id": 1, "name": "Ada", "email": "ada@example.com" },', '  { "id": 2, "name": "Alan" }', "]", "```"].join("\n"),
      [FILE]: page("\nThe list:\n\n{% include contacts.md %}\n"),
    });
    const problems = exampleProblems(site.diagnostics);
    expect(problems.map(at)).toEqual(["_includes/contacts.md:4:3 example-schema"]);
    expect(problems[0].message).toMatch(/^Missing required field "email" in item 1,/);
    expect(problems[0].chain).toEqual([`${FILE}:9`]);
  });

  it("checks a request body, a status range and the first success response when no status is given", async () => {
    const site = await buildGuide({
      [FILE]: page(
        [
          "```json POST /contacts request",
          '{ "name": 7, "email": "alan@example.com" }',
          "```",
          "",
          "```json GET /contacts/7 404",
          '{ "error": "gone" }',
          "```",
          "",
          "```json POST /contacts",
          '{ "id": 3, "name": "Alan", "email": "not an address" }',
          "```",
        ].join("\n"),
      ),
    });
    expect(exampleProblems(site.diagnostics).map((d) => `${at(d)}: ${d.message}`)).toEqual([
      `${FILE}:7:3 example-schema: Field "name" should be a string, not an integer, in this example of POST /contacts request`,
      `${FILE}:11:1 example-schema: Missing required field "message", in this example of GET /contacts/7 404`,
      `${FILE}:15:28 example-schema: Field "email" should be a valid email, not "not an address", in this example of POST /contacts`,
    ]);
  });

  it("reports a marking whose operation or status the document does not have at the fence", async () => {
    const site = await buildGuide({
      [FILE]: page(
        ["```json GET /contact 200", "{}", "```", "", "```json GET /contacts 201", "[]", "```", "", "```json DELETE /contacts/7 204", "{}", "```", "", "```json GET", "{}", "```"].join("\n"),
      ),
    });
    const problems = exampleProblems(site.diagnostics);
    expect(problems.map((d) => `${at(d)}: ${d.message}`)).toEqual([
      `${FILE}:6:9 operation-unknown: docs/elements/acme/openapi.yaml has no operation GET /contact`,
      `${FILE}:10:9 example-response: GET /contacts has no response 201 in docs/elements/acme/openapi.yaml`,
      `${FILE}:14:9 example-response: Response 204 of DELETE /contacts/{id} has no JSON body in docs/elements/acme/openapi.yaml`,
      `${FILE}:18:9 operation-unknown: "GET" names no path: the method is followed by the path the example shows, such as /contacts`,
    ]);
    expect(problems[0].hint).toMatch(/GET \/contacts \(listContacts\)/);
    expect(problems[1].hint).toBe("Its JSON bodies are: 200 (docs/elements/acme/openapi.yaml:11).");
  });

  it("reports a word in the method's place that is no HTTP method, with the operations at that path", async () => {
    const fences = ["```json FETCH /contacts 200", "[]", "```", "", "```json GETT /contacts/42", "{}", "```", "", "```json DELET /nowhere", "{}", "```", "", "```json title /x", "{}", "```"];
    const site = await buildGuide({ [FILE]: page(fences.join("\n")) });
    const problems = exampleProblems(site.diagnostics);
    expect(problems.map((d) => `${at(d)}: ${d.message}`)).toEqual([
      `${FILE}:6:9 operation-unknown: "FETCH" is no HTTP method`,
      `${FILE}:10:9 operation-unknown: "GETT" is no HTTP method: did you mean GET?`,
      `${FILE}:14:9 operation-unknown: "DELET" is no HTTP method: did you mean DELETE?`,
      `${FILE}:18:9 operation-unknown: "title" is no HTTP method`,
    ]);
    expect(problems[0].hint).toMatch(/^docs\/elements\/acme\/openapi\.yaml has at \/contacts: GET \/contacts \(listContacts\), POST \/contacts/);
    expect(problems[1].hint).toMatch(/^docs\/elements\/acme\/openapi\.yaml has at \/contacts\/42: GET \/contacts\/\{id\} \(getContact\)/);
    expect(problems[2].hint).toMatch(/^The closest operations in docs\/elements\/acme\/openapi\.yaml: .*DELETE \/contacts\/\{id\} \(deleteContact\)/);
    expect(problems.every((d) => d.severity === "error")).toBe(true);
  });

  it("applies exampleOperation: to the page's unmarked examples, except those marked unchecked", async () => {
    const body = ["```json", '[{ "id": 1, "name": "Ada" }]', "```", "", "```json unchecked", '{ "event": "created" }', "```", "", "```json POST /contacts request", '{ "name": "Ada", "email": "ada@example.com" }', "```"];
    const site = await buildGuide({
      [FILE]: page(body.join("\n"), "exampleOperation: GET /contacts 200\n"),
      "docs/elements/acme/wrong.md": acmePage("Wrong", "```json\n{}\n```\n", "exampleOperation: GET /contacts 201\n"),
    });
    expect(exampleProblems(site.diagnostics).map(at)).toEqual([`${FILE}:8:1 example-schema`, "docs/elements/acme/wrong.md:5:undefined example-response"]);
  });

  it("reports an exampleOperation: that is no text once, at its line, with what to write", async () => {
    const site = await buildGuide({ [FILE]: page("```json\n[]\n```\n", "exampleOperation: 42\n") });
    const problems = site.diagnostics.filter((d) => d.file === FILE);
    expect(problems.map((d) => `${at(d)} ${d.severity}`)).toEqual([`${FILE}:5:undefined front-matter-type error`]);
    expect(problems[0].message).toMatch(/^exampleOperation must be a method, a path and a status, such as GET \/contacts 200/);
    expect(problems[0].hint).toMatch(/^Write it as METHOD \/path status/);
  });

  it("checks an include's marked examples only for elements with a document, and a page's own marking always", async () => {
    const plain = (body: string, title = "Overview") => `---\nheading: Plain\ntitle: ${title}\nlayout: none\n---\n${body}`;
    const site = await buildGuide({
      "_includes/list.md": "```json GET /contacts 200\n[{}]\n```\n",
      "docs/elements/plain/index.md": plain("{% include list.md %}\n"),
      "docs/elements/plain/own.md": plain("```json GET /contacts 200\n[]\n```\n", "Own"),
    });
    expect(exampleProblems(site.diagnostics).map((d) => `${at(d)}: ${d.message}`)).toEqual([
      'docs/elements/plain/own.md:6:9 operation-unknown: This example is marked "GET /contacts 200", but the element "plain" has no OpenAPI document to check it against',
    ]);
  });

  it("fails npm run build with the example's file and line, and leaves the output folder alone", async () => {
    const tree = copyTree(GUIDE_EXAMPLES);
    writeFiles(tree, { [FILE]: page('```json GET /contacts/{id} 200\n{ "id": 1, "name": "Ada" }\n```\n') });
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-examples-")), "site");
    const result = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${FILE}:7:1: error example-schema: Missing required field "email", in this example of GET /contacts/{id} 200`);
    expect(fs.existsSync(out)).toBe(false);
  });
});
