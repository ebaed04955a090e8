// yamlLines writes plain values itself: it must write exactly what js-yaml writes, for any text.
import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { yamlLines } from "../../../src/text/yaml-lines.ts";

const dump = (mapping: Record<string, string>) => yaml.dump(mapping, { lineWidth: -1 });

/** Characters YAML treats specially, and ones it does not, so that random text meets every rule of plain style. */
const CHARACTERS = [..."abcXYZ019 /.,()_-:#'\"!&*?|>%@`{}[]~=+\\\t\n\u00e9\u00a0\u2028"];
const text = fc.oneof(
  fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 24 }).map((chars) => chars.join("")),
  fc.constantFrom("true", "True", "FALSE", "null", "Null", "~", "yes", "no", "on", "off", "1", "1.5", "1e3", "0x1F", ".inf", ".nan", "2026-12-07", "<<", "-", "- a", "a:", "a: b", "a #b", "/", "/docs/a.html", "https://example.test/docs/a.md", "a:b", "a#b", "a :b", "API Provider Setup", "Element 140", "Why (and how)", "x-api-key"),
);

describe("yamlLines", () => {
  it("writes what js-yaml writes, for any value", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(yamlLines({ title: value })).toBe(dump({ title: value }));
      }),
      { seed: 4_242, numRuns: 20_000 },
    );
  });

  it("writes what js-yaml writes for a mapping of several keys, any keys", () => {
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 4 }), (mapping) => {
        expect(yamlLines(mapping)).toBe(dump(mapping));
      }),
      { seed: 4_242, numRuns: 5_000 },
    );
  });

  it("writes a key longer than js-yaml writes plainly as js-yaml does", () => {
    const key = "k".repeat(1025);
    expect(yamlLines({ [key]: "v" })).toBe(dump({ [key]: "v" }));
  });

  it("writes the values of real pages plainly, as js-yaml does", () => {
    for (const value of ["API Provider Setup", "/docs/elements/autotask-crm/authenticate.html", "https://example.test/docs/index.md", "Connect it to your application."]) {
      expect(yamlLines({ url: value })).toBe(`url: ${value}\n`);
      expect(dump({ url: value })).toBe(`url: ${value}\n`);
    }
  });
});
