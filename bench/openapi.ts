// `node bin/element-guides.mjs bench-openapi [--operations 500] [--runs 5]`: what reading one element's API description
// costs the build. Generates an OpenAPI 3.0 document with that many operations over shared, nested and recursive
// schemas, then times each step of src/openapi/load-spec.ts: the first run (what a build pays) and the median of
// the next runs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import yaml from "js-yaml";
import { buildModel } from "../src/openapi/build-model.ts";
import { parseWithLines } from "../src/openapi/parse-with-lines.ts";
import { refDiagnostics } from "../src/openapi/refs.ts";
import type { SpecDocument } from "../src/openapi/spec-document.ts";
import { validateSpec } from "../src/openapi/validate-spec.ts";
import { answerBeforeOptions } from "../src/cli/help.ts";
import { reportUsageError } from "../src/cli/cli-errors.ts";
import { wholeNumber } from "./bench-options.ts";

const USAGE = "Usage: node bin/element-guides.mjs bench-openapi [--operations N] [--runs N]";
const early = answerBeforeOptions(process.argv.slice(2), {
  usage: USAGE,
  does: "Times each step of reading one element's OpenAPI description, on a generated document of N operations.",
  options: [
    ["--operations N", "operations in the generated document (default: 500)"],
    ["--runs N", "runs after the first; the figures are their medians (default: 5)"],
  ],
});
if (early !== undefined) process.exit(early);
let values: { operations: string; runs: string };
try {
  ({ values } = parseArgs({ options: { operations: { type: "string", default: "500" }, runs: { type: "string", default: "5" } } }));
} catch (error) {
  process.exit(reportUsageError(error, USAGE));
}
const operationCount = usable(wholeNumber("--operations", values.operations));
const runs = usable(wholeNumber("--runs", values.runs));

function usable(value: number | Error): number {
  if (value instanceof Error) process.exit(reportUsageError(value, USAGE));
  return value;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** An OpenAPI 3.0 document with `count` operations: five per resource, each resource with its own schema. */
export function generateSpec(count: number): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {
    Node: { type: "object", properties: { id: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } },
    Error: { type: "object", required: ["code", "message"], properties: { code: { type: "integer" }, message: { type: "string" } } },
  };
  for (let made = 0, r = 0; made < count; r++) {
    const name = `Resource${r}`;
    schemas[name] = {
      type: "object",
      required: ["id", "name"],
      additionalProperties: false,
      properties: {
        id: { type: "string", format: "uuid" },
        name: { type: "string", example: `name ${r}` },
        created: { type: "string", format: "date-time" },
        status: { type: "string", enum: ["active", "archived"] },
        owner: { type: "object", properties: { email: { type: "string", format: "email" }, count: { type: "integer", minimum: 1, maximum: 9 } } },
        tags: { type: "array", items: { type: "string" } },
        tree: { $ref: "#/components/schemas/Node" },
      },
    };
    const json = (schema: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } });
    const collection = `/resources${r}`;
    const item = `${collection}/{id}`;
    for (const method of METHODS) {
      if (made++ >= count) break;
      const at = method === "post" ? collection : item;
      paths[at] ??= at === item ? { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] } : {};
      paths[at][method] = {
        operationId: `${method}${name}`,
        tags: [`tag${r % 20}`],
        summary: `${method} ${name}`,
        description: `Does **${method}** on a ${name}.`,
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
          { name: "X-Trace", in: "header", schema: { type: "string" } },
        ],
        ...(method === "get" || method === "delete" ? {} : { requestBody: { required: true, content: json(name) } }),
        responses: { 200: { description: "OK", content: json(name) }, 400: { description: "Bad request", content: json("Error") } },
      };
    }
  }
  return {
    openapi: "3.0.3",
    info: { title: "Generated", version: "1.0.0" },
    servers: [{ url: "https://api.example.com/v1" }],
    security: [{ basic: [] }],
    paths,
    components: { schemas, securitySchemes: { basic: { type: "http", scheme: "basic" } } },
  };
}

type Step = "parse" | "refs" | "validate" | "model";

async function timeOnce(text: string): Promise<Record<Step | "total", number>> {
  const times = { parse: 0, refs: 0, validate: 0, model: 0, total: 0 };
  const step = async <T>(name: Step, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    times[name] = performance.now() - started;
    return result;
  };
  const { value, lineOf } = await step("parse", () => parseWithLines(text));
  const doc: SpecDocument = { file: "openapi.yaml", root: value as Record<string, unknown>, version: "3.0", lineOf };
  await step("refs", () => refDiagnostics(doc));
  const problems = await step("validate", () => validateSpec(doc));
  await step("model", () => buildModel(doc, "generated"));
  if (problems.length) throw new Error(`The generated document should be valid: ${problems[0].message}`);
  times.total = times.parse + times.refs + times.validate + times.model;
  return times;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-openapi-bench-"));
const file = path.join(dir, "openapi.yaml");
fs.writeFileSync(file, yaml.dump(generateSpec(operationCount), { noRefs: true }));
const text = fs.readFileSync(file, "utf8");
process.stderr.write(`${operationCount} operations: ${(text.length / 1024).toFixed(0)} KiB, ${text.split("\n").length} lines (${file})\n`);

const first = await timeOnce(text);
const later: Record<string, number>[] = [];
for (let i = 1; i < runs; i++) later.push(await timeOnce(text));
const median = (key: string) => {
  const sorted = later.map((t) => t[key]).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : Number.NaN;
};
const ms = (value: number) => (Number.isNaN(value) ? "-" : `${value.toFixed(0)} ms`);
const rows = [["step", "first run", `median of ${later.length} more`]];
for (const key of ["parse", "refs", "validate", "model", "total"] as const) rows.push([key, ms(first[key]), ms(median(key))]);
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => (column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join("  "));
console.log(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
fs.rmSync(dir, { recursive: true, force: true });
