import { Liquid, Tokenizer } from "liquidjs";
import { describe, expect, it } from "vitest";
import { installHtmlTokenScan } from "../../../src/liquid/html-token-scan.ts";

// liquidjs's own scan, kept before the faster one replaces it for the rest of this file.
const liquidjsScan = Tokenizer.prototype.readHTMLToken;

/**
 * Every token of `template` as liquidjs's parser sees it: kind, place, and the text it keeps after trimming; or
 * the error that stops it.
 */
function tokens(template: string, options = new Liquid().options) {
  try {
    return new Tokenizer(template).readTopLevelTokens(options).map((token) => ({
      kind: token.kind,
      begin: token.begin,
      end: token.end,
      text: token.getText(),
      content: "getContent" in token ? (token as { getContent(): string }).getContent() : undefined,
    }));
  } catch (error) {
    return String(error);
  }
}

/** The text token read from `begin` of a tokenizer over `template` (or its range), by one scan or the other. */
function htmlToken(scan: typeof liquidjsScan, template: string, begin: number, stops: string[], range?: [number, number]) {
  const tokenizer = new Tokenizer(template, undefined, "page.md", range);
  tokenizer.p = begin;
  const token = scan.call(tokenizer, stops);
  return { begin: token.begin, end: token.end, p: tokenizer.p, file: token.file, text: token.getContent() };
}

const templates = [
  "",
  "plain text, no tags at all",
  "{{ a }}",
  "before {{ a }} middle {% if b %}yes{% endif %} after",
  "{{- a -}}  \n  {%- if b -%}\n x \n{%- endif -%}\n tail",
  "a { b } c {x} {{ d }} {%e%}{",
  "ends with an opening brace {",
  "ends with a half delimiter {{",
  "{% raw %}{{ not parsed }} {% if %}{% endraw %} then {{ parsed }}",
  "unicode é ✓ 𝄞 {{ x }} 漢字",
  "{% comment %} {{ inside }} {% endcomment %}",
  "{%- liquid\n assign x = 1\n echo x\n-%}",
  `${"text ".repeat(500)}{{ far }}${"more ".repeat(500)}`,
];

// Jekyll's includes: their file names and parameters are read with other stop strings than the page's text.
const includes = [
  "{% include note.html text='hi there' kind=k %} {% include {{ name }}.html %}",
  "{% include note.html text=\"a, b\" kind='x y' %}|{% include note.html %}",
  "{% include {{ name }}-{{ k }}.html %}",
];

function render(template: string): string {
  const liquid = new Liquid({
    jekyllInclude: true,
    dynamicPartials: false,
    templates: { "note.html": "[{{ include.text }}|{{ include.kind }}]", "a-b.html": "AB", "a-b-tip.html": "ABT" },
  });
  try {
    return liquid.parseAndRenderSync(template, { k: "tip", name: "a-b" });
  } catch (error) {
    return String(error);
  }
}

describe("the text between Liquid tags, found with one search", () => {
  const before = templates.map((template) => tokens(template));
  const custom = new Liquid({ tagDelimiterLeft: "<%", tagDelimiterRight: "%>", outputDelimiterLeft: "<$", outputDelimiterRight: "$>" }).options;
  const beforeCustom = tokens("a <% if x %> b <$ y $> c {{ not }} {% not %} <", custom);
  const renderedBefore = includes.map((template) => render(template));
  installHtmlTokenScan();

  it("has replaced liquidjs's scan", () => {
    expect(Tokenizer.prototype.readHTMLToken).not.toBe(liquidjsScan);
  });

  it("splits templates into the same tokens as liquidjs", () => {
    expect(templates.map((template) => tokens(template))).toEqual(before);
    expect(tokens("a <% if x %> b <$ y $> c {{ not }} {% not %} <", custom)).toEqual(beforeCustom);
  });

  it("stops where liquidjs stops, inside a range and at its edges", () => {
    const template = "abc {{ x }} de{% y %} f{{";
    const scan = Tokenizer.prototype.readHTMLToken;
    const cases: Array<[number, string[], [number, number]?]> = [];
    for (let begin = 0; begin <= template.length; begin++) {
      cases.push([begin, ["{{", "{%"]], [begin, [" ", ",", "{{"]], [begin, []], [begin, ["", "{{"]]);
      // Ranges ending inside a delimiter: liquidjs's check reads past the range's end.
      for (const end of [begin, begin + 1, 5, 13, 14, 15, template.length - 1]) {
        if (end >= begin && end <= template.length) cases.push([begin, ["{{", "{%"], [0, end]]);
      }
    }
    // Lists that a separator could confuse, each searched after the other; starts outside the input.
    cases.push([0, ["d", "\0{"]], [0, ["d\0", "{"]], [0, ["{{", "%"]], [0, ["{{%"]]);
    cases.push([-2, ["", "{{"], [-2, template.length]], [template.length + 2, [""], [template.length + 2, template.length + 5]]);
    for (const [begin, stops, range] of cases) {
      expect(htmlToken(scan, template, begin, stops, range), `${begin} ${JSON.stringify(stops)} ${JSON.stringify(range)}`).toEqual(
        htmlToken(liquidjsScan, template, begin, stops, range),
      );
    }
  });

  it("renders includes, their parameters and file names, as before", () => {
    const rendered = includes.map((template) => render(template));
    expect(rendered).toEqual(renderedBefore);
    expect(rendered[0]).toBe("[hi there|tip] AB");
  });
});
