import { describe, expect, it } from "vitest";
import { readQuote } from "../../../../src/markdown/plugins/smart-quotes.ts";

describe("readQuote (kramdown's smart-quote rules)", () => {
  it.each([
    // text, position of the quote, whether the character before it is still plain text, the reading
    [`it's`, 2, true, { text: "", quotes: ["rsquo"], end: 3 }],
    [` "word`, 1, true, { text: "", quotes: ["ldquo"], end: 2 }],
    [`"word`, 0, false, { text: "", quotes: ["ldquo"], end: 1 }],
    [`word"`, 4, true, { text: "", quotes: ["rdquo"], end: 5 }],
    [`"'Quoted`, 0, false, { text: "", quotes: ["ldquo", "lsquo"], end: 2 }],
    [` '80s`, 1, true, { text: "", quotes: ["rsquo"], end: 2 }],
    [`"*x*"`, 0, false, { text: "", quotes: ["ldquo"], end: 1 }],
    [`'s Last`, 0, false, { text: "", quotes: ["rsquo"], end: 1 }],
    [`("x")`, 1, true, { text: "", quotes: ["ldquo"], end: 2 }],
    // Two quotes before a word, nothing before them: kramdown keeps the first as typed.
    [`""a`, 0, false, { text: `"`, quotes: ["rdquo"], end: 2 }],
    [`""`, 0, false, { text: "", quotes: ["rdquo"], end: 1 }],
  ])("%j at %i (before: %s)", (src, pos, withBefore, reading) => {
    expect(readQuote(src, pos, withBefore)).toEqual(reading);
  });
});
