import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFiles } from "../../support/fixture-tree.ts";

/** What a raw <script> in the fixture's Markdown would do if it ran: mark the page. */
export const INJECTED_MARK = "data-pwned";

const ELEMENT_FRONT_MATTER = [
  "heading: Acme CRM",
  "elementId: 9001",
  "elementKey: acmecrm",
  "hub: crm",
  "layout: sidebarelementdoc",
  "breadcrumbs: /docs/elements.html",
  "parent: Back to Element Guides",
].join("\n");

const injectedScript = `<script>document.documentElement.setAttribute("${INJECTED_MARK}", "yes"); document.title = "pwned";</script>`;

/**
 * A small tree whose pages carry every kind of HTML the build writes under the Content-Security-Policy: guide
 * pages with raw <script> in their Markdown (one moved, so it leaves a redirect page), a page whose layout is the
 * tree's own `page.liquid` (a whole document that knows nothing of the policy), a `layout: none` page, the
 * generated home page and 404.
 */
export function cspTree(): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-csp-"));
  writeFiles(tree, {
    "_config.yml": "title: Acme Guides\nurl: https://docs.example.test\n",
    "_data/hubs.yml": "- key: crm\n  name: CRM\n",
    "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\nEvery guide.\n",
    "docs/elements/acme-crm/index.md": [
      "---",
      ELEMENT_FRONT_MATTER,
      "title: Overview",
      "order: 1",
      "redirect_from: /docs/acme.html",
      "---",
      "# Overview",
      "",
      injectedScript,
      "",
      // Images and embeds from other https hosts, which guides brought over from Jekyll hold: the policy allows them.
      '![Build status](https://badges.example.test/build.svg)',
      "",
      '<iframe src="https://video.example.test/embed/intro" title="Intro"></iframe>',
      "",
      "| Field | Value |",
      "| :-- | --: |",
      "| key | acmecrm |",
      "",
      "```json",
      '{ "key": "acmecrm" }',
      "```",
      "",
    ].join("\n"),
    "docs/elements/acme-crm/events.md": `---\n${ELEMENT_FRONT_MATTER}\ntitle: Events\norder: 2\n---\n# Events\n\nAcme sends events by webhook.\n`,
    // A tree's own layout under one of our names, written without any thought of the policy.
    "_layouts/page.liquid": [
      "<!DOCTYPE html>",
      "<html>",
      "<head>",
      '<link rel="stylesheet" href="{{ "/assets/css/site.css" | asset_url }}">',
      "<title>{{ page.title }}</title>",
      "</head>",
      "<body><main>{{ content }}</main></body>",
      "</html>",
      "",
    ].join("\n"),
    "docs/about.md": `---\ntitle: About\nlayout: page\n---\n# About\n\n${injectedScript}\n`,
    "docs/bare.md": `---\ntitle: Bare\nlayout: none\n---\nA page with no layout at all.\n\n${injectedScript}\n`,
  });
  return tree;
}
