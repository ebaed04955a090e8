import { describe, expect, it } from "vitest";
import { firstSentence, oneLineDescription } from "../../../src/agents/one-line-summary.ts";

describe("a page's line in llms.txt", () => {
  it("is the front matter description, on one line", () => {
    expect(oneLineDescription({ title: "Events", description: "Hear about\n  changed tickets." }, "Ignored.")).toBe("Hear about changed tickets.");
  });

  it("is the first sentence of the text when the description only repeats the title, or is missing", () => {
    expect(oneLineDescription({ title: "Authenticate", description: "Authenticate" }, "From the text.")).toBe("From the text.");
    expect(oneLineDescription({ title: "Authenticate" }, undefined)).toBe("");
  });

  it("takes the first sentence of the first paragraph of prose, without Markdown or HTML", () => {
    const markdown = [
      "",
      "# Authenticate with Acme",
      "",
      '<div class="note">Skipped.</div>',
      "",
      "An *element instance* is one [connection](index.html) to `Acme`. It has a token.",
      "More of the paragraph.",
      "",
      "Another paragraph.",
    ].join("\n");
    expect(firstSentence(markdown)).toBe("An element instance is one connection to Acme.");
  });

  it("passes over code, lists and tables, and cuts a long sentence at a word", () => {
    const markdown = ["```", "not prose", "```", "- a list", "| a | table |", "", `${"word ".repeat(60)}end.`].join("\n");
    const sentence = firstSentence(markdown)!;
    expect(sentence.length).toBeLessThanOrEqual(200);
    expect(sentence).toMatch(/^word word .* word…$/);
  });

  it("is undefined for a page without prose", () => {
    expect(firstSentence("# Title\n\n- only\n- a list\n")).toBeUndefined();
  });
});
