// Issue 10, point 3: no page fails silently. A page whose Liquid or layout fails is still written as well as it can
// be (a failing tag renders as nothing, a broken layout gives way to ours), and every page that is missing or
// incomplete is counted and named, grouped by cause, on stderr and in the JSON report.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage } from "../../support/html-page.ts";
import { runCli, type CliResult } from "../../support/run-cli.ts";

const ELEMENT = "docs/elements/tidewater-crm";

/** Front matter of a Tidewater CRM guide page, with its own sidebar position and layout. */
const head = (order: number, layout = "sidebarelementdoc") =>
  `---\nheading: Tidewater CRM\ntitle: Page ${order}\nlayout: ${layout}\nbreadcrumbs: /docs/elements.html\nelementId: 7301\nelementKey: tidewatercrm\nhub: crm\norder: ${order}\n---\n\n`;

const BROKEN_PAGES = {
  // Tags from Jekyll plugins this tree does not have, at the top level, inside a block, and as a block.
  [`${ELEMENT}/video.md`]:
    head(61) +
    "Text before the video.\n\n{% vimeo 42 %}\n\nText after the video.\n\n" +
    "{% if page.title %}Inside before {% vimeo 43 %} inside after.{% endif %}\n\n" +
    "{% sidebar %}Boxed words.{% endsidebar %}\n",
  [`${ELEMENT}/video-2.md`]: head(66) + "A second page with {% vimeo 7 %} in it.\n",
  // The tree's own layout does not parse.
  "_layouts/broken.liquid": "<main>\n{% if %}\n{{ content }}\n</main>\n",
  [`${ELEMENT}/broken-layout.md`]: head(62, "broken") + "Words in a broken layout.\n",
  // The tree's own layout parses, but fails while rendering.
  "_layouts/no-header.liquid": "{% include missing-header.html %}\n{{ content }}\n",
  [`${ELEMENT}/failing-layout.md`]: head(63, "no-header") + "Words in a failing layout.\n",
  // A layout nobody has.
  [`${ELEMENT}/fancy.md`]: head(64, "fancy-layout") + "Words in an unknown layout.\n",
  // Liquid that cannot even be split into tags.
  [`${ELEMENT}/unclosed.md`]: head(65) + "Words before an unclosed {{ page.title\n\nWords after it.\n",
  // Front matter that does not load: the one page that cannot be written.
  [`${ELEMENT}/broken-yaml.md`]: "---\ntitle: [unclosed\n---\n\nNever written.\n",
};

let tree: string;
let out: string;
let build: CliResult;
let json: { pageCount: number; pages: PagesJson; diagnostics: Array<{ file: string; line?: number; code: string; message: string }> };

interface PagesJson {
  total: number;
  rendered: number;
  failed: Array<{ file: string; code: string; message: string }>;
  incomplete: Array<{ file: string; code: string; outcome: string; layout?: string; ourLayout?: string }>;
}

beforeAll(async () => {
  tree = jekyllCompatTree();
  writeFiles(tree, BROKEN_PAGES);
  out = path.join(tree, "_site");
  // The problems are known (baselined), so the build goes through and writes what it could render.
  const baseline = await runCli("check.ts", ["--source", tree, "--update-baseline"]);
  expect(baseline.code, baseline.stderr).toBe(0);
  build = await runCli("build.ts", ["--source", tree, "--out", out]);
  const check = await runCli("check.ts", ["--source", tree, "--format", "json"]);
  json = JSON.parse(check.stdout);
}, 180_000);

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

const page = (name: string) => HtmlPage.read(out, `${ELEMENT}/${name}.html`);
const pagesLine = () => build.stderr.split("\n").find((line) => line.startsWith("Rendered ")) ?? "";

