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
});
