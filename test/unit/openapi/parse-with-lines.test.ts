// Every node's line, so that a problem anywhere in an API description is reported where it is written.
import { describe, expect, it } from "vitest";
import { parseWithLines, TextSyntaxError } from "../../../src/openapi/parse-with-lines.ts";

describe("parseWithLines", () => {
  it("gives the line of each key and list item in block and flow YAML", () => {
    const { value, lineOf } = parseWithLines(["a:", "  b: 1", "  list:", "    - x", "    - { y: 2,", "        z: 3 }", '"c/d~e": |', "  text", "f: 2024-01-15"].join("\n"));
    expect(["/a", "/a/b", "/a/list/0", "/a/list/1", "/a/list/1/z", "/c~1d~0e", "/f"].map(lineOf)).toEqual([1, 2, 4, 5, 6, 7, 9]);
    // A date stays the text written, as JSON would have it.
    expect(value).toEqual({ a: { b: 1, list: ["x", { y: 2, z: 3 }] }, "c/d~e": "text\n", f: "2024-01-15" });
  });

  it("gives the line of nodes in JSON", () => {
    const { lineOf } = parseWithLines(['{', '  "paths": {', '    "/a": {', '      "get": { "x": [1,', "        2] }", "    }", "  }", "}"].join("\n"), { json: true });
    expect(["/paths", "/paths/~1a", "/paths/~1a/get", "/paths/~1a/get/x/1"].map(lineOf)).toEqual([2, 3, 4, 5]);
  });

  it("falls back to the nearest ancestor for a missing node, and to line 1", () => {
    const { lineOf } = parseWithLines("a:\n  b:\n    - \n    - 2\n");
    expect([lineOf("/a/b/9/x"), lineOf("/nothing"), lineOf("")]).toEqual([2, 1, 1]);
  });

  it("throws the line and column of a syntax error", () => {
    const error = (text: string, json = false) => {
      try {
        parseWithLines(text, { json });
      } catch (thrown) {
        return thrown instanceof TextSyntaxError ? [thrown.line, thrown.column] : thrown;
      }
    };
    expect(error("a: 1\nb: [2\nc: 3\n")).toEqual([3, 1]);
    expect(error('{\n  "a": 1,\n}', true)).toEqual([2, 9]);
    expect(error("a: 1\na: 2\n")).toEqual([2, 1]);
  });

  it("refuses an alias inside the part it names, and aliases that expand without end, at the alias's line", () => {
    const refusal = (text: string) => {
      try {
        parseWithLines(text);
      } catch (thrown) {
        return thrown instanceof TextSyntaxError ? [thrown.line, thrown.message, thrown.hint] : thrown;
      }
    };
    expect(refusal("a: 1\nschema: &s\n  type: object\n  properties:\n    parent: *s\n")).toEqual([5, expect.stringContaining("makes the document endless"), expect.stringContaining("$ref")]);
    const levels = ["x0: &x0 [1, 2, 3, 4, 5, 6, 7, 8, 9]"];
    for (let i = 1; i <= 9; i++) levels.push(`x${i}: &x${i} [${Array(9).fill(`*x${i - 1}`).join(", ")}]`);
    expect(refusal(levels.join("\n"))).toEqual([expect.any(Number), expect.stringContaining("more than 2,000,000 values"), expect.any(String)]);
    // Aliases of parts that do not hold them are YAML as usual.
    expect(parseWithLines("base: &b {type: string}\nname: *b\nother: *b\n").value).toEqual({ base: { type: "string" }, name: { type: "string" }, other: { type: "string" } });
  });
});
