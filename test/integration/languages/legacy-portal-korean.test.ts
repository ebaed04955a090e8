// The legacy portal's Korean API-docs pages (`<element>/ko/api-docs.md`, 183 of them on the real portal) once
// `_config.yml` lists Korean: each is the Korean version of its element's English API-docs page, both ways, and
// joining the element costs no new problem (no clash of sidebar orders with the English page it translates).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyTree } from "../../support/fixture-tree.ts";
import { HtmlPage } from "../../support/html-page.ts";
import { runCli, type CliResult } from "../../support/run-cli.ts";

const PORTAL = path.resolve(import.meta.dirname, "../../fixtures/legacy-portal");

let out: string;
let result: CliResult;
let koreanPages: string[];

beforeAll(async () => {
  const tree = copyTree(PORTAL);
  fs.appendFileSync(path.join(tree, "_config.yml"), "\nlanguages: [en, ko]\n");
  koreanPages = fs
    .readdirSync(path.join(tree, "docs/elements"))
    .filter((element) => fs.existsSync(path.join(tree, "docs/elements", element, "ko/api-docs.md")))
    .map((element) => `docs/elements/${element}/ko/api-docs.html`);
  out = path.join(tree, "_site");
  result = await runCli("build.ts", ["--source", tree, "--out", out]);
});

const alternates = (rel: string) =>
  Object.fromEntries(
    HtmlPage.read(out, rel)
      .all('link[rel="alternate"][hreflang]')
      .map((link) => [link.attribs.hreflang, new URL(link.attribs.href).pathname.slice(1)]),
  );

describe("the legacy portal with languages: [en, ko]", () => {
  it("builds, and its Korean pages raise no problem of their element", () => {
    expect(result.code).toBe(0);
    expect(koreanPages.length).toBeGreaterThanOrEqual(5);
    expect(result.stdout + result.stderr).not.toMatch(/ (?:error|warning) element-/);
  });

  it("makes each Korean API-docs page the Korean version of its element's English one, and the reverse", () => {
    for (const ko of koreanPages) {
      const en = ko.replace("/ko/", "/");
      expect(HtmlPage.read(out, ko).one("html").attribs.lang, ko).toBe("ko");
      expect(alternates(ko), ko).toEqual({ en, ko, "x-default": en });
      expect(alternates(en), en).toEqual({ en, ko, "x-default": en });
      expect(fs.existsSync(path.join(out, en)), en).toBe(true);
    }
  });
});
