import { describe, expect, it } from "vitest";
import { checkCatalog } from "../../../src/checks/elements/check-catalog.ts";
import type { CheckedPage } from "../../../src/checks/links/check-links.ts";
import { SiteFiles } from "../../../src/checks/links/site-files.ts";

const site = { baseurl: "", url: "" };

function catalog(links: { value: string; line?: number }[]): CheckedPage {
  const origins: Record<number, { file: string; line: number }> = {};
  links.forEach(({ line }, i) => {
    if (line) origins[i] = { file: "docs/elements.md", line };
  });
  return {
    file: "docs/elements.md",
    url: "/docs/elements.html",
    outputPath: "docs/elements.html",
    facts: { ids: [], urls: links.map((l) => l.value), kinds: "l".repeat(links.length), origins },
  };
}

const files = new SiteFiles(["docs/elements/acme-crm/index.html", "docs/elements/old-crm/index.html", "docs/elements.html"]);

describe("checkCatalog", () => {
  it("accepts a catalog that links every element, by folder or page", () => {
    const found = checkCatalog(catalog([{ value: "./elements/acme-crm/" }, { value: "/docs/elements/acme-desk/index.html" }]), new Set(["acme-crm", "acme-desk"]), files, site);
    expect(found).toEqual([]);
  });

  it("warns about an element the catalog does not list", () => {
    const found = checkCatalog(catalog([{ value: "elements/acme-crm/" }]), new Set(["acme-crm", "acme-desk"]), files, site);
    expect(found).toEqual([
      expect.objectContaining({ file: "docs/elements.md", severity: "warning", code: "catalog-missing-element", message: expect.stringContaining('"acme-desk"') }),
    ]);
  });

  it("reports a listed element that does not exist, where the writer listed it", () => {
    // old-crm's folder only holds a redirect page: the link works, but the element is gone.
    const found = checkCatalog(catalog([{ value: "elements/acme-crm/" }, { value: "elements/old-crm/", line: 9 }]), new Set(["acme-crm"]), files, site);
    expect(found).toEqual([expect.objectContaining({ line: 9, severity: "error", code: "catalog-unknown-element" })]);
  });
});
