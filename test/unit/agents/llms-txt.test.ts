import { describe, expect, it } from "vitest";
import { llmsTxt, type LlmsLink } from "../../../src/agents/llms-txt.ts";
import { parseLlmsTxt } from "../../agents/support/llms-parse.ts";

const link = (title: string, url: string, description = "", children: LlmsLink[] = []): LlmsLink => ({ title, url, description, file: url, children });

describe("llms.txt", () => {
  const text = llmsTxt(
    { title: "Acme Guides", description: "Guides for\nAcme's elements." },
    [
      {
        name: "CRM",
        links: [link("Acme CRM", "https://x.test/docs/acme/index.md", "What it does.", [link("Authenticate", "https://x.test/docs/acme/authenticate.md", "Make an instance.")])],
      },
      { name: "Empty hub", links: [] },
      { name: "Other pages", links: [link("Notes [draft] (old)", "https://x.test/docs/notes (old).md")] },
    ],
    "https://x.test/llms-full.txt",
  );

  it("has the site's name as H1, its description as the blockquote, and one H2 per section with pages", () => {
    const parsed = parseLlmsTxt(text);
    expect(parsed.title).toBe("Acme Guides");
    expect(parsed.summary).toBe("Guides for Acme's elements.");
    expect(parsed.info).toContain("[llms-full.txt](https://x.test/llms-full.txt)");
    expect(parsed.sections.map((s) => s.name)).toEqual(["CRM", "Other pages"]);
  });

  it("lists an element's pages nested under it, each as - [title](url): description", () => {
    expect(parseLlmsTxt(text).sections[0].links).toEqual([
      { depth: 0, title: "Acme CRM", url: "https://x.test/docs/acme/index.md", description: "What it does." },
      { depth: 1, title: "Authenticate", url: "https://x.test/docs/acme/authenticate.md", description: "Make an instance." },
    ]);
  });

  it("escapes what would end a title or an address early", () => {
    expect(text).toContain("- [Notes \\[draft\\] (old)](https://x.test/docs/notes%20%28old%29.md)\n");
    expect(parseLlmsTxt(text).sections[1].links[0].title).toBe("Notes [draft] (old)");
  });
});
