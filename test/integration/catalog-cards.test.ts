// The catalog's cards and the home page's hub cards, built from a tree: logos (front matter `logo:` or the old tile
// list), authentication, what a guide covers, the hubs' lines and icons from _data/hubs.yml.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage } from "../support/html-page.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";

let out: string;
let result: CliResult;

beforeAll(async () => {
  const tree = jekyllCompatTree();
  const overview = path.join(tree, "docs/elements/tidewater-crm/index.md");
  fs.writeFileSync(overview, fs.readFileSync(overview, "utf8").replace("hub: crm\n", "hub: crm\nlogo: tidewater.svg\nauthType: oauth2\n"));
  writeFiles(tree, {
    "docs/elements/tidewater-crm/tidewater.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>\n`,
    "_data/hubs.yml": "- key: crm\n  name: CRM\n  description: Leads and deals.\n  icon: M3 5h18v14H3z\n- key: helpdesk\n  name: Help Desk\n",
  });
  out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-cards-")), "_site");
  result = await runCli("build.ts", ["--source", tree, "--out", out, "--base", "/guides/"]);
});

describe("catalog cards", () => {
  it("build without a warning about the logo key", () => {
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain("front-matter-unknown-key");
  });

  it("show the element's logo under the base path, and authentication and what the guide covers", () => {
    const catalog = HtmlPage.read(out, "docs/elements.html");
    const card = catalog.all(".card").find((li) => li.attribs["data-terms"].includes("Tidewater CRM"))!;
    const html = new HtmlPage(catalog.html.slice(catalog.html.indexOf(`data-terms="Tidewater CRM`)));
    expect(card.attribs["data-auth"]).toBe("oauth2");
    expect(html.one("img.card__logo").attribs.src).toBe("/guides/docs/elements/tidewater-crm/tidewater.svg");
    expect(html.text(".card__auth")).toBe("OAuth 2.0");
    expect(html.texts(".card__tags li").slice(0, 2)).toEqual(["Events", "Query"]);
    expect(fs.existsSync(path.join(out, "docs/elements/tidewater-crm/tidewater.svg"))).toBe(true);
    expect(catalog.all("#catalog-auth option").map((o) => o.attribs.value)).toEqual(["", "oauth2"]);
  });

  it("give the home page one card per hub with the line and icon of _data/hubs.yml", () => {
    const home = HtmlPage.read(out, "index.html");
    expect(home.texts(".hub-card__title")).toContain("CRM");
    expect(home.text(".hub-card__text")).toBe("Leads and deals.");
    expect(home.one(".hub-card__icon path").attribs.d).toBe("M3 5h18v14H3z");
    expect(home.all(".hub-card__elements a").map((a) => a.attribs.href)).toContain("/guides/docs/elements/tidewater-crm/index.html");
  });
});
