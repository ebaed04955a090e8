// A page named as Jekyll sites name SDK pages (`c#-sdk.md`) is written at that name and linked %-escaped, as Jekyll
// does (`/docs/sdk/c%23-sdk.html`): a `#` or `?` left as it is would end the address early.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";
import { jekyllCompatConfig } from "../support/fixture-tree.ts";

const ELEMENT = fs.readFileSync(path.join(import.meta.dirname, "../fixtures/jekyll-compat/docs/elements/tidewater-crm/setup.md"), "utf8");

describe("a page whose file name holds # or ?", () => {
  it("is written at its name and linked %-escaped everywhere: page.url, links, sidebar, twin, sitemap, llms.txt", async () => {
    const { out, result } = await buildWithFiles({
      "docs/sdk/c#-sdk.md": "---\ntitle: C# SDK\nseo: C# SDK\n---\n\n# The C# SDK\n\n## Install it\n\nSee [the F# SDK](f%23-sdk.html#use-it) and [the FAQ]({% link docs/sdk/faq?.md %}).\n\nThis page is {{ page.url }}.\n",
      "docs/sdk/f#-sdk.md": "---\ntitle: F# SDK\nseo: F# SDK\n---\n\n# The F# SDK\n\n## Use it\n\nBack to [C#](c%23-sdk.html#install-it).\n",
      "docs/sdk/faq?.md": "---\ntitle: FAQ\nseo: FAQ\n---\n\n# Questions\n",
      "docs/elements/tidewater-crm/c#-notes.md": ELEMENT.replace(/^title: .*$/m, "title: C# notes").replace(/^order: .*$/m, "order: 99"),
    });
    expect(result.stderr).not.toMatch(/error|warning/);
    expect(result.code).toBe(0);
    const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
    const sdk = read("docs/sdk/c#-sdk.html");
    expect(sdk).toContain("This page is /docs/sdk/c%23-sdk.html.");
    expect(sdk).toContain('href="f%23-sdk.html#use-it"');
    expect(sdk).toContain('href="/docs/sdk/faq%3F.html"');
    expect(read("docs/sdk/faq?.html")).toContain("Questions");
    const notes = read("docs/elements/tidewater-crm/c#-notes.html");
    expect(notes).toContain('<a href="/docs/elements/tidewater-crm/c%23-notes.html" aria-current="page">');
    expect(notes).toContain('href="/docs/elements/tidewater-crm/c%23-notes.md"');
    expect(read("docs/elements/tidewater-crm/c#-notes.md")).toContain("C# notes");
    expect(read("docs/elements/tidewater-crm/events.html")).toContain('href="/docs/elements/tidewater-crm/c%23-notes.html"');
    expect(read("sitemap.xml")).toContain("/docs/sdk/c%23-sdk.html</loc>");
    expect(read("llms.txt")).toContain("/docs/elements/tidewater-crm/c%23-notes.md)");
  }, 120_000);

  it("still has its links and anchors checked", async () => {
    const { result } = await buildWithFiles({
      "docs/sdk/c#-sdk.md": "---\ntitle: C# SDK\nseo: C# SDK\n---\n\n# The C# SDK\n\nSee [nowhere](c%23-nope.html) and [no anchor](c%23-sdk.html#missing).\n",
    });
    expect(result.stderr).toMatch(/docs\/sdk\/c#-sdk\.md:\d+:\d+: error link-broken: Broken link "c%23-nope\.html"/);
    expect(result.stderr).toMatch(/docs\/sdk\/c#-sdk\.md:\d+:\d+: warning \S+: .*#missing/);
  }, 120_000);

  it("is escaped whole, spaces too, and can be named by breadcrumbs: and an edit link", async () => {
    const { out, result } = await buildWithFiles({
      "_config.yml": `${jekyllCompatConfig()}\nrepository: acme/guides\n`,
      "docs/sdk/c# sdk.md": "---\ntitle: C# SDK\nseo: C# SDK\n---\n\n# The C# SDK\n\nThis page is {{ page.url }}.\n",
      "docs/sdk/install.md":
        "---\ntitle: Install\nseo: Install\nbreadcrumbs: /docs/sdk/c%23%20sdk.html\nparent: C# SDK\n---\n\n# Install\n\nBack to [the SDK]({% link docs/sdk/c# sdk.md %}).\n",
    });
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
    const sdk = read("docs/sdk/c# sdk.html");
    expect(sdk).toContain("This page is /docs/sdk/c%23%20sdk.html.");
    expect(sdk).toContain('href="https://github.com/acme/guides/edit/main/docs/sdk/c%23%20sdk.md"');
    const install = read("docs/sdk/install.html");
    expect(install).toContain('href="/docs/sdk/c%23%20sdk.html"');
    expect(read("sitemap.xml")).toContain("/docs/sdk/c%23%20sdk.html</loc>");
  }, 120_000);
});
