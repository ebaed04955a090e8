import { describe, expect, it } from "vitest";
import { lintJson } from "../../../src/content/json-lint.ts";

/** The problem's message and the text from its offset on, so each case shows where it points. */
function lint(text: string) {
  const problem = lintJson(text);
  return problem && { message: problem.message, at: text.slice(problem.offset, problem.offset + 12) };
}

describe("lintJson", () => {
  it("accepts valid JSON, placeholders inside strings included", () => {
    expect(lint('{ "user": "<AUTOTASK_USERNAME>", "n": -1.5e3, "ok": [true, false, null], "s": "a\\"b\\u00e9" }')).toBeUndefined();
    expect(lint("  \n")).toBeUndefined();
    expect(lint("[]")).toBeUndefined();
  });

  it("names a trailing comma at the comma, in objects and arrays", () => {
    expect(lint('{\n  "a": 1,\n}')).toEqual({ message: expect.stringContaining('Trailing comma before "}"'), at: ",\n}" });
    expect(lint("[1, 2,]")?.message).toContain('Trailing comma before "]"');
  });

  it("names comments, unquoted keys and single quotes", () => {
    expect(lint('{ "a": 1 // why\n}')).toEqual({ message: expect.stringContaining("Comments are not allowed"), at: "// why\n}" });
    expect(lint('{ /* c */ "a": 1 }')?.message).toContain("Comments are not allowed");
    expect(lint("{ key: 1 }")).toEqual({ message: 'The property name key must be in double quotes: "key"', at: "key: 1 }" });
    expect(lint("{ 'key': 1 }")?.message).toContain("double quotes, not single quotes");
    expect(lint('{ "a": \'x\' }')?.message).toContain("not single quotes");
  });

  it("names a missing comma, a placeholder outside quotes and other hand-written slips", () => {
    expect(lint('{ "a": 1\n  "b": 2 }')).toEqual({ message: "A comma is missing before this property", at: '"b": 2 }' });
    expect(lint('{ "id": <ID> }')?.message).toBe('The placeholder <ID> must be inside a string: write "<ID>"');
    expect(lint('{ "a": 1, ... }')?.message).toContain('"..." is not JSON');
    expect(lint('{ "a": True }')?.message).toBe('"True" is not JSON: write true');
    expect(lint('{ "a": None }')?.message).toBe('"None" is not JSON: write null');
    expect(lint('{ "a": 007 }')?.message).toContain("leading zero");
    expect(lint('{ "a": "line\nbreak" }')?.message).toContain("A line break inside a string");
    expect(lint('{ "a": "\\x" }')?.message).toContain('Unknown escape "\\x"');
  });

  it("names what is missing at the end", () => {
    expect(lint('{ "a": [1, 2 }')?.message).toBe('Unexpected "}": expected "," or "]"');
    expect(lint('{ "a": 1')?.message).toBe("The JSON ends inside an object: a } is missing");
    expect(lint('{ "a": "open')?.message).toContain("never closed");
    expect(lint('{ "a": 1 } { "b": 2 }')?.message).toContain("Unexpected text after the end");
  });
});
