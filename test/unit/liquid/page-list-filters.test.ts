import { describe, expect, it } from "vitest";
import { createLiquid } from "../../../src/liquid/create-liquid.ts";
import { JekyllContext } from "../../../src/liquid/jekyll-context.ts";

// The loops the filters replaced in _includes/on-this-page.html and _includes/breadcrumb-trail.html: pages must
// come out byte for byte as these wrote them, blank lines included.
const TOC_LOOP = `    <ol>
      {%- for entry in toc %}
      <li class="toc__h{{ entry.level }}"><a href="#{{ entry.id | escape }}">{{ entry.text | escape }}</a></li>
      {%- endfor %}
    </ol>`;
const TOC_FILTER = `    <ol>
{{ toc | toc_items }}
    </ol>`;
const CRUMB_LOOP = `  <ol>
    {%- for crumb in breadcrumb_trail %}
    <li>{% if crumb.url %}<a href="{{ crumb.url | relative_url }}">{{ crumb.title | escape }}</a>{% else %}<span aria-current="page">{{ crumb.title | escape }}</span>{% endif %}</li>
    {%- endfor %}
  </ol>`;
const CRUMB_FILTER = `  <ol>
{{ breadcrumb_trail | breadcrumb_items }}
  </ol>`;

const liquid = createLiquid({ site: { url: "https://docs.example.test", baseurl: "/guides" }, markdownify: (text) => text, sourceDir: "/nowhere" });
const render = (source: string, scope: Record<string, unknown>) =>
  liquid.renderSync(liquid.parse(source), new JekyllContext(scope, liquid.options, { sync: true }, { liquid }));

describe("toc_items", () => {
  it("writes the headings as the Liquid loop did: levels, escaped ids and texts, blank lines between", () => {
    const toc = [
      { level: 2, id: "keys-&-tokens", text: `Keys & "tokens" <v2>` },
      { level: 3, id: "it's", text: "It's" },
      { level: 2, id: "limits", text: "Limits" },
    ];
    const html = render(TOC_FILTER, { toc });
    expect(html).toBe(render(TOC_LOOP, { toc }));
    expect(html).toContain(`<li class="toc__h3"><a href="#it&#39;s">It&#39;s</a></li>`);
  });
});

describe("breadcrumb_items", () => {
  it("links every step but the current page, with the base path, as the Liquid loop did", () => {
    const breadcrumb_trail = [
      { title: "Element Guides", url: "/docs/elements.html" },
      { title: "CRM & <Sales>", url: "/docs/elements.html#hub-crm" },
      { title: "Acme", url: "https://elsewhere.example.test/acme/" },
      { title: `Auth "keys"`, url: null },
    ];
    const html = render(CRUMB_FILTER, { breadcrumb_trail });
    expect(html).toBe(render(CRUMB_LOOP, { breadcrumb_trail }));
    expect(html).toContain(`<li><a href="/guides/docs/elements.html">Element Guides</a></li>`);
    expect(html).toContain(`<li><span aria-current="page">Auth &#34;keys&#34;</span></li>`);
  });

  it("links a step whose address is empty, since Liquid counts an empty string as true", () => {
    const breadcrumb_trail = [{ title: "Home", url: "" }, { title: "Here", url: false }];
    expect(render(CRUMB_FILTER, { breadcrumb_trail })).toBe(render(CRUMB_LOOP, { breadcrumb_trail }));
  });
});
