// Element-wide front matter written once in the element folder's directory data file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../support/html-page.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";

let out: string;
let result: CliResult;
const page = (rel: string) => HtmlPage.read(out, rel);

beforeAll(async () => {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-dirdata-"));
  writeFiles(tree, {
    "_data/hubs.yml": "- key: crm\n  name: CRM\n",
    "_includes/key.md": "The key is `{{ page.elementKey }}` on the {{ page.heading }} element.\n",
    "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\nEvery guide.\n",
    "docs/elements/acme-crm/acme-crm.11tydata.yml": [
      "heading: Acme CRM",
      "elementId: 9001",
      "elementKey: acmecrm",
      "hub: crm",
      "layout: sidebarelementdoc",
      "breadcrumbs: /docs/elements.html",
      "parent: Back to Element Guides",
      "",
    ].join("\n"),
    "docs/elements/acme-crm/index.md": "---\ntitle: Overview\norder: 1\n---\n# Overview\n\n{% include key.md %}\n",
    "docs/elements/acme-crm/events.md": "---\ntitle: Events\norder: 30\nparent: All guides\n---\n# Events\n\nPolling.\n",
    // A Jekyll-era page that repeats everything keeps working beside them.
    "docs/elements/acme-crm/setup.md":
      "---\nheading: Acme CRM\ntitle: Setup\nlayout: sidebarelementdoc\nbreadcrumbs: /docs/elements.html\nparent: Back to Element Guides\nelementId: 9001\nelementKey: acmecrm\nhub: crm\norder: 5\n---\n# Setup\n",
  });
  out = path.join(tree, "_site");
  result = await runCli("build.ts", ["--source", tree, "--out", out]);
});

describe("directory data", () => {
  it("builds cleanly with the checks on", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("gives every page of the folder the element's front matter, includes too", () => {
    const overview = page("docs/elements/acme-crm/index.html");
    expect(overview.text("article")).toContain("The key is acmecrm on the Acme CRM element.");
    expect(overview.texts("nav.guide__nav a")).toEqual(["Overview", "Setup", "Events"]);
    expect(overview.all('a[href="/docs/elements.html"]').map(textOf)).toContain("Back to Element Guides");
  });

  it("lets a page's own front matter win", () => {
    const events = page("docs/elements/acme-crm/events.html");
    expect(events.all('a[href="/docs/elements.html"]').map(textOf)).toContain("All guides");
    expect(events.html).not.toContain("Back to Element Guides");
  });

  it("puts the element in the catalog and elements.json with its id, key and hub, and does not publish the data file", () => {
    const json = JSON.parse(fs.readFileSync(path.join(out, "elements.json"), "utf8"));
    expect(json.elements).toEqual([expect.objectContaining({ id: 9001, key: "acmecrm", hub: "crm", name: "Acme CRM" })]);
    expect(page("docs/elements.html").all('a[href="/docs/elements/acme-crm/index.html"]').length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(out, "docs/elements/acme-crm/acme-crm.11tydata.yml"))).toBe(false);
  });
});
