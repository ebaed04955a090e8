// Code blocks in every language a guide shows read at WCAG AA contrast in both themes: axe-core in Chromium on a
// guide with a block of each, in the token colours Shiki gives (comments, keyword arguments, shell variables...).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFiles } from "../support/fixture-tree.ts";
import { launchChromium } from "./support/browser.ts";
import { buildTreeSite } from "./support/built-site.ts";
import { serveFolder, type StaticServer } from "./support/static-server.ts";
import { violations } from "./suites/accessibility.ts";

const BLOCKS: Record<string, string> = {
  python: 'import requests  # a comment\n\ndef fetch(token: str) -> dict:\n    """Lists contacts."""\n    response = requests.get("https://api.test/contacts", headers={"Authorization": f"Bearer {token}"}, timeout=10)\n    return response.json()\n',
  bash: '# a comment\nexport TOKEN="abc"\ncurl -X GET "https://api.test/contacts?page=${PAGE:-1}" \\\n  -H "Authorization: Bearer $TOKEN" | jq \'.[0]\'\n',
  json: '{\n  "id": 12345,\n  "name": "Ada",\n  "active": true,\n  "tags": [null, 1.5]\n}\n',
  javascript: '// a comment\nconst response = await fetch(`https://api.test/contacts/${id}`, { headers: { Authorization: `Bearer ${token}` } });\nclass Client extends Base { static #count = 0; get name() { return this.#count; } }\n',
  yaml: '# a comment\nopenapi: 3.0.3\ninfo:\n  title: Acme\n  version: "1"\nanchors: &base { retries: 3 }\nlist: [true, ~, 0x1F]\n',
  xml: '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<contact id="7" xmlns:x="urn:x">\n  <name>Ada &amp; Co</name>\n  <![CDATA[raw]]>\n</contact>\n',
};
const PAGE = "docs/elements/acme/code.html";

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-code-contrast-"));
  const blocks = Object.entries(BLOCKS).map(([language, code]) => `\`\`\`${language}\n${code}\`\`\``);
  writeFiles(tree, {
    "_config.yml": "title: Element Guides\n",
    "docs/elements/acme/index.md": "---\nheading: Acme\ntitle: Overview\nlayout: sidebarelementdoc\n---\n# Overview\n",
    "docs/elements/acme/code.md": `---\nheading: Acme\ntitle: Code\nlayout: sidebarelementdoc\n---\n# Code\n\n${blocks.join("\n\n")}\n`,
  });
  [site, browser] = await Promise.all([buildTreeSite(tree).then(serveFolder), launchChromium()]);
});

afterAll(() => Promise.all([browser?.close(), site?.close()]));

describe("code blocks", () => {
  it.each(["light", "dark"] as const)("read at AA contrast in python, bash, json, javascript, yaml and xml, %s", async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(site.url + PAGE);
    expect(await page.locator("pre.shiki").count()).toBe(Object.keys(BLOCKS).length);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
