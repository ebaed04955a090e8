// {% operation %} embeds one operation of the element's API reference in a guide, and names a wrong one at its line.
import { describe, expect, it } from "vitest";
import { ACME_FRONT, acmePage, at, buildGuide, exampleProblems } from "./build-guide.ts";

describe("the operation tag", () => {
  it("renders a card with method, path and summary that links to the operation in the reference", async () => {
    const site = await buildGuide();
    const page = site.html("docs/elements/acme/index.md");
    const cards = page.all(".operation-card");
    expect(cards).toHaveLength(2);
    expect(page.texts(".operation-card .api-method")).toEqual(["GET", "GET"]);
    expect(page.texts(".operation-card .api-path")).toEqual(["/contacts", "/contacts/{id}"]);
    expect(page.texts(".operation-card__summary")).toEqual(["List contacts", "Read a contact"]);
    expect(page.all(".operation-card a").map((a) => a.attribs.href)).toEqual([
      "/docs/elements/acme/api-reference/contacts.html#listcontacts",
      "/docs/elements/acme/api-reference/contacts.html#getcontact",
    ]);
    // The cards' links reach the reference's pages and headings: the whole fixture checks clean.
    expect(site.diagnostics).toEqual([]);
  });

  it("links under the base path once, in the page and in its Markdown twin, and in an .html page", async () => {
    const site = await buildGuide(
      { "docs/elements/acme/card.html": `---\n${ACME_FRONT}\ntitle: Card\n---\n{% operation listContacts %}\n` },
      { baseurl: "/guides/" },
    );
    const href = "/guides/docs/elements/acme/api-reference/contacts.html#listcontacts";
    expect(site.html("docs/elements/acme/index.md").all(".operation-card a")[0].attribs.href).toBe(href);
    expect(site.html("docs/elements/acme/card.html").all(".operation-card a")[0].attribs.href).toBe(href);
    expect(site.output("docs/elements/acme/index.md")).toContain(`href="${href}"`);
    expect(site.diagnostics).toEqual([]);
  });

  it("reports an unknown operation at the tag's file and line, with the nearest operations, and renders the rest", async () => {
    const site = await buildGuide({
      "docs/elements/acme/tags.md": acmePage("Tags", "\nFirst paragraph.\n\n{% operation GET /contact %}\n\n{% operation listContact %}\n\nLast paragraph.\n"),
    });
    const problems = exampleProblems(site.diagnostics);
    expect(problems.map(at)).toEqual(["docs/elements/acme/tags.md:9:1 operation-unknown", "docs/elements/acme/tags.md:11:1 operation-unknown"]);
    expect(problems[0].message).toBe("docs/elements/acme/openapi.yaml has no operation GET /contact");
    expect(problems[0].hint).toMatch(/^The closest operations in docs\/elements\/acme\/openapi\.yaml: GET \/contacts \(listContacts\), /);
    expect(problems[1].hint).toMatch(/: GET \/contacts \(listContacts\), /);
    expect(problems.every((d) => d.severity === "error")).toBe(true);
    expect(site.html("docs/elements/acme/tags.md").texts("p")).toEqual(["First paragraph.", "Last paragraph."]);
  });

  it("says what to write when the tag names no operation, and when the page's element has no OpenAPI document", async () => {
    const site = await buildGuide({
      "docs/elements/acme/tags.md": acmePage("Tags", "\n{% operation GET %}\n"),
      "docs/elements/plain/index.md": "---\nheading: Plain\ntitle: Overview\nlayout: none\n---\n\n{% operation GET /contacts %}\n",
    });
    const problems = exampleProblems(site.diagnostics);
    expect(problems.map(at)).toEqual(["docs/elements/acme/tags.md:7:1 operation-unknown", "docs/elements/plain/index.md:7:1 operation-unknown"]);
    expect(problems[0].message).toMatch(/^"GET" names no operation: write its method and path/);
    expect(problems[1].message).toBe('{% operation GET /contacts %} needs an API reference, but the element "plain" has no OpenAPI document');
  });

  it("makes a link to an operation the reference does not have a broken-anchor error, with the nearest id", async () => {
    const site = await buildGuide({
      "docs/elements/acme/links.md": acmePage(
        "Links",
        "\nList them with [listContacts](api-reference/contacts.html#listcontacts).\n\nRead one with [getContact](api-reference/contacts.html#get-contact).\n",
      ),
    });
    expect(site.diagnostics.map((d) => `${at(d)} ${d.severity}`)).toEqual(["docs/elements/acme/links.md:9:28 link-anchor error"]);
    expect(site.diagnostics[0].message).toBe(
      'Broken anchor "api-reference/contacts.html#get-contact": the API reference page /docs/elements/acme/api-reference/contacts.html has no operation or schema "get-contact"',
    );
    expect(site.diagnostics[0].hint).toBe("Did you mean #getcontact?");
  });
});