describe("a page with a Liquid or layout problem is still written, as well as it can be", () => {
  it("the build succeeds once its problems are baselined, and writes every page that loaded", () => {
    expect(build.code, build.stderr).toBe(0);
    for (const name of ["video", "video-2", "broken-layout", "failing-layout", "fancy", "unclosed"]) {
      expect(fs.existsSync(path.join(out, `${ELEMENT}/${name}.html`)), name).toBe(true);
    }
    expect(fs.existsSync(path.join(out, `${ELEMENT}/broken-yaml.html`))).toBe(false);
  });

  it("an unknown tag renders as nothing and the rest of the page, inside blocks too, renders", () => {
    const text = page("video").text("article");
    for (const words of ["Text before the video.", "Text after the video.", "Inside before", "inside after.", "Boxed words."]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain("vimeo");
  });

  it("each failing tag is reported at its line, and a failed block tag's end tag is not reported again", () => {
    const onVideo = json.diagnostics.filter((d) => d.file === `${ELEMENT}/video.md`);
    expect(onVideo.map((d) => [d.line, d.code, d.message])).toEqual([
      [14, "liquid-unknown-tag", 'tag "vimeo" not found'],
      [18, "liquid-unknown-tag", 'tag "vimeo" not found'],
      [20, "liquid-unknown-tag", 'tag "sidebar" not found'],
    ]);
  });

  it("a layout that does not parse, fails while rendering, or does not exist gives way to ours of the same kind", () => {
    for (const [name, words] of [
      ["broken-layout", "Words in a broken layout."],
      ["failing-layout", "Words in a failing layout."],
      ["fancy", "Words in an unknown layout."],
    ]) {
      const written = page(name);
      expect(written.text("article"), name).toContain(words);
      // Our element layout: the guide's sidebar is there.
      expect(written.all(".guide__sidebar"), name).toHaveLength(1);
    }
    const codes = json.diagnostics.map((d) => `${d.file} ${d.code}`);
    expect(codes).toContain("_layouts/broken.liquid liquid-syntax");
    expect(codes).toContain("_layouts/no-header.liquid liquid-include");
    expect(codes).toContain(`${ELEMENT}/fancy.md unknown-layout`);
  });

  it("Liquid that cannot be split into tags leaves the page's words, without Liquid", () => {
    const text = page("unclosed").text("article");
    expect(text).toContain("Words before an unclosed");
    expect(text).toContain("Words after it.");
  });
});

describe("every page that is missing or incomplete is counted and named", () => {
  it("stderr says how many pages were rendered of how many, and how many are missing or incomplete", () => {
    const match = /^Rendered (\d+) of (\d+) pages; 1 not written, 6 incomplete: /.exec(pagesLine());
    expect(match, build.stderr).not.toBeNull();
    expect(Number(match![2]) - Number(match![1])).toBe(1);
    expect(Number(match![2])).toBe(json.pages.total);
  });

  it("groups the pages by cause, most pages first, five causes at most and then how many more", () => {
    const causes = pagesLine().replace(/^.*? incomplete: /, "").split("; ");
    expect(causes).toEqual([
      '2 with parts left empty (liquid-unknown-tag: tag "vimeo" not found)',
      '1 in our layout "element", as layout "broken" failed (liquid-syntax: invalid value expression: "")',
      '1 in our layout "element", as layout "fancy-layout" failed (unknown-layout: The page names an unknown layout "fancy-layout")',
      '1 in our layout "element", as layout "no-header" failed (liquid-include: Include "missing-header.html" not found)',
      expect.stringMatching(/^1 not written \(front-matter-yaml: Front matter is not valid YAML: /),
      // The sixth cause, the unclosed {{ (shown without Liquid), is only counted.
      "and 1 more cause (1 page)",
    ]);
  });

  it("the line comes on stderr before the summary line", () => {
    expect(build.stderr.indexOf("Rendered ")).toBeGreaterThan(-1);
    expect(build.stderr.indexOf("Rendered ")).toBeLessThan(build.stderr.indexOf(" known"));
  });

  it("the JSON report lists the pages: total, rendered, each failed and each incomplete one with its cause", () => {
    expect(json.pages.rendered).toBe(json.pages.total - 1);
    expect(json.pageCount).toBe(json.pages.rendered);
    expect(json.pages.failed).toEqual([
      { file: `${ELEMENT}/broken-yaml.md`, code: "front-matter-yaml", message: expect.stringContaining("not valid YAML") },
    ]);
    const incomplete = Object.fromEntries(json.pages.incomplete.map((p) => [p.file, [p.outcome, p.code, p.layout]]));
    expect(incomplete).toEqual({
      [`${ELEMENT}/video.md`]: ["parts-empty", "liquid-unknown-tag", undefined],
      [`${ELEMENT}/video-2.md`]: ["parts-empty", "liquid-unknown-tag", undefined],
      [`${ELEMENT}/broken-layout.md`]: ["our-layout", "liquid-syntax", "broken"],
      [`${ELEMENT}/failing-layout.md`]: ["our-layout", "liquid-include", "no-header"],
      [`${ELEMENT}/fancy.md`]: ["our-layout", "unknown-layout", "fancy-layout"],
      [`${ELEMENT}/unclosed.md`]: ["no-liquid", "liquid-syntax", undefined],
    });
  });

  it("a clean build prints no such line", async () => {
    const clean = jekyllCompatTree();
    const result = await runCli("check.ts", ["--source", clean]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("Rendered ");
    fs.rmSync(clean, { recursive: true, force: true });
  });
});
